import type { CompareReport } from '../worker/protocol'
import type { QueryLanguage } from './document-slice'
import type { PlaygroundState, SliceCreator } from './store'

/**
 * "Compare two rule versions side by side": the current query (side A) against another version
 * (side B) — the pinned baseline, another example's query, or one the user pasted — over the same
 * events. View state of this session, never persisted or shared. Only effects-compare.ts talks to
 * the worker; the panel (src/ui/compare) reads the report through `currentComparison`, which hides
 * a report of other inputs.
 */

/** The version the current query is compared with, and where it came from. */
export interface CompareOther {
  readonly language: QueryLanguage
  readonly query: string
  /** how the panel names it: "Pinned baseline", an example's title, "Pasted query" */
  readonly label: string
  readonly source: 'pin' | 'example' | 'pasted'
}

/** idle: nothing asked or the answer is in; running: a comparison is on its way; failed: see `compareFailure`. */
export type CompareStatus = 'idle' | 'running' | 'failed'

export interface CompareSlice {
  /** side B; null until the user chooses one */
  readonly compareOther: CompareOther | null
  readonly compareReport: CompareReport | null
  readonly compareStatus: CompareStatus
  readonly compareFailure: string | null

  /** chooses side B (the comparison re-runs while the panel is open) */
  setCompareOther(other: CompareOther | null): void
  /** opens the compare panel, with `other` as side B when given */
  openCompare(other?: CompareOther): void
  /** effects: a comparison was sent */
  startCompare(): void
  /** effects: the comparison for the current inputs arrived */
  finishCompare(report: CompareReport): void
  /** effects: the worker could not compare (timeout, engine failure) */
  failCompare(message: string): void
}

export const createCompareSlice = (): SliceCreator<CompareSlice> => (set) => ({
  compareOther: null,
  compareReport: null,
  compareStatus: 'idle',
  compareFailure: null,

  setCompareOther: (compareOther) => set({ compareOther }),
  openCompare: (other) => set((s) => ({ openPanel: 'compare', compareOther: other ?? s.compareOther })),
  startCompare: () => set({ compareStatus: 'running', compareFailure: null }),
  finishCompare: (compareReport) => set({ compareReport, compareStatus: 'idle', compareFailure: null }),
  failCompare: (compareFailure) => set({ compareStatus: 'failed', compareFailure }),
})

/**
 * The comparison when it is for exactly the current query and language, the chosen other version
 * and the events of the latest run; null otherwise (its spans and counts would be of other texts).
 */
export function currentComparison(
  state: Pick<PlaygroundState, 'compareReport' | 'compareOther' | 'query' | 'language' | 'report'>,
): CompareReport | null {
  const r = state.compareReport
  const other = state.compareOther
  if (r === null || other === null) return null
  if (r.a.query !== state.query || r.a.language !== state.language) return null
  if (r.b.query !== other.query || r.b.language !== other.language) return null
  if (state.report !== null && state.report.eventsVersion !== r.eventsVersion) return null
  return r
}
