import { describe, expect, it } from 'vitest'
import type { EsFieldType, FieldSpec } from '../schema/types'
import { constantIndexerFor } from './constant-indexer'
import { indexerFor } from './field-indexer'
import { isFault, type IpValue } from './indexed-types'

const spec = (type: EsFieldType, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name: 'f', type, origin: 'mapping', ...extra })
const c = (type: EsFieldType, raw: unknown, extra: Partial<FieldSpec> = {}) => constantIndexerFor(spec(type, extra))(raw)

describe('constantIndexerFor', () => {
  it('keeps fractions of constants for integer fields (no truncation)', () => {
    expect(c('long', 4.5)).toBe(4.5)
    expect(indexerFor(spec('long'))(4.5)).toBe(4) // a stored value is truncated
    expect(c('long', '7')).toBe(7)
  })

  it('reports out-of-range and unparsable numbers as faults', () => {
    expect(isFault(c('byte', 300))).toBe(true)
    expect(c('byte', 127)).toBe(127)
    expect(isFault(c('integer', 2147483648))).toBe(true)
    expect(isFault(c('long', 'abc'))).toBe(true)
    expect(isFault(c('double', 'abc'))).toBe(true)
  })

  it('rounds float constants like the stored values', () => {
    expect(c('float', 0.1)).toBe(indexerFor(spec('float'))(0.1))
    expect(c('scaled_float', 1.234, { scalingFactor: 10 })).toBe(1.2)
  })

  it('ignores ignore_above for keyword constants', () => {
    expect(c('keyword', 'abcdef', { ignoreAbove: 3 })).toBe('abcdef')
    expect(c('keyword', 5)).toBe('5')
  })

  it('parses dates, booleans, ips and versions or explains why not', () => {
    expect(c('date', '2020-01-01T00:00:00Z')).toBe(Date.parse('2020-01-01T00:00:00Z'))
    expect(c('date_nanos', '1.5')).toBe(1500000n)
    const badDate = c('date', 'soon')
    expect(isFault(badDate) && badDate.fault).toBe('failed to parse date field [soon] with format [strict_date_optional_time||epoch_millis]')
    expect(c('boolean', 'true')).toBe(true)
    expect(isFault(c('boolean', 'yes'))).toBe(true)
    expect((c('ip', '10.0.0.1') as IpValue).text).toBe('10.0.0.1')
    expect(isFault(c('ip', '10.0.0.300'))).toBe(true)
    expect(isFault(c('version', 'anything'))).toBe(false)
    expect(isFault(c('object', 'x'))).toBe(true)
    expect(constantIndexerFor(undefined)('x')).toBe('x')
  })
})
