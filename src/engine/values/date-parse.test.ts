import { describe, expect, it } from 'vitest'
import { compileDateFormat, dateFormatProblem, formatDateMillis, parseDateMillis, parseDateNanos } from './date-parse'
import { daysFromCivil } from './date-calendar'

const utc = (s: string): number => Date.parse(s)

describe('parseDateMillis, default format (strict_date_optional_time||epoch_millis)', () => {
  it('reads ISO-8601 at every precision, UTC when no offset is given', () => {
    expect(parseDateMillis('2021-03-04T05:06:07.891Z')).toBe(utc('2021-03-04T05:06:07.891Z'))
    expect(parseDateMillis('2021-03-04T05:06:07')).toBe(utc('2021-03-04T05:06:07Z'))
    expect(parseDateMillis('2021-03-04T05:06')).toBe(utc('2021-03-04T05:06:00Z'))
    expect(parseDateMillis('2021-03-04')).toBe(utc('2021-03-04T00:00:00Z'))
    expect(parseDateMillis('2021-03')).toBe(utc('2021-03-01T00:00:00Z'))
    expect(parseDateMillis('2021')).toBe(utc('2021-01-01T00:00:00Z'))
  })

  it('applies offsets in all spellings', () => {
    const base = utc('2021-03-04T03:06:07Z')
    expect(parseDateMillis('2021-03-04T05:06:07+02:00')).toBe(base)
    expect(parseDateMillis('2021-03-04T05:06:07+0200')).toBe(base)
    expect(parseDateMillis('2021-03-04T05:06:07+02')).toBe(base)
    expect(parseDateMillis('2021-03-04T00:36:07-02:30')).toBe(base)
  })

  it('drops digits below the millisecond and accepts a comma', () => {
    expect(parseDateMillis('2021-03-04T05:06:07.123456789Z')).toBe(utc('2021-03-04T05:06:07.123Z'))
    expect(parseDateMillis('2021-03-04T05:06:07,5Z')).toBe(utc('2021-03-04T05:06:07.500Z'))
  })

  it('reads epoch millis as numbers and numeric strings', () => {
    expect(parseDateMillis(1516116808349)).toBe(1516116808349)
    expect(parseDateMillis('1516116808349')).toBe(1516116808349)
    expect(parseDateMillis('1')).toBe(1)
    expect(parseDateMillis(-1000)).toBe(-1000)
    expect(parseDateMillis('12.7')).toBe(12)
  })

  it('rejects impossible or malformed dates', () => {
    expect(parseDateMillis('2021-02-29')).toBeUndefined()
    expect(parseDateMillis('2020-02-29')).toBe(utc('2020-02-29T00:00:00Z'))
    expect(parseDateMillis('2021-13-01')).toBeUndefined()
    expect(parseDateMillis('2021-01-01T24:00:00Z')).toBeUndefined()
    expect(parseDateMillis('2021-1-1')).toBeUndefined() // strict: two-digit month and day
    expect(parseDateMillis('yesterday')).toBeUndefined()
    expect(parseDateMillis('')).toBeUndefined()
    expect(parseDateMillis(true)).toBeUndefined()
    expect(parseDateMillis(null)).toBeUndefined()
    expect(parseDateMillis(Number.NaN)).toBeUndefined()
  })

  it('is correct far from the epoch (no Date.UTC two-digit-year trap)', () => {
    expect(parseDateMillis('0050-06-01T00:00:00Z')).toBe(daysFromCivil(50, 6, 1) * 86400000)
    expect(parseDateMillis('1601-01-01T00:00:00Z')).toBe(-11644473600000)
    expect(parseDateMillis('9999-12-31T23:59:59.999Z')).toBe(utc('9999-12-31T23:59:59.999Z'))
  })
})

describe('custom and named formats', () => {
  it('reads the mapping formats of the conformance samples', () => {
    expect(parseDateMillis('12-12-2022', 'dd-MM-yyyy')).toBe(utc('2022-12-12T00:00:00Z'))
    expect(parseDateMillis('2022-12-13', 'yyyy-MM-dd')).toBe(utc('2022-12-13T00:00:00Z'))
    expect(parseDateMillis('2022-12-13', 'dd-MM-yyyy')).toBeUndefined()
    expect(parseDateMillis('31-02-2022', 'dd-MM-yyyy')).toBeUndefined()
  })

  it('tries each entry of a || list in order', () => {
    const f = 'yyyy/MM/dd HH:mm:ss||epoch_second'
    expect(parseDateMillis('2022/01/02 03:04:05', f)).toBe(utc('2022-01-02T03:04:05Z'))
    expect(parseDateMillis(1600000000, f)).toBe(1600000000000)
    expect(parseDateMillis('2022-01-02', f)).toBeUndefined()
  })

  it('supports literals, optional sections, fractions, offsets, month names, 12-hour clocks', () => {
    expect(parseDateMillis("2022-01-02'", "yyyy-MM-dd''")).toBe(utc('2022-01-02T00:00:00Z'))
    expect(parseDateMillis('2022-01-02 at 07', "yyyy-MM-dd 'at' HH")).toBe(utc('2022-01-02T07:00:00Z'))
    expect(parseDateMillis('2022-01-02T03:04:05.12Z', "yyyy-MM-dd'T'HH:mm:ss.SSX")).toBe(utc('2022-01-02T03:04:05.120Z'))
    const opt = "yyyy-MM-dd[ HH:mm[:ss]]"
    expect(parseDateMillis('2022-01-02', opt)).toBe(utc('2022-01-02T00:00:00Z'))
    expect(parseDateMillis('2022-01-02 03:04', opt)).toBe(utc('2022-01-02T03:04:00Z'))
    expect(parseDateMillis('02 Jan 2022', 'dd MMM yyyy')).toBe(utc('2022-01-02T00:00:00Z'))
    expect(parseDateMillis('02 January 22', 'dd MMMM yy')).toBe(utc('2022-01-02T00:00:00Z'))
    expect(parseDateMillis('2022-01-02 03:04 PM', 'yyyy-MM-dd hh:mm a')).toBe(utc('2022-01-02T15:04:00Z'))
    expect(parseDateMillis('2022-01-02 12:04 AM', 'yyyy-MM-dd hh:mm a')).toBe(utc('2022-01-02T00:04:00Z'))
    expect(parseDateMillis('20220102T030405.000+0100', 'basic_date_time')).toBe(utc('2022-01-02T02:04:05Z'))
    expect(parseDateMillis('2022-01-02T03:04:05', 'strict_date_hour_minute_second')).toBe(utc('2022-01-02T03:04:05Z'))
  })

  it('reports formats it cannot read', () => {
    expect(dateFormatProblem('dd-MM-yyyy')).toBeUndefined()
    expect(dateFormatProblem('strict_date_optional_time||epoch_millis')).toBeUndefined()
    expect(dateFormatProblem('yyyy-QQ')).toMatch(/Q/)
    expect(dateFormatProblem("yyyy-'MM")).toMatch(/quote/)
    expect(parseDateMillis('2022', 'yyyy-QQ')).toBeUndefined()
    expect('fault' in compileDateFormat('[yyyy')).toBe(true)
  })
})

describe('parseDateNanos', () => {
  it('keeps nanosecond precision', () => {
    expect(parseDateNanos('2021-03-04T05:06:07.123456789Z')).toBe(BigInt(utc('2021-03-04T05:06:07.123Z')) * 1000000n + 456789n)
    expect(parseDateNanos('1516116808349.1234')).toBe(1516116808349123400n)
    expect(parseDateNanos(5)).toBe(5000000n)
  })

  it('orders instants that millis cannot tell apart', () => {
    const a = parseDateNanos('2021-03-04T05:06:07.000000001Z')
    const b = parseDateNanos('2021-03-04T05:06:07.000000002Z')
    expect(a !== undefined && b !== undefined && a < b).toBe(true)
  })

  it('handles negative epoch values with fractions', () => {
    expect(parseDateNanos('-1.5')).toBe(-1500000n)
    expect(parseDateMillis('-1.5')).toBe(-2)
  })
})

describe('formatDateMillis', () => {
  it('renders ISO text', () => {
    expect(formatDateMillis(0)).toBe('1970-01-01T00:00:00.000Z')
    expect(formatDateMillis(Number.NaN)).toBe('NaN')
  })
})
