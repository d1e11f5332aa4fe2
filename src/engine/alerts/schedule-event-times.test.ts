import { describe, expect, it } from 'vitest'
import { countWithoutTime, eventTimes, timeRangeOf } from './schedule-event-times'

const T1 = '2024-01-01T00:01:00Z'
const T2 = '2024-01-01T00:02:00Z'
const I1 = '2024-01-01T00:11:00Z'
const I3 = '2024-01-01T00:13:00Z'

// A: both fields; B: only @timestamp; C: only the override; D: neither
const events = [
  { '@timestamp': T1, event: { ingested: I1 } },
  { '@timestamp': T2 },
  { event: { ingested: I3 } },
  { message: 'no time' },
]

function iso(times: Float64Array): (string | null)[] {
  return [...times].map((t) => (Number.isNaN(t) ? null : new Date(t).toISOString()))
}

describe('eventTimes', () => {
  it('uses @timestamp without an override', () => {
    expect(iso(eventTimes(events, {}))).toEqual(['2024-01-01T00:01:00.000Z', '2024-01-01T00:02:00.000Z', null, null])
  })

  it('with an override and the fallback (Kibana default): the override, else @timestamp', () => {
    const times = eventTimes(events, { timestampOverride: 'event.ingested' })
    expect(iso(times)).toEqual(['2024-01-01T00:11:00.000Z', '2024-01-01T00:02:00.000Z', '2024-01-01T00:13:00.000Z', null])
    expect(countWithoutTime(times)).toBe(1)
  })

  it('with the fallback disabled: events without the override have no time', () => {
    const times = eventTimes(events, { timestampOverride: 'event.ingested', timestampOverrideFallbackDisabled: true })
    expect(iso(times)).toEqual(['2024-01-01T00:11:00.000Z', null, '2024-01-01T00:13:00.000Z', null])
    expect(countWithoutTime(times)).toBe(2)
  })

  it('an override of @timestamp itself is no override (Kibana adds no fallback for it)', () => {
    expect(iso(eventTimes(events, { timestampOverride: '@timestamp', timestampOverrideFallbackDisabled: true }))).toEqual(iso(eventTimes(events, {})))
  })

  it('ignores the fallback flag when there is no override', () => {
    expect(iso(eventTimes(events, { timestampOverrideFallbackDisabled: true }))).toEqual(iso(eventTimes(events, {})))
  })

  it('reads dotted keys, epoch millis and the earliest of several values', () => {
    const times = eventTimes(
      [{ 'event.ingested': I1 }, { event: { ingested: 1_704_067_260_000 } }, { event: { ingested: [I3, I1] } }],
      { timestampOverride: 'event.ingested' },
    )
    expect(iso(times)).toEqual(['2024-01-01T00:11:00.000Z', '2024-01-01T00:01:00.000Z', '2024-01-01T00:11:00.000Z'])
  })

  it('an override value that does not parse counts as missing (falls back)', () => {
    const e = [{ '@timestamp': T1, event: { ingested: 'yesterday' } }]
    expect(iso(eventTimes(e, { timestampOverride: 'event.ingested' }))).toEqual(['2024-01-01T00:01:00.000Z'])
    expect(iso(eventTimes(e, { timestampOverride: 'event.ingested', timestampOverrideFallbackDisabled: true }))).toEqual([null])
  })

  it('handles odd events without throwing', () => {
    expect(iso(eventTimes([null, 42, 'text', [], { '@timestamp': null }], {}))).toEqual([null, null, null, null, null])
  })
})

describe('timeRangeOf', () => {
  it('spans the events with a time', () => {
    const times = eventTimes(events, { timestampOverride: 'event.ingested' })
    expect(timeRangeOf(times)).toEqual({ from: Date.parse(T2), to: Date.parse(I3) })
  })

  it('is undefined when no event has a time, or there are none', () => {
    expect(timeRangeOf(new Float64Array(0))).toBeUndefined()
    expect(timeRangeOf(eventTimes([{}, {}], {}))).toBeUndefined()
  })
})
