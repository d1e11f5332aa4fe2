import { describe, expect, it } from 'vitest'
import { matches } from './compile-test-helpers'
import { parseTimeZone, wallToUtc } from './compile-time-zone'

describe('dateFormatTZ', () => {
  it('parses UTC aliases, fixed offsets and IANA names', () => {
    expect(parseTimeZone('Zulu')).toEqual({ kind: 'fixed', offsetMs: 0 })
    expect(parseTimeZone('+02:00')).toEqual({ kind: 'fixed', offsetMs: 7_200_000 })
    expect(parseTimeZone('-0530')).toEqual({ kind: 'fixed', offsetMs: -19_800_000 })
    expect(parseTimeZone('Mars/Olympus')).toBeUndefined()
    const paris = parseTimeZone('Europe/Paris')
    expect(paris?.kind).toBe('named')
    if (paris === undefined) return
    // 2024-07-01T12:00 in Paris (CEST, +02:00) is 10:00 UTC
    expect(wallToUtc(paris, Date.UTC(2024, 6, 1, 12))).toBe(Date.UTC(2024, 6, 1, 10))
    expect(wallToUtc(paris, Date.UTC(2024, 0, 1, 12))).toBe(Date.UTC(2024, 0, 1, 11))
  })

  type Row = readonly [string, string, string, boolean]
  const rows: readonly Row[] = [
    // the day 2024-05-01 in +02:00 runs from 2024-04-30T22:00Z
    ['@timestamp:2024-05-01', '+02:00', '2024-04-30T22:30:00Z', true],
    ['@timestamp:2024-05-01', 'Zulu', '2024-04-30T22:30:00Z', false],
    // explicit offsets and epoch millis are not shifted
    ['@timestamp:"2024-05-01T00:00:00Z"', '+02:00', '2024-05-01T00:00:00Z', true],
    ['@timestamp:1714521600000', '+02:00', '2024-05-01T00:00:00Z', true],
    // now/d rounds to the zone's midnight: now is 2024-05-02T12:00Z, 14:00 in +02:00
    ['@timestamp >= now/d', '+02:00', '2024-05-01T22:00:00Z', true],
    ['@timestamp >= now/d', '+02:00', '2024-05-01T21:59:59Z', false],
    ['@timestamp >= now/d', 'America/Phoenix', '2024-05-02T07:00:00Z', true],
    ['@timestamp >= now/d', 'America/Phoenix', '2024-05-02T06:59:59Z', false],
  ]
  it.each(rows)('%s in %s vs %s -> %s', (query, tz, ts, expected) => {
    expect(matches(query, { '@timestamp': ts }, undefined, { dateFormatTZ: tz })).toBe(expected)
  })
})
