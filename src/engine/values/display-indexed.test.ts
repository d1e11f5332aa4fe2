import { describe, expect, it } from 'vitest'
import type { EsFieldType, FieldSpec } from '../schema/types'
import { displayIndexedAs } from './display-indexed'
import { parseIp } from './ip-address'
import type { Indexed } from './indexed-types'

const spec = (type: EsFieldType, format?: string): FieldSpec =>
  format === undefined ? { name: 'f', type, origin: 'mapping' } : { name: 'f', type, origin: 'mapping', format }

describe('displayIndexedAs', () => {
  it('formats dates with the default ISO format', () => {
    expect(displayIndexedAs(0, spec('date'))).toBe('1970-01-01T00:00:00.000Z')
    expect(displayIndexedAs(86400000, spec('date'))).toBe('1970-01-02T00:00:00.000Z')
    expect(displayIndexedAs(-1, spec('date'))).toBe('1969-12-31T23:59:59.999Z')
  })

  it('formats dates with the first entry of a custom format', () => {
    const d = Date.parse('2022-12-05T07:08:09.010Z')
    expect(displayIndexedAs(d, spec('date', 'dd-MM-yyyy'))).toBe('05-12-2022')
    expect(displayIndexedAs(d, spec('date', 'yyyy-MM-dd||epoch_millis'))).toBe('2022-12-05')
    expect(displayIndexedAs(d, spec('date', 'epoch_millis||yyyy'))).toBe(String(d))
    expect(displayIndexedAs(d, spec('date', "yyyy/MM/dd HH:mm:ss.SSS 'UTC'"))).toBe('2022/12/05 07:08:09.010 UTC')
    expect(displayIndexedAs(d, spec('date', 'dd MMM yy hh a'))).toBe('05 Dec 22 07 AM')
  })

  it('formats date_nanos with nine fraction digits', () => {
    expect(displayIndexedAs(1_000_000_123n, spec('date_nanos'))).toBe('1970-01-01T00:00:01.000000123Z')
    expect(displayIndexedAs(-1n, spec('date_nanos'))).toBe('1969-12-31T23:59:59.999999999Z')
  })

  it('leaves other types to displayIndexed', () => {
    expect(displayIndexedAs(parseIp('::ffff:1.2.3.4') as Indexed, spec('ip'))).toBe('1.2.3.4')
    expect(displayIndexedAs(5, spec('long'))).toBe(5)
    expect(displayIndexedAs(5, undefined)).toBe(5)
    expect(displayIndexedAs('x', spec('keyword'))).toBe('x')
  })
})
