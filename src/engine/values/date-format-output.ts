import type { ValueFault } from './indexed-types'
import { civilFromDays, MONTH_NAMES } from './date-calendar'
import { DEFAULT_DATE_FORMAT } from './date-parse'

/**
 * Formatting dates the way Elasticsearch returns them in results (join keys, fields): with the
 * FIRST entry of the field's format. ISO built-ins print `yyyy-MM-dd'T'HH:mm:ss.SSSZ` (UTC, `Z`;
 * nine fraction digits for date_nanos), `epoch_millis`/`epoch_second` print the number as text,
 * and Java patterns are printed field by field (the subset `date-pattern.ts` reads).
 */

const pad = (n: number, width: number): string => String(n).padStart(width, '0')

interface Parts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** nanos of the second */
  nano: number
}

function partsOf(epochMillis: number, subNanos: number): Parts {
  const days = Math.floor(epochMillis / 86_400_000)
  const ms = epochMillis - days * 86_400_000
  const c = civilFromDays(days)
  return {
    ...c,
    hour: Math.floor(ms / 3_600_000),
    minute: Math.floor(ms / 60_000) % 60,
    second: Math.floor(ms / 1000) % 60,
    nano: (ms % 1000) * 1_000_000 + subNanos,
  }
}

function iso(p: Parts, nanos: boolean): string {
  const frac = nanos ? pad(p.nano, 9) : pad(Math.floor(p.nano / 1_000_000), 3)
  const year = p.year >= 0 && p.year <= 9999 ? pad(p.year, 4) : String(p.year)
  return `${year}-${pad(p.month, 2)}-${pad(p.day, 2)}T${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}.${frac}Z`
}

function letter(c: string, count: number, p: Parts): string | ValueFault {
  switch (c) {
    case 'y':
    case 'u':
      return count === 2 ? pad(p.year % 100, 2) : pad(p.year, count)
    case 'M': {
      const name = MONTH_NAMES[p.month - 1] ?? ''
      if (count >= 4) return name.charAt(0).toUpperCase() + name.slice(1)
      if (count === 3) return name.charAt(0).toUpperCase() + name.slice(1, 3)
      return pad(p.month, count)
    }
    case 'd':
      return pad(p.day, count)
    case 'H':
      return pad(p.hour, count)
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, count)
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM'
    case 'm':
      return pad(p.minute, count)
    case 's':
      return pad(p.second, count)
    case 'S':
      return pad(p.nano, 9).slice(0, count)
    case 'Z':
      return count >= 5 ? 'Z' : '+0000'
    case 'X':
      return 'Z'
    case 'x':
      return count >= 3 ? '+00:00' : '+0000'
    default:
      return { fault: c }
  }
}

function pattern(fmt: string, p: Parts): string | undefined {
  let out = ''
  for (let i = 0; i < fmt.length; ) {
    const c = fmt[i] ?? ''
    if (/[A-Za-z]/.test(c)) {
      let j = i
      while (fmt[j] === c) j++
      const s = letter(c, j - i, p)
      if (typeof s !== 'string') return undefined
      out += s
      i = j
    } else if (c === "'") {
      const end = fmt.indexOf("'", i + 1)
      if (end < 0) return undefined
      out += end === i + 1 ? "'" : fmt.slice(i + 1, end)
      i = end + 1
    } else {
      if (c !== '[' && c !== ']') out += c
      i++
    }
  }
  return out
}

/**
 * Text of a date value as ES shows it for a field with `format` (first `||` entry wins).
 * `epochMillis` is floor millis; `subNanos` the nanos below it (date_nanos only).
 */
export function formatDate(epochMillis: number, subNanos: number, format: string | undefined, nanos: boolean): string {
  const first = (format ?? DEFAULT_DATE_FORMAT).split('||')[0]?.trim() ?? ''
  const p = partsOf(epochMillis, subNanos)
  switch (first) {
    case 'epoch_millis':
      return String(epochMillis)
    case 'epoch_second':
      return String(Math.floor(epochMillis / 1000))
    case 'strict_date_optional_time':
    case 'date_optional_time':
    case 'strict_date_optional_time_nanos':
    case 'strict_date_time':
    case 'date_time':
    case 'iso8601':
      return iso(p, nanos)
    default:
      return pattern(first, p) ?? iso(p, nanos)
  }
}
