import { describe, expect, it } from 'vitest'
import { matchDataOf } from './report-view'

const hit = (field: string) => [{ field, span: { start: 0, end: 1 } }]

describe('matchDataOf', () => {
  it('uses the report’s matched indexes and hits when it has them', () => {
    const d = matchDataOf({ result: { kind: 'events', events: [{ index: 4, hits: [] }] }, matchedIndexes: [4], hits: { 4: hit('a') } })
    expect(d).toEqual({ matchedIndexes: [4], hits: { 4: hit('a') }, matchCount: 1 })
  })

  it('derives them from the result when the report lacks them', () => {
    const d = matchDataOf({ result: { kind: 'events', events: [{ index: 9, hits: hit('b') }, { index: 2, hits: [] }] }, matchedIndexes: [], hits: {} })
    expect(d.matchedIndexes).toEqual([2, 9])
    expect(d.hits[9]).toEqual(hit('b'))
    expect(d.matchCount).toBe(2)
  })

  it('counts sequences, not their events, and skips missing stages', () => {
    const d = matchDataOf({ result: { kind: 'sequences', sequences: [{ joinKeys: ['h'], events: [{ index: 0, hits: [] }, { missing: true }, { index: 3, hits: [] }] }] } })
    expect(d).toMatchObject({ matchedIndexes: [0, 3], matchCount: 1 })
  })

  it('has nothing for a run without result', () => {
    expect(matchDataOf({ result: null })).toEqual({ matchedIndexes: [], hits: {}, matchCount: 0 })
  })
})
