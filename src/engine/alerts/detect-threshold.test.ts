import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { detectThreshold, thresholdHistoryAfter } from './detect-threshold'
import type { ThresholdParams } from './rule-params'
import type { ThresholdDetails } from './types'

const T0 = Date.parse('2024-06-04T13:00:00.000Z')
const at = (min: number) => T0 + min * 60_000
type Ev = { host?: unknown; user?: unknown; src?: unknown; t: number }
const make = (list: Ev[]) => {
  const events = list.map((e) => ({ '@timestamp': new Date(e.t).toISOString(), host: { name: e.host }, user: { name: e.user }, source: { ip: e.src } }))
  return { events, times: Float64Array.from(list.map((e) => e.t)), all: list.map((_, i) => i) }
}
const window = { from: at(0), to: at(10) }
const p = (fields: string[], value: number, cardinality: ThresholdParams['cardinality'] = []): ThresholdParams => ({ fields, value, cardinality })
const details = (d: { details?: unknown }) => d.details as ThresholdDetails

describe('detectThreshold', () => {
  const { events, times, all } = make([
    { host: 'a', user: 'u1', t: at(1) },
    { host: 'a', user: 'u2', t: at(2) },
    { host: 'a', user: 'u1', t: at(3) },
    { host: 'b', user: 'u1', t: at(4) },
    { host: 'b', user: 'u3', t: at(5) },
    { user: 'u9', t: at(6) },
  ])

  it('one field: groups with count >= value (exactly at the value alerts), an event without the field in none', () => {
    const got = detectThreshold(p(['host.name'], 2), all, events, times, window)
    expect(got.map((d) => [details(d).terms, details(d).count])).toEqual([
      [[{ field: 'host.name', value: 'a' }], 3],
      [[{ field: 'host.name', value: 'b' }], 2],
    ])
    expect(detectThreshold(p(['host.name'], 3), all, events, times, window).map((d) => details(d).count)).toEqual([3])
  })

  it('time is the latest event of the group, from the earliest; events outside the window do not count', () => {
    const [a] = detectThreshold(p(['host.name'], 3), all, events, times, window)
    expect(a?.time).toBe(at(3))
    expect(details(a ?? {}).from).toBe(at(1))
    expect(a?.eventIndexes).toEqual([0, 1, 2])
    expect(detectThreshold(p(['host.name'], 3), all, events, times, { from: at(2), to: at(10) })).toEqual([])
    // both window ends are inclusive
    expect(detectThreshold(p(['host.name'], 3), all, events, times, { from: at(1), to: at(3) })).toHaveLength(1)
  })

  it('two fields: one group per combination', () => {
    const got = detectThreshold(p(['host.name', 'user.name'], 2), all, events, times, window)
    expect(got.map((d) => details(d).terms.map((t) => t.value))).toEqual([['a', 'u1']])
    expect(got[0]?.key.startsWith('t:')).toBe(true)
  })

  it('no fields: one group of every matched event', () => {
    const got = detectThreshold(p([], 6), all, events, times, window)
    expect(got.map((d) => [details(d).terms, details(d).count])).toEqual([[[], 6]])
    expect(detectThreshold(p([], 7), all, events, times, window)).toEqual([])
    expect(detectThreshold(p([], 2), [0, 3], events, times, window).map((d) => d.eventIndexes)).toEqual([[0, 3]])
  })

  it('cardinality: distinct values of the field in the group must reach the condition', () => {
    const pass = detectThreshold(p(['host.name'], 2, [{ field: 'user.name', value: 2 }]), all, events, times, window)
    expect(pass.map((d) => [details(d).terms[0]?.value, details(d).cardinality])).toEqual([
      ['a', [{ field: 'user.name', value: 2 }]],
      ['b', [{ field: 'user.name', value: 2 }]],
    ])
    const fail = detectThreshold(p(['host.name'], 2, [{ field: 'user.name', value: 3 }]), all, events, times, window)
    expect(fail).toEqual([])
  })

  it('array values: the event is in one group per distinct value; a repeated value counts once', () => {
    const m = make([
      { host: ['a', 'b', 'a'], t: at(1) },
      { host: 'a', t: at(2) },
      { host: [], t: at(3) },
    ])
    const got = detectThreshold(p(['host.name'], 1), m.all, m.events, m.times, window)
    expect(got.map((d) => [details(d).terms[0]?.value, d.eventIndexes])).toEqual([
      ['a', [0, 1]],
      ['b', [0]],
    ])
  })

  it('groups by what the field indexes: an ip field by address, a keyword over ignore_above not at all', () => {
    const m = make([
      { src: '10.0.0.1', t: at(1) },
      { src: '::ffff:10.0.0.1', t: at(2) },
    ])
    const { schema } = buildSchema({ ecs: true, events: m.events })
    const got = detectThreshold(p(['source.ip'], 2), m.all, m.events, m.times, window, { schema })
    expect(got.map((d) => details(d).terms)).toEqual([[{ field: 'source.ip', value: '10.0.0.1' }]])
    const long = make([{ host: 'x'.repeat(2000), t: at(1) }])
    const s2 = buildSchema({ ecs: true, events: long.events }).schema
    expect(detectThreshold(p(['host.name'], 1), long.all, long.events, long.times, window, { schema: s2 })).toEqual([])
  })

  it('a field inside a nested mapping groups nothing (a top-level aggregation does not see it)', () => {
    const m = make([{ host: 'a', t: at(1) }])
    const { schema } = buildSchema({ ecs: false, events: m.events, mappings: { properties: { host: { type: 'nested', properties: { name: { type: 'keyword' } } } } } })
    expect(detectThreshold(p(['host.name'], 1), m.all, m.events, m.times, window, { schema })).toEqual([])
    expect(detectThreshold(p(['host.name'], 1), m.all, m.events, m.times, window)).toHaveLength(1)
  })

  it('signal history: events of a group already alerted on are not counted again', () => {
    const first = detectThreshold(p(['host.name'], 2), all, events, times, { from: at(0), to: at(4) })
    expect(first.map((d) => details(d).terms[0]?.value)).toEqual(['a'])
    const history = thresholdHistoryAfter(undefined, first)
    expect([...history.values()]).toEqual([{ terms: [{ field: 'host.name', value: 'a' }], lastSignalTimestamp: at(3) }])
    // the next, overlapping window sees a's three events again: without history they alert again
    const again = detectThreshold(p(['host.name'], 2), all, events, times, { from: at(1), to: at(10) })
    expect(again.map((d) => details(d).terms[0]?.value)).toEqual(['a', 'b'])
    const withHistory = detectThreshold(p(['host.name'], 2), all, events, times, { from: at(1), to: at(10) }, { history })
    expect(withHistory.map((d) => details(d).terms[0]?.value)).toEqual(['b'])
  })

  it('the same group with the same latest event keeps its key (an overlapping window folds it)', () => {
    const a = detectThreshold(p(['host.name'], 2), all, events, times, { from: at(0), to: at(10) })
    const b = detectThreshold(p(['host.name'], 2), all, events, times, { from: at(2), to: at(10) })
    expect(b.find((d) => details(d).terms[0]?.value === 'b')?.key).toBe(a.find((d) => details(d).terms[0]?.value === 'b')?.key)
    expect(b.find((d) => details(d).terms[0]?.value === 'a')?.key).toBe(a.find((d) => details(d).terms[0]?.value === 'a')?.key)
  })
})
