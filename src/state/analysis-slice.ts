import type { Analysis } from '../worker/protocol'
import type { PlaygroundState } from './store'
import type { SliceCreator } from './store'

/**
 * The latest analysis of the query over the events (clause coverage and near misses, worker kind
 * `analyze`). Only effects-analysis.ts calls the actions; the editor's coverage decorations and the
 * near-miss list read it through `currentAnalysis`, which hides an analysis of another text.
 */
export interface AnalysisSlice {
  /** null before the first analysis, and when the query had errors */
  readonly analysis: Analysis | null
  /** effects: an analysis for the current inputs arrived */
  finishAnalysis(analysis: Analysis): void
  /** effects: nothing to analyze (errors, empty query, failed run) */
  clearAnalysis(): void
}

export const createAnalysisSlice = (): SliceCreator<AnalysisSlice> => (set) => ({
  analysis: null,
  finishAnalysis: (analysis) => set({ analysis }),
  clearAnalysis: () => set((s) => (s.analysis === null ? s : { analysis: null })),
})

/**
 * The analysis when it is for exactly the current query, language and events; null otherwise
 * (spans of another text would point at the wrong characters).
 */
export function currentAnalysis(state: Pick<PlaygroundState, 'analysis' | 'query' | 'language' | 'report'>): Analysis | null {
  const a = state.analysis
  if (a === null || a.query !== state.query || a.language !== state.language) return null
  if (state.report !== null && state.report.eventsVersion !== a.eventsVersion) return null
  return a
}
