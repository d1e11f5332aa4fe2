import type { PreparedLink, ShareOptions, ShareSource } from '../../share/prepare-link'
import type { PlaygroundState } from '../../state/store'

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
