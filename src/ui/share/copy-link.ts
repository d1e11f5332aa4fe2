import type { PreparedLink, ShareOptions, ShareSource } from '../../share/prepare-link'
import type { PlaygroundState, PlaygroundStore } from '../../state/store'
import { showShareStatus } from './share-status'

/**
 * Making and copying the current document's link, for the share dialog and Ctrl/Cmd+S. The link
 * code (engine query parsers, codec) is loaded on first use, so the page's first load stays lean.
 */

/** The page's address without its fragment: what a link's fragment is appended to. */
export function pageUrlOf(location: Pick<Location, 'origin' | 'pathname' | 'search'>): string {
  return `${location.origin}${location.pathname}${location.search}`
}

/** The document as the store holds it, in the shape the link code reads. */
export function shareSourceOf(s: PlaygroundState): ShareSource {
  return {
    language: s.language,
    query: s.query,
    eventsText: s.eventsText,
    settings: s.settings,
    kqlSettings: s.kqlSettings,
    title: s.title,
    task: s.task,
    expectations: s.expectations,
    exceptions: s.exceptions,
    eventsFile: s.eventsFile,
  }
}

/** The link for the current document with `options` (async: compression runs off the main loop's turn). */
export async function prepareLink(s: PlaygroundState, options: ShareOptions): Promise<PreparedLink> {
  const { prepareShareLink } = await import('../../share/prepare-link')
  return prepareShareLink(shareSourceOf(s), options, pageUrlOf(window.location))
}

/** Writes `text` to the clipboard; false when the browser refuses (no permission, insecure page). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

// Spelled here, not imported: a value import of prepare-link would pull the engine into the page's first load.
const AS_IT_IS: ShareOptions = { keepOnlyQueryFields: false, withoutEvents: false, redact: [] }

/**
 * Ctrl/Cmd+S: copies the link of the current document as it is (no trimming, no redaction: the
 * shortcut cannot ask, and the dialog is one click away) and says so in the header. When the
 * clipboard refuses, the Share dialog opens, where the link can be selected and copied by hand.
 */
export async function copyLinkShortcut(store: PlaygroundStore): Promise<void> {
  const prepared = await prepareLink(store.getState(), AS_IT_IS)
  if (prepared.tooLong) {
    showShareStatus('The link is too long to open: use Share to trim it')
    store.getState().openPanelNamed('share')
    return
  }
  if (!(await copyText(prepared.url))) {
    showShareStatus('Could not copy the link: copy it from the Share dialog')
    store.getState().openPanelNamed('share')
    return
  }
  const chars = prepared.length.length.toLocaleString('en-US')
  showShareStatus(prepared.eventsLeftOut ? `Link copied, without the events (${chars} characters)` : `Link copied (${chars} characters)`)
}
