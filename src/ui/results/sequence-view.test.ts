import { describe, expect, it } from 'vitest'
import { buildSequenceView, joinKeyText, MISSING_EXPLANATION, readField, sequenceShape } from './sequence-view'

describe('sequenceShape', () => {
  it('reads by fields, maxspan and until from the query', () => {
    const q = 'sequence by host.name, user.name with maxspan=5m\n  [process where true]\n  [network where true]\nuntil [process where event.type == "end"]'
    expect(sequenceShape(q)).toEqual({ byFields: ['host.name', 'user.name'], maxspanMs: 300_000, hasUntil: true })
  })

  it('accepts maxspan before by, and no until', () => {
    expect(sequenceShape('sequence with maxspan=30s by `host.name` [a where true] [b where true]')).toEqual({
      byFields: [],
      maxspanMs: 30_000,
      hasUntil: false,
    })
    expect(sequenceShape('sequence by host.name [a where x == "until ["] [b where true]').hasUntil).toBe(false)
  })
})

describe('readField', () => {
  it('resolves nested objects, dotted keys and mixes', () => {
    expect(readField({ a: { b: 1 } }, 'a.b')).toBe(1)
    expect(readField({ 'a.b': 2 }, 'a.b')).toBe(2)
    expect(readField({ 'process.parent': { name: 'sh' } }, 'process.parent.name')).toBe('sh')
    expect(readField({ a: [{ b: 3 }] }, 'a.b')).toBe(3)
    expect(readField({ a: 1 }, 'b')).toBeUndefined()
    expect(readField(null, 'a')).toBeUndefined()
  })
})

describe('buildSequenceView', () => {
  const events: Record<number, unknown> = {
    0: { '@timestamp': '2026-11-23T10:00:00Z' },
    2: { '@timestamp': '2026-11-23T10:03:00Z' },
  }
  const seq = {
    joinKeys: ['mbp-042'],
    events: [{ index: 0, hits: [] }, { missing: true as const }, { index: 2, hits: [] }],
  }

  it('lists stages in order with timestamps, offsets and the window used', () => {
    const v = buildSequenceView(seq, { byFields: ['host.name'], maxspanMs: 300_000, hasUntil: false }, '@timestamp', (i) => events[i])
    expect(v.joinKeys).toBe('host.name: "mbp-042"')
    expect(v.window).toBe('3 of 5 m used')
    expect(v.untilNote).toBeNull()
    expect(v.stages.map((s) => (s.kind === 'event' ? [s.timestamp, s.offset] : s.explanation))).toEqual([
      ['2026-11-23T10:00:00Z', '+0 ms'],
      MISSING_EXPLANATION,
      ['2026-11-23T10:03:00Z', '+3 m'],
    ])
  })

  it('shows placeholders while events load and explains until', () => {
    const v = buildSequenceView(seq, { byFields: [], maxspanMs: null, hasUntil: true }, '@timestamp', () => undefined)
    expect(v.joinKeys).toBe('"mbp-042"')
    expect(v.window).toBeNull()
    expect(v.untilNote).toMatch(/^until: /)
    expect(v.stages[0]).toMatchObject({ kind: 'event', timestamp: '…', offset: null })
  })

  it('names join keys only when the names line up with the values', () => {
    expect(joinKeyText(['a', null], ['x', 'y'])).toBe('x: "a", y: null')
    expect(joinKeyText(['a', null], ['x'])).toBe('"a", null')
  })
})
