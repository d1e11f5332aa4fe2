import { describe, expect, it } from 'vitest'
import { buildSequenceView, eventsOutside, groupOfEvent, joinKeyText, MISSING_EXPLANATION, positionOutside, readField, sequenceListRows, sequenceShape, withHeadMounted } from './sequence-view'

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
    events: [{ index: 0 }, { missing: true as const }, { index: 2 }],
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

describe('events in no sequence', () => {
  const groups = [
    { joinKeys: [], events: [{ index: 1 }, { missing: true as const }, { index: 4 }] },
    { joinKeys: [], events: [{ index: 4 }, { index: 2 }] },
  ]

  it('lists every event of no group, ascending, and where each sits', () => {
    const outside = eventsOutside(6, groups)
    expect([...outside]).toEqual([0, 3, 5])
    expect([positionOutside(outside, 3), positionOutside(outside, 4), positionOutside(outside, 9)]).toEqual([1, -1, -1])
    expect([...eventsOutside(3, [])]).toEqual([0, 1, 2])
    expect(eventsOutside(0, groups).length).toBe(0)
  })

  it('names the first group of each grouped event', () => {
    expect([...groupOfEvent(groups)]).toEqual([[1, 0], [4, 0], [2, 1]])
  })

  it('lays the rows out: groups, the collapsed head, then its events when open', () => {
    const outside = eventsOutside(6, groups)
    const closed = sequenceListRows(2, outside, false)
    expect(closed.count).toBe(3)
    expect([0, 1, 2].map(closed.at)).toEqual([{ kind: 'group', n: 0 }, { kind: 'group', n: 1 }, { kind: 'outside-head' }])
    const open = sequenceListRows(2, outside, true)
    expect(open.count).toBe(6)
    expect(open.at(5)).toEqual({ kind: 'outside', k: 2, eventIndex: 5 })
    // every event in a group: no head at all
    expect(sequenceListRows(2, new Int32Array(0), true).count).toBe(2)
  })

  it('keeps the head mounted above rows of the open group, and only then', () => {
    expect(withHeadMounted([40, 41, 42], 2, true)).toEqual([2, 40, 41, 42])
    expect(withHeadMounted([0, 1, 2, 3], 2, true)).toEqual([0, 1, 2, 3])
    expect(withHeadMounted([0, 1], 2, true)).toEqual([0, 1])
    expect(withHeadMounted([40, 41], 2, false)).toEqual([40, 41])
  })

  it('stays cheap for 200,000 events', () => {
    const many = eventsOutside(200_000, [{ joinKeys: [], events: [{ index: 7 }] }])
    expect(many.length).toBe(199_999)
    expect(positionOutside(many, 8)).toBe(7)
  })
})
