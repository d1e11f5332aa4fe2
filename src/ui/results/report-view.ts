import type { ExceptedEvent, ReportResult } from '../../worker/protocol'
import type { Analysis, ExcludedItem } from '../../worker/protocol-analyze'
import { formatCount } from './format-results'

/**
 * The per-event view of a run: matched indexes (ascending) and the number of matches in the
 * result's own terms. The hits are not here: the list gets them for the rows in view
 * (use-event-window.ts).
 */
export interface MatchData {
  readonly matchedIndexes: readonly number[]
  /** matches in the result's own terms: events, sequences or samples */
  readonly matchCount: number
}

interface ReportLike {
  readonly result: ReportResult | null
  readonly matchedIndexes: readonly number[]
}

export function matchDataOf(report: ReportLike): MatchData {
  const { result } = report
  if (!result) return { matchedIndexes: [], matchCount: 0 }
  const matchCount = result.kind === 'events' ? result.count : result.kind === 'sequences' ? result.sequences.length : result.samples.length
  return { matchedIndexes: report.matchedIndexes, matchCount }
}

/** How one event stands against the rule (data-match-state on its row). */
export type MatchState = 'matched' | 'no-match' | 'excluded-by-query' | 'excluded-by-exception'

/** What the rows need of a run report for their state: the report, its excepted events. */
export interface ReportKey {
  readonly query: string
  readonly language: string
  readonly eventsVersion: number
  readonly matchedIndexes?: readonly number[]
  readonly excepted?: readonly ExceptedEvent[]
}

/**
 * The analysis when it is of exactly the report's query, language and events (its exclusions
 * then describe the rows on show, even while a newer edit is still being typed); else null.
 */
export function analysisOfReport(report: ReportKey | null, analysis: Analysis | null): Analysis | null {
  if (report === null || analysis === null) return null
  const same = analysis.query === report.query && analysis.language === report.language && analysis.eventsVersion === report.eventsVersion
  return same ? analysis : null
}

// Lookups built once per analysis / report and shared by every row: a row's state is one Map read.
const excludedMaps = new WeakMap<Analysis, ReadonlyMap<number, ExcludedItem>>()
const exceptedMaps = new WeakMap<readonly ExceptedEvent[], ReadonlyMap<number, number>>()

/** The analysis's excluded events by event index. */
export function excludedByIndex(analysis: Analysis): ReadonlyMap<number, ExcludedItem> {
  let m = excludedMaps.get(analysis)
  if (m === undefined) {
    m = new Map(analysis.excluded.map((e) => [e.eventIndex, e]))
    excludedMaps.set(analysis, m)
  }
  return m
}

/** The report's excepted events: event index -> exception item index (-1: lost its sequence). */
export function exceptedByIndex(excepted: readonly ExceptedEvent[]): ReadonlyMap<number, number> {
  let m = exceptedMaps.get(excepted)
  if (m === undefined) {
    m = new Map(excepted.map((e) => [e.index, e.item]))
    exceptedMaps.set(excepted, m)
  }
  return m
}

/**
 * A row's state. An exception wins (the rule matched the event, an exception item took it out);
 * then a match; then the query's own exclusions (every positive clause held, a negated one did
 * not); else no match.
 */
export function matchStateOf(matched: boolean, excluded: ExcludedItem | undefined, exceptedItem: number | undefined): MatchState {
  if (exceptedItem !== undefined) return 'excluded-by-exception'
  if (matched) return 'matched'
  if (excluded !== undefined) return 'excluded-by-query'
  return 'no-match'
}

/** How many events are excluded, and by what (for the count line). */
export interface ExcludedCounts {
  readonly byQuery: number
  /** the analysis stopped at its time limit: `byQuery` counts the events scanned before */
  readonly partial?: boolean
  readonly byException: number
}

/**
 * Excluded events of a report and its analysis. By the query: the analysis's total, less events
 * that are matched all the same (a sequence event excluded from one stage but filling another).
 */
export function excludedCounts(report: ReportKey, analysis: Analysis | null): ExcludedCounts {
  const byException = report.excepted?.length ?? 0
  const a = analysisOfReport(report, analysis)
  if (a === null) return { byQuery: 0, byException }
  const matched = report.matchedIndexes ?? []
  const excepted = report.excepted === undefined ? undefined : exceptedByIndex(report.excepted)
  let notCounted = 0
  for (const e of a.excluded) if (includesSorted(matched, e.eventIndex) || excepted?.has(e.eventIndex)) notCounted++
  const byQuery = Math.max(0, a.excludedTotal - notCounted)
  return a.stopped ? { byQuery, byException, partial: true } : { byQuery, byException }
}

/** Whether an ascending list holds `n` (binary search: a report may match 200,000 events). */
export function includesSorted(list: readonly number[], n: number): boolean {
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const v = list[mid]
    if (v === undefined) return false
    if (v === n) return true
    if (v < n) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

/** `3 excluded (2 by the query, 1 by an exception)` (`at least 3 ...` when partial); empty when none is. */
export function excludedText({ byQuery, byException, partial }: ExcludedCounts): string {
  const total = byQuery + byException
  if (total === 0) return ''
  const parts: string[] = []
  if (byQuery > 0) parts.push(`${formatCount(byQuery)} by the query`)
  if (byException > 0) parts.push(`${formatCount(byException)} by ${byException === 1 ? 'an exception' : 'exceptions'}`)
  return `${partial === true ? 'at least ' : ''}${formatCount(total)} excluded (${parts.join(', ')})`
}

/** The name an exception item goes by in the results: its own, else `exception N` (1-based). */
export function exceptionLabel(name: string | undefined, item: number): string {
  const n = name?.trim()
  return n ? n : `exception ${item + 1}`
}

/** One line of source text, shortened: `not process.args : ( "a", … )` for a badge. */
export function shortClause(text: string, max = 48): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const open = flat.indexOf('(')
  // a list: keep what comes before it and show the list as (…)
  if (open > 0 && open < max - 3 && flat.endsWith(')')) return `${flat.slice(0, open + 1)}…)`
  return `${flat.slice(0, max - 1)}…`
}
