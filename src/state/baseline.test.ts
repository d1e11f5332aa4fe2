import { describe, expect, it } from 'vitest'
import { baselineOf, flipIndex, flips, type ReportForBaseline } from './baseline'

const report = (matchedIndexes: number[], over: Partial<ReportForBaseline> = {}): ReportForBaseline => ({
  query: 'process where true',
  language: 'eql',
  eventsVersion: 1,
  result: { kind: 'events', events: [] },
  matchedIndexes,
  ...over,
})

describe('baselineOf', () => {
  it('keeps the query, language, dataset and matched indexes (sorted, once each)', () => {
    const b = baselineOf(report([4, 1, 4, 2]), 123)
    expect(b).toEqual({ query: 'process where true', language: 'eql', matched: [1, 2, 4], eventsVersion: 1, pinnedAt: 123 })
  })
  it('is null for a run without a result', () => {
    expect(baselineOf(report([], { result: null }), 1)).toBeNull()
  })
})

describe('flips', () => {
  const base = baselineOf(report([1, 3, 5, 7]), 0)
  if (base === null) throw new Error('no baseline')

  it('lists new and lost matches', () => {
    expect(flips(base, report([0, 3, 5, 8, 9]))).toEqual({ gained: [0, 8, 9], lost: [1, 7] })
  })
  it('is empty when nothing changed', () => {
    expect(flips(base, report([7, 5, 3, 1]))).toEqual({ gained: [], lost: [] })
  })
  it('loses everything when nothing matches now', () => {
    expect(flips(base, report([]))).toEqual({ gained: [], lost: [1, 3, 5, 7] })
  })
  it('is null when the current run has no result or ran over other events', () => {
    expect(flips(base, null)).toBeNull()
    expect(flips(base, report([1], { result: null }))).toBeNull()
    expect(flips(base, report([1], { eventsVersion: 2 }))).toBeNull()
  })
  it('indexes the flips per event', () => {
    const map = flipIndex(flips(base, report([0, 3])))
    expect([...map]).toEqual([
      [0, 'gained'],
      [1, 'lost'],
      [5, 'lost'],
      [7, 'lost'],
    ])
    expect(flipIndex(null).size).toBe(0)
  })
})
