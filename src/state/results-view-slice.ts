// Owned by the results panel (engineer U4): only they edit this file after the store split.
import type { SliceCreator } from './store'

/** A half-open range of the query text, as engine spans are. */
export interface TextSpan {
  readonly start: number
  readonly end: number
}

/** How the results are being looked at: view state only, never persisted, never sent to the worker. */
export interface ResultsViewSlice {
  /** show only matched events (otherwise non-matching ones are shown dimmed) */
  readonly onlyMatches: boolean
  /** the event (by input index) the user selected in the results */
  readonly selectedIndex: number | null
  /** the query span under the pointer, highlighted in both the editor and the results */
  readonly hoveredSpan: TextSpan | null
  /**
   * the clause that decided the selected event's outcome, highlighted in the editor while its
   * explanation is shown and nothing is pointed at (kept apart from `hoveredSpan`, so an
   * explanation arriving late never overrides what the pointer is on)
   */
  readonly decidingSpan: TextSpan | null
  /**
   * an event to bring into view in the results list (selected at the same time): the virtualized
   * list holds only the rows near the view, so the list itself scrolls to it (and opens what hides
   * it); `seq` makes asking twice for the same event scroll again
   */
  readonly revealRequest: { readonly eventIndex: number; readonly seq: number } | null

  setOnlyMatches(onlyMatches: boolean): void
  selectEvent(index: number | null): void
  hoverSpan(span: TextSpan | null): void
  setDecidingSpan(span: TextSpan | null): void
  /** selects event `index` and asks the results list to scroll to it */
  revealEvent(index: number): void
}

export const createResultsViewSlice = (): SliceCreator<ResultsViewSlice> => (set) => ({
  onlyMatches: false,
  selectedIndex: null,
  hoveredSpan: null,
  decidingSpan: null,
  revealRequest: null,

  setOnlyMatches: (onlyMatches) => set({ onlyMatches }),
  selectEvent: (selectedIndex) => set({ selectedIndex }),
  // Pointer moves repeat the same span; an unchanged span must not notify every subscriber.
  hoverSpan: (hoveredSpan) => set((s) => (sameSpan(s.hoveredSpan, hoveredSpan) ? s : { hoveredSpan })),
  setDecidingSpan: (decidingSpan) => set((s) => (sameSpan(s.decidingSpan, decidingSpan) ? s : { decidingSpan })),
  revealEvent: (eventIndex) => set((s) => ({ selectedIndex: eventIndex, revealRequest: { eventIndex, seq: (s.revealRequest?.seq ?? 0) + 1 } })),
})

function sameSpan(a: TextSpan | null, b: TextSpan | null): boolean {
  return a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end)
}
