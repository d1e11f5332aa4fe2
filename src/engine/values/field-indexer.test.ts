import { describe, expect, it } from 'vitest'
import type { EsFieldType, FieldSpec } from '../schema/types'
import { indexerFor } from './field-indexer'
import type { IpValue, VersionValue } from './indexed-types'

const spec = (type: EsFieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name: 'f', type, origin: 'mapping', ...extra })
const idx = (type: EsFieldType, raw: unknown, extra: Partial<FieldSpec> = {}) => indexerFor(spec(type, extra))(raw)

describe('indexerFor', () => {
  it('keyword family: strings, JSON text of numbers and booleans, ignore_above', () => {
    for (const t of ['keyword', 'constant_keyword', 'wildcard'] as const) {
      expect(idx(t, 'a')).toBe('a')
      expect(idx(t, 5)).toBe('5')
      expect(idx(t, 1.5)).toBe('1.5')
      expect(idx(t, true)).toBe('true')
      expect(idx(t, {})).toBeUndefined()
    }
    expect(idx('keyword', 'abcd', { ignoreAbove: 3 })).toBeUndefined()
    expect(idx('keyword', 'abc', { ignoreAbove: 3 })).toBe('abc')
    expect(idx('keyword', '😀😀', { ignoreAbove: 3 })).toBeUndefined() // 4 UTF-16 units
  })

  it('unmapped fields index like an unlimited keyword', () => {
    expect(indexerFor(undefined)('x'.repeat(5000))).toHaveLength(5000)
    expect(indexerFor(undefined)(7)).toBe('7')
  })

  it('text keeps the string for functions', () => {
    expect(idx('text', 'Hello World')).toBe('Hello World')
    expect(idx('match_only_text', 3)).toBe('3')
  })

  it('integer types coerce numeric strings, truncate fractions and enforce ranges', () => {
    expect(idx('long', '42')).toBe(42)
    expect(idx('long', 4.9)).toBe(4)
    expect(idx('long', -4.9)).toBe(-4)
    expect(idx('long', ' 7 ')).toBeUndefined()
    expect(idx('double', ' 7 ')).toBe(7)
    expect(idx('long', '+7')).toBe(7)
    expect(idx('long', '.5')).toBe(0)
    expect(idx('long', '1e3')).toBe(1000)
    expect(idx('long', 'abc')).toBeUndefined()
    expect(idx('long', true)).toBeUndefined()
    expect(idx('long', '')).toBeUndefined()
    expect(idx('byte', 127)).toBe(127)
    expect(idx('byte', 128)).toBeUndefined()
    expect(idx('byte', -128)).toBe(-128)
    expect(idx('short', 40000)).toBeUndefined()
    expect(idx('integer', 2147483647)).toBe(2147483647)
    expect(idx('integer', 2147483648)).toBeUndefined()
    expect(idx('long', 9223372036854775807)).toBe(9223372036854775807) // rounded by JSON.parse, accepted
    expect(idx('long', 1e20)).toBeUndefined()
    expect(idx('unsigned_long', -1)).toBeUndefined()
    expect(idx('unsigned_long', 18446744073709551615)).toBe(18446744073709551616)
    expect(Object.is(idx('long', -0.5), 0)).toBe(true)
  })

  it('floating types round to their storage precision', () => {
    expect(idx('double', 0.1)).toBe(0.1)
    expect(idx('float', 0.1)).toBe(Math.fround(0.1))
    expect(idx('half_float', 0.1)).toBe(0.0999755859375)
    expect(idx('half_float', 1)).toBe(1)
    expect(idx('half_float', 70000)).toBe(Infinity)
    expect(idx('scaled_float', 1.23456, { scalingFactor: 100 })).toBe(1.23)
    expect(idx('scaled_float', '2.5')).toBe(3) // no factor: 1
    expect(idx('double', 'NaN')).toBeUndefined()
  })

  it('dates: epoch millis with the mapping format; date_nanos as bigint', () => {
    expect(idx('date', '2022-12-12T00:00:00Z')).toBe(Date.parse('2022-12-12T00:00:00Z'))
    expect(idx('date', '12-12-2022', { format: 'dd-MM-yyyy' })).toBe(Date.parse('2022-12-12T00:00:00Z'))
    expect(idx('date', '12-12-2022')).toBeUndefined()
    expect(idx('date', 1516116808349)).toBe(1516116808349)
    expect(idx('date', '100')).toBe(100)
    // ES gotcha kept on purpose: four digits read as a year by strict_date_optional_time first
    expect(idx('date', '1000')).toBe(Date.parse('1000-01-01T00:00:00Z'))
    expect(idx('date_nanos', '2022-12-12T00:00:00.000000005Z')).toBe(BigInt(Date.parse('2022-12-12T00:00:00Z')) * 1000000n + 5n)
    expect(idx('date_nanos', '1.000002')).toBe(1000002n)
    expect(idx('date_nanos', '1969-12-31T23:59:59Z')).toBeUndefined() // before the epoch
    expect(idx('date_nanos', '2262-04-12T00:00:00Z')).toBeUndefined() // past 2^63 nanos
    expect(idx('date_nanos', '2262-04-11T00:00:00Z')).toBe(BigInt(Date.parse('2262-04-11T00:00:00Z')) * 1000000n)
  })

  it('booleans', () => {
    expect(idx('boolean', true)).toBe(true)
    expect(idx('boolean', 'false')).toBe(false)
    expect(idx('boolean', '')).toBe(false)
    expect(idx('boolean', 'yes')).toBeUndefined()
    expect(idx('boolean', 1)).toBeUndefined()
  })

  it('ips and versions', () => {
    expect((idx('ip', '::ffff:10.0.0.1') as IpValue).text).toBe('10.0.0.1')
    expect(idx('ip', 'nope')).toBeUndefined()
    expect((idx('version', '1.2.3') as VersionValue).valid).toBe(true)
    expect((idx('version', 'bad') as VersionValue).valid).toBe(false)
  })

  it('types without exact values index nothing', () => {
    for (const t of ['object', 'nested', 'geo_point', 'alias', 'unsupported'] as const) expect(idx(t, 'x')).toBeUndefined()
  })
})
