import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { parseDateMillis } from '../values/date-parse'
import { canonicalIso, orderingFor } from './run-ordering-readers'
import { eqlSettings } from './settings'

describe('canonicalIso fast path', () => {
  it('agrees with the full parser on canonical timestamps', () => {
    for (const t of ['2024-05-01T12:34:56.789Z', '2024-02-29T00:00:00Z', '1970-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
      expect(canonicalIso(t)).toBe(parseDateMillis(t))
    }
  })
  it('declines anything else, leaving it to the full parser', () => {
    for (const t of ['2023-02-29T00:00:00Z', '2024-13-01T00:00:00Z', '2024-05-01T24:00:00Z', '2024-05-01T12:34:56.789+01:00', '0099-01-01T00:00:00Z', '2024-05-01 12:34:56Z', '2024-05-01T12:34:5x.789Z']) {
      expect(canonicalIso(t)).toBeUndefined()
    }
  })
})

describe('orderingFor', () => {
  const events = [
    { '@timestamp': '2024-05-01T00:00:00.001Z', n: 5, seq: 3, nano: '2024-05-01T00:00:00.000000002Z' },
    { '@timestamp': '2024-05-01T00:00:00+01:00', n: 7, seq: '2' },
    { '@timestamp': 1714521600000 },
    { '@timestamp': 'garbage' },
  ]
  it('reads dates through the mapping, numbers as epoch millis, nanos as bigint', () => {
    const { schema } = buildSchema({ mappings: { '@timestamp': 'date', n: 'long', seq: 'long', nano: 'date_nanos' } })
    const ts = orderingFor(schema, eqlSettings()).timestamp
    expect(events.map((e) => ts(e))).toEqual([Date.parse('2024-05-01T00:00:00.001Z'), Date.parse('2024-04-30T23:00:00Z'), 1714521600000, undefined])
    expect(orderingFor(schema, eqlSettings({ timestampField: 'n' })).timestamp(events[1])).toBe(7)
    expect(orderingFor(schema, eqlSettings({ timestampField: 'nano' })).timestamp(events[0])).toBe(1714521600000000002n)
    const tie = orderingFor(schema, eqlSettings({ tiebreakerField: 'seq' })).tiebreaker
    expect(tie?.(events[0])).toBe(3)
    expect(tie?.(events[1])).toBe(2)
    expect(tie?.(events[2])).toBeUndefined()
  })
  it('parses an unmapped timestamp field with the default date format', () => {
    const { schema } = buildSchema({})
    const ts = orderingFor(schema, eqlSettings()).timestamp
    expect(ts(events[0])).toBe(Date.parse('2024-05-01T00:00:00.001Z'))
    expect(ts(events[2])).toBe(1714521600000)
    expect(ts(events[3])).toBeUndefined()
  })
})
