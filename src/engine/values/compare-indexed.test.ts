import { describe, expect, it } from 'vitest'
import type { EsFieldType, FieldSpec } from '../schema/types'
import { compareIndexed, displayIndexed, displayIndexedAs, equalIndexed, indexedKey } from './compare-indexed'
import { compareKeyword } from './case-fold'
import { parseIp } from './ip-address'
import { parseVersion } from './semantic-version'
import type { Indexed } from './indexed-types'

const sign = (n: number): number => Math.sign(n)

describe('compareKeyword', () => {
  it('is byte order on ASCII', () => {
    expect(sign(compareKeyword('B', 'a'))).toBe(-1) // upper case sorts first
    expect(sign(compareKeyword('a', 'ab'))).toBe(-1)
    expect(compareKeyword('x', 'x')).toBe(0)
    expect(sign(compareKeyword('10', '9'))).toBe(-1)
  })

  it('is UTF-8 byte (code point) order where UTF-16 order differs', () => {
    const astral = '😀' // U+1F600, surrogates D83D DE00
    const highBmp = '\uFF5E' // U+FF5E
    expect(astral < highBmp).toBe(true) // JS: surrogate units sort first
    expect(sign(compareKeyword(astral, highBmp))).toBe(1) // UTF-8: code point 0x1F600 > 0xFF5E
    expect(sign(compareKeyword('é', 'z'))).toBe(1)
    expect(sign(compareKeyword('a😀', 'a😁'))).toBe(-1)
  })
})

describe('compareIndexed / equalIndexed', () => {
  it('compares within each representation', () => {
    expect(sign(compareIndexed(2, 10))).toBe(-1)
    expect(sign(compareIndexed(10n, 2n))).toBe(1)
    expect(sign(compareIndexed(false, true))).toBe(-1)
    expect(sign(compareIndexed('b', 'a'))).toBe(1)
    const ip = (s: string): Indexed => parseIp(s) as Indexed
    expect(sign(compareIndexed(ip('10.0.0.2'), ip('10.0.0.10')))).toBe(-1)
    expect(sign(compareIndexed(parseVersion('1.2.4-SNAPSHOT'), parseVersion('1.5.0')))).toBe(-1)
  })

  it('keeps a total order across representations without equality', () => {
    expect(compareIndexed(1, '1')).not.toBe(0)
    expect(sign(compareIndexed(1, '1'))).toBe(-sign(compareIndexed('1', 1)))
    expect(equalIndexed(1, '1')).toBe(false)
    expect(equalIndexed(1n, 1)).toBe(false)
  })

  it('equality and keys agree', () => {
    const a = parseIp('::ffff:1.2.3.4') as Indexed
    const b = parseIp('1.2.3.4') as Indexed
    expect(equalIndexed(a, b)).toBe(true)
    expect(indexedKey(a)).toBe(indexedKey(b))
    expect(equalIndexed(parseVersion('1.0'), parseVersion('1.0'))).toBe(true)
    expect(equalIndexed(parseVersion('1.0'), parseVersion('1.0.0'))).toBe(false)
    expect(indexedKey('x')).toBe('x')
  })

  it('displays values as Elasticsearch shows them', () => {
    expect(displayIndexed(parseIp('::ffff:1.2.3.4') as Indexed)).toBe('1.2.3.4')
    expect(displayIndexed(parseVersion('1.0.0-rc'))).toBe('1.0.0-rc')
    expect(displayIndexed(123n)).toBe('123')
    expect(displayIndexed(true)).toBe(true)
  })
})

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
