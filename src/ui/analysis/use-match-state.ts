import type { PlaygroundState } from '../../state/store'
import type { ExcludedItem } from '../../worker/protocol-analyze'
import { analysisOfReport, exceptedByIndex, exceptionLabel, excludedByIndex, matchStateOf, type MatchState } from '../results/report-view'
import { usePlayground } from '../use-playground'

/** A row's state with what it needs to say it: the exclusions that took it out, or the exception item. */
export interface MatchStateView {
  readonly state: MatchState
  /** excluded by the query: every negated clause that took the event out */
  readonly excluded?: ExcludedItem
  /** excluded by an exception: the item's index in the run's exceptions (-1: lost its sequence) */
  readonly exceptedItem?: number
  /** the item's name as the results show it (`exception N` when it has none) */
  readonly exceptionName?: string
}

const MATCHED: MatchStateView = { state: 'matched' }
const NO_MATCH: MatchStateView = { state: 'no-match' }

/** The analysis's exclusions for one event, when the analysis is of the report on show (O(1)). */
export function excludedOf(s: Pick<PlaygroundState, 'report' | 'analysis'>, eventIndex: number): ExcludedItem | undefined {
  const a = analysisOfReport(s.report, s.analysis)
  return a === null ? undefined : excludedByIndex(a).get(eventIndex)
}

/** The exception item that took one event out of the report's matches (O(1)). */
export function exceptedOf(s: Pick<PlaygroundState, 'report'>, eventIndex: number): number | undefined {
  const excepted = s.report?.excepted
  return excepted === undefined ? undefined : exceptedByIndex(excepted).get(eventIndex)
}

/**
 * One row's match state. Each selector is a lookup in a Map built once per report or analysis
 * (report-view.ts), so the virtualized list pays nothing per row for it; a row re-renders only
 * when its own state changes (the selectors return stable values).
 */
export function useMatchState(eventIndex: number, match: boolean): MatchStateView {
  const excluded = usePlayground((s) => excludedOf(s, eventIndex))
  const exceptedItem = usePlayground((s) => exceptedOf(s, eventIndex))
  const name = usePlayground((s) => (exceptedItem === undefined || exceptedItem < 0 ? undefined : s.exceptions[exceptedItem]?.name))
  const state = matchStateOf(match, excluded, exceptedItem)
  if (state === 'matched') return MATCHED
  if (state === 'no-match') return NO_MATCH
  if (state === 'excluded-by-query') return { state, excluded }
  return { state, exceptedItem, exceptionName: exceptedItem === undefined || exceptedItem < 0 ? undefined : exceptionLabel(name, exceptedItem) }
}
