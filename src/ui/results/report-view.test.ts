import { describe, expect, it } from 'vitest'
import type { Analysis, ExcludedItem } from '../../worker/protocol-analyze'
import {
  analysisOfReport,
  exceptedByIndex,
  exceptionLabel,
  excludedByIndex,
  excludedCounts,
  excludedText,
  includesSorted,
  matchDataOf,
  matchStateOf,
  shortClause,
  type ReportKey,
} from './report-view'

describe('matchDataOf', () => {
  it('counts an event query’s matches and passes its matched indexes on', () => {
    expect(matchDataOf({ result: { kind: 'events', count: 2 }, matchedIndexes: [2, 9] })).toEqual({ matchedIndexes: [2, 9], matchCount: 2 })
  })

  it('counts sequences, not their events', () => {
    const d = matchDataOf({ result: { kind: 'sequences', sequences: [{ joinKeys: ['h'], events: [{ index: 0 }, { missing: true }, { index: 3 }] }] }, matchedIndexes: [0, 3] })
    expect(d).toEqual({ matchedIndexes: [0, 3], matchCount: 1 })
  })

  it('has nothing for a run without result', () => {
    expect(matchDataOf({ result: null, matchedIndexes: [] })).toEqual({ matchedIndexes: [], matchCount: 0 })
  })
})

const QUERY = 'process where a == 1 and not b : ("x", "y")'
const exclusion = (i: number): ExcludedItem => ({
  eventIndex: i,
  exclusions: [{ filter: 'query', span: { start: 24, end: 44 }, text: 'not b : ("x", "y")', leafSpan: { start: 33, end: 36 }, leafText: '"x"', field: 'b', values: ['x'] }],
})
const analysis = (over: Partial<Analysis> = {}): Analysis => ({
  query: QUERY,
  language: 'eql',
  eventsVersion: 3,
  eventCount: 10,
  diagnostics: [],
  coverage: [],
  nearMisses: [],
  nearMissTotal: 0,
  excluded: [exclusion(2), exclusion(5)],
  excludedTotal: 2,
  stopped: false,
  ...over,
})
const report = (over: Partial<ReportKey> = {}): ReportKey => ({ query: QUERY, language: 'eql', eventsVersion: 3, matchedIndexes: [0, 1], ...over })

/** Every row's state, as the list computes it: a lookup per row. */
function states(r: ReportKey, a: Analysis | null, n: number): string[] {
  const shown = analysisOfReport(r, a)
  const excluded = shown === null ? undefined : excludedByIndex(shown)
  const excepted = r.excepted === undefined ? undefined : exceptedByIndex(r.excepted)
  const matched = new Set(r.matchedIndexes)
  return Array.from({ length: n }, (_, i) => matchStateOf(matched.has(i), excluded?.get(i), excepted?.get(i)))
}

describe('match states', () => {
  it('matched, excluded by the query, no match', () => {
    expect(states(report(), analysis(), 6)).toEqual(['matched', 'matched', 'excluded-by-query', 'no-match', 'no-match', 'excluded-by-query'])
  })

  it('a report carrying excepted events: excluded by an exception, including a lost sequence (item -1)', () => {
    const r = report({ matchedIndexes: [0], excepted: [{ index: 1, item: 0 }, { index: 4, item: -1 }] })
    expect(states(r, analysis(), 6)).toEqual(['matched', 'excluded-by-exception', 'excluded-by-query', 'no-match', 'excluded-by-exception', 'excluded-by-query'])
    expect(exceptedByIndex(r.excepted ?? []).get(4)).toBe(-1)
    expect(excludedText(excludedCounts(r, analysis()))).toBe('4 excluded (2 by the query, 2 by exceptions)')
  })

  it('ignores an analysis of another query, language or dataset', () => {
    expect(analysisOfReport(report(), analysis({ query: 'x' }))).toBeNull()
    expect(analysisOfReport(report(), analysis({ eventsVersion: 4 }))).toBeNull()
    expect(states(report(), analysis({ language: 'kql' }), 3)).toEqual(['matched', 'matched', 'no-match'])
  })

  it('builds each lookup once per analysis and report', () => {
    const a = analysis()
    expect(excludedByIndex(a)).toBe(excludedByIndex(a))
    const ex = [{ index: 1, item: 2 }]
    expect(exceptedByIndex(ex)).toBe(exceptedByIndex(ex))
  })
})

describe('count line and labels', () => {
  it('finds an index in an ascending list', () => {
    const list = [1, 4, 9, 200000]
    expect([0, 1, 4, 5, 9, 200000, 200001].map((n) => includesSorted(list, n))).toEqual([false, true, true, false, true, true, false])
    expect(includesSorted([], 0)).toBe(false)
  })

  it('says how many are excluded and by what', () => {
    expect(excludedText({ byQuery: 2, byException: 1 })).toBe('3 excluded (2 by the query, 1 by an exception)')
    expect(excludedText({ byQuery: 3, byException: 0 })).toBe('3 excluded (3 by the query)')
    expect(excludedText({ byQuery: 0, byException: 0 })).toBe('')
    expect(excludedText(excludedCounts(report(), analysis({ stopped: true })))).toBe('at least 2 excluded (2 by the query)')
  })

  it('counts the analysis total, less events matched all the same (a sequence stage)', () => {
    expect(excludedCounts(report(), analysis({ excludedTotal: 7 }))).toEqual({ byQuery: 7, byException: 0 })
    expect(excludedCounts(report({ matchedIndexes: [2] }), analysis())).toEqual({ byQuery: 1, byException: 0 })
    expect(excludedCounts(report(), null)).toEqual({ byQuery: 0, byException: 0 })
  })

  it('names exception items, and shortens clauses to one line', () => {
    expect(exceptionLabel('JAMF agent', 0)).toBe('JAMF agent')
    expect(exceptionLabel('  ', 1)).toBe('exception 2')
    expect(exceptionLabel(undefined, 0)).toBe('exception 1')
    expect(shortClause('not process.args :\n  (\n "a",\n "b"\n )')).toBe('not process.args : ( "a", "b" )')
    expect(shortClause('not process.args : ("a very long value indeed", "and another long one")')).toBe('not process.args : (…)')
  })
})
