import type { DecodeResult } from '../share/share-link'
import type { OpenedDocument } from './document-slice'
import type { PlaygroundStore } from './store'

/**
 * Opening a share link (issue 5): at start-up and on every hashchange, main.tsx hands the
 * location here. The decision (is this a link, does it open, what to tell the user) is pure and
 * tested in Node; only `openLinkFromLocation` touches the store and the history.
 */

/** What to do with a location's fragment. */
export type LinkDecision =
  | { readonly kind: 'ignore' }
  | { readonly kind: 'open'; readonly doc: OpenedDocument; readonly note: string | null }
  | { readonly kind: 'problem'; readonly message: string }

/**
 * Whether a fragment is meant as one of our links: `#v` and a version (or what is left of one when
 * a chat app cut it). Anything else (`#top`, an anchor another tool added) is not ours to judge.
 */
export function looksLikeShareLink(hash: string): boolean {
  return /^#?v\d*(\.|$)/.test(hash)
}

/** The decision for a decoded link: open the whole document, or say why not and open nothing. */
export async function decideFromDecoded(result: DecodeResult): Promise<LinkDecision> {
  if (!result.ok) return { kind: 'problem', message: result.error.message }
  const { openedDocumentOf } = await import('../share/document-link')
  const note = result.warnings.length > 0 ? `The shared link opened. ${result.warnings.join(' ')}` : null
  return { kind: 'open', doc: openedDocumentOf(result.doc), note }
}

/** The decision for a fragment (with its `#`); the codec is loaded only when there is a link to read. */
export async function decideLink(hash: string): Promise<LinkDecision> {
  if (!looksLikeShareLink(hash)) return { kind: 'ignore' }
  // Loaded on demand: the codec brings the ECS version table, which a page without a link never needs.
  const { decodeShareLink } = await import('../share/share-link')
  return decideFromDecoded(await decodeShareLink(hash))
}

/** The parts of `window.location` and `window.history` this needs, so tests can pass fakes. */
export type LinkLocation = Pick<Location, 'hash' | 'pathname' | 'search'>
export type LinkHistory = Pick<History, 'replaceState' | 'state'>

/** The parts of the store this needs. */
export type LinkStore = Pick<PlaygroundStore, 'getState'>

/**
 * Opens the share link in `location`'s fragment, if there is one. Returns true when a document
 * was opened.
 *
 * - Opened: the store's `openDocument` replaces the document (the autosaved one stays restorable
 *   as the previous document) and the run follows by itself; the first-visit guide closes. Then the fragment is removed with
 *   `replaceState` (no new history entry, no hashchange): a reload must show the autosaved
 *   document with the edits made since, not open the link again over them.
 * - Not opened (damaged, cut, newer version): the problem goes to the banner and the document is
 *   left untouched. The fragment stays, so the user can see in the address bar what was pasted;
 *   a reload reports it again and still changes nothing.
 */
export async function openLinkFromLocation(store: LinkStore, location: LinkLocation, history: LinkHistory | undefined = globalThis.history): Promise<boolean> {
  const hash = location.hash
  const decision = await decideLink(hash)
  // A newer hashchange may have come while this one decoded; the address bar is the truth.
  if (location.hash !== hash) return false
  switch (decision.kind) {
    case 'ignore':
      return false
    case 'problem':
      store.getState().reportLinkProblem(decision.message)
      return false
    case 'open':
      store.getState().openDocument(decision.doc)
      store.getState().reportLinkProblem(decision.note)
      // The first-visit guide explains the example a first visit opens, not a shared document.
      store.getState().setGuideOpen(false)
      history?.replaceState(history.state, '', `${location.pathname}${location.search}`)
      return true
  }
}
