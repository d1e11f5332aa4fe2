/**
 * The first-visit guide: one short note per pane, and which notes the user has already
 * acknowledged with "Got it" while the guide is open. Whether the guide shows at all is the
 * store's `guideOpen` (not autosaved, so a dismissal survives reloads); which single notes were
 * acknowledged is only this page's business, kept here so the three panes share it.
 */
import type { PlaygroundStore } from '../../state/store'

export type GuidePane = 'query' | 'events' | 'results'

export const GUIDE_PANES: readonly GuidePane[] = ['query', 'events', 'results']

/** The notes, in the order a newcomer reads the page: what to look at, then what to try. */
export const GUIDE_NOTES: Readonly<Record<GuidePane, { readonly title: string; readonly text: string }>> = {
  query: {
    title: 'The rule',
    text:
      'An Elastic detection rule in EQL. `:` ignores case where `==` does not, and the `not process.args : (…)` list ' +
      'spares JAMF’s own management scripts. Try changing `:` to `==` in the hook names and watch the results follow.',
  },
  events: {
    title: 'The events',
    text:
      'Elastic Defend events, one JSON object per line, each labelled with the outcome the rule should give: attacks, ' +
      'benign look-alikes, and JAMF runs whose path the shell split at the space in "Application Support". Edit one, or paste your own.',
  },
  results: {
    title: 'The results',
    text:
      'What the query matches, and a check of every event against its label. Open an event to see its fields; ' +
      'a broken label shows as a chip that jumps to it. More rules are under Examples.',
  },
}

let acknowledged: ReadonlySet<GuidePane> = new Set()
const listeners = new Set<() => void>()

/** The panes whose note was acknowledged ("Got it") since the guide was last shown. */
export function acknowledgedNotes(): ReadonlySet<GuidePane> {
  return acknowledged
}

/** Subscribes to changes of acknowledgedNotes (for useSyncExternalStore). */
export function subscribeAcknowledged(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function setAcknowledged(next: ReadonlySet<GuidePane>): void {
  acknowledged = next
  for (const l of listeners) l()
}

/** Hides one pane's note; returns true when that was the last one showing (the guide is done). */
export function acknowledgeNote(pane: GuidePane): boolean {
  const next = new Set(acknowledged).add(pane)
  setAcknowledged(next)
  return GUIDE_PANES.every((p) => next.has(p))
}

/** Shows every note again (the guide was reopened from the Examples menu). */
export function resetAcknowledged(): void {
  if (acknowledged.size > 0) setAcknowledged(new Set())
}

/**
 * Closes the guide (every note) for good: autosave saves the document when the guide closes
 * (effects-persist.ts), so the next load restores it instead of starting the first visit again.
 */
export function closeGuide(store: PlaygroundStore): void {
  store.getState().setGuideOpen(false)
  resetAcknowledged()
}

/** Opens the guide with every note showing. */
export function openGuide(store: PlaygroundStore): void {
  resetAcknowledged()
  store.getState().setGuideOpen(true)
}
