import { describe, expect, it } from 'vitest'
import { makeDataset } from './dataset'
import { canonicalJson, eventFingerprint, fingerprintMarks, placeMarks } from './handle-fingerprint'

const A = { id: 'a', process: { name: 'sh', args: ['-c', 'x'] } }
const B = { id: 'b' }
const C = { id: 'c' }
const fp = eventFingerprint

describe('eventFingerprint', () => {
  it('ignores key order but not values, nesting or array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}')
    expect(fp({ x: 1, y: 2 })).toBe(fp({ y: 2, x: 1 }))
    expect(fp({ x: 1 })).not.toBe(fp({ x: 2 }))
    expect(fp({ x: [1, 2] })).not.toBe(fp({ x: [2, 1] }))
    expect(fp({ 'a.b': 1 })).not.toBe(fp({ a: { b: 1 } }))
    expect(fp(A)).toMatch(/^[0-9a-z]+$/)
  })
})

describe('placeMarks', () => {
  const place = (events: readonly unknown[], marks: Parameters<typeof placeMarks>[0]) => placeMarks(marks, events.length, (i) => fp(events[i]))

  it('fingerprints marks without one at their position, and says when the position is past the events', () => {
    expect(place([A, B], [{ index: 1 }, { index: 5 }])).toEqual([{ index: 1, fingerprint: fp(B) }, { index: null, fingerprint: null }])
  })

  it('follows events that moved: an insert above, a delete, a reorder', () => {
    const marks = [{ index: 0, fingerprint: fp(A) }, { index: 1, fingerprint: fp(B) }]
    expect(place([C, A, B], marks).map((p) => p.index)).toEqual([1, 2])
    expect(place([B], marks).map((p) => p.index)).toEqual([null, 0])
    expect(place([B, C, A], marks).map((p) => p.index)).toEqual([2, 0])
  })

  it('keeps identical events apart: each mark claims its own, in the marks\' old order', () => {
    const marks = [{ index: 0, fingerprint: fp(A) }, { index: 1, fingerprint: fp(A) }]
    expect(place([C, A, A], marks).map((p) => p.index)).toEqual([1, 2])
    // one of the two copies deleted: one mark is placed, the other is gone (never both on one event)
    expect(place([C, A], marks).map((p) => p.index).sort()).toEqual([1, null])
  })

  it('lets a mark that stayed keep its event before moved marks look for theirs', () => {
    const marks = [{ index: 2, fingerprint: fp(A) }, { index: 0, fingerprint: fp(A) }]
    // the mark at #2 still finds A there; the other takes the first unclaimed A
    expect(place([A, C, A], marks).map((p) => p.index)).toEqual([2, 0])
  })
})

describe('fingerprintMarks', () => {
  it('answers for the dataset, its count and the placed marks', () => {
    const d = makeDataset(7, [A, B, C], [])
    const r = fingerprintMarks({ kind: 'fingerprint', eventsVersion: 7, marks: [{ index: 0, fingerprint: fp(C) }] }, d)
    expect(r).toEqual({ eventsVersion: 7, eventCount: 3, marks: [{ index: 2, fingerprint: fp(C) }] })
  })
})
