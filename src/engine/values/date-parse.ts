import type { ValueFault } from './indexed-types'
import { emptyFields, toEpoch, type DateFields } from './date-calendar'
import { compileDatePattern, type FieldsParser } from './date-pattern'
import { readStrictIso } from './iso-date'

/**
 * Date parsing as a `date` / `date_nanos` field indexes values. A mapping `format` is a `||` list
 * tried in order; each entry is a built-in name (`strict_date_optional_time`, `epoch_millis`, ...)
 * or a Java pattern (`dd-MM-yyyy`). Defaults: `strict_date_optional_time||epoch_millis` for date,
 * `strict_date_optional_time_nanos||epoch_millis` for date_nanos. Text without an offset is UTC.
 * JSON numbers are formatted as text first (as ES does), so they parse through `epoch_millis` /
 * `epoch_second` when the format lists one. Like ES, the entries are tried in order, so with the
 * default format a 4-digit value such as "2015" (or the number 2015) is read as a year, not as
 * epoch millis; 13-digit epoch millis are unambiguous.
 */

export const DEFAULT_DATE_FORMAT = 'strict_date_optional_time||epoch_millis'

type Entry = { readonly kind: 'epoch'; readonly scale: number } | { readonly kind: 'fields'; readonly parse: FieldsParser }

// ISO 8601 as date_optional_time (non-strict) reads it: like strict_date_optional_time (see
// iso-date.ts) but 1-digit month/day/time parts are allowed.
const ISO_LENIENT = /^(\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2})(?:T(\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,9}))?)?)?)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/

function isoParser(re: RegExp): FieldsParser {
  return (text, f) => {
    const m = re.exec(text)
    if (m === null) return false
    f.year = Number(m[1])
    if (m[2] !== undefined) f.month = Number(m[2])
    if (m[3] !== undefined) f.day = Number(m[3])
    if (m[4] !== undefined) f.hour = Number(m[4])
    if (m[5] !== undefined) f.minute = Number(m[5])
    if (m[6] !== undefined) f.second = Number(m[6])
    if (m[7] !== undefined) f.nano = Number(m[7].padEnd(9, '0'))
    const off = m[8]
    if (off !== undefined && off !== 'Z') {
      const digits = off.slice(1).replace(':', '')
      const mins = Number(digits.slice(0, 2)) * 60 + (digits.length > 2 ? Number(digits.slice(2)) : 0)
      f.offsetMinutes = off.startsWith('-') ? -mins : mins
    }
    return true
  }
}

const STRICT_ISO: FieldsParser = readStrictIso
const LENIENT_ISO = isoParser(ISO_LENIENT)

// Built-in names that are Java patterns in disguise.
const NAMED_PATTERNS: Readonly<Record<string, string>> = {
  basic_date: 'yyyyMMdd',
  basic_date_time: "yyyyMMdd'T'HHmmss.SSSZ",
  basic_date_time_no_millis: "yyyyMMdd'T'HHmmssZ",
  date_hour_minute_second: "yyyy-MM-dd'T'HH:mm:ss",
  strict_date_hour_minute_second: "yyyy-MM-dd'T'HH:mm:ss",
  date_hour_minute_second_millis: "yyyy-MM-dd'T'HH:mm:ss.SSS",
  strict_date_hour_minute_second_millis: "yyyy-MM-dd'T'HH:mm:ss.SSS",
  date_hour_minute: "yyyy-MM-dd'T'HH:mm",
  strict_date_hour_minute: "yyyy-MM-dd'T'HH:mm",
  year_month_day: 'yyyy-MM-dd',
  strict_year_month_day: 'yyyy-MM-dd',
  year_month: 'yyyy-MM',
  strict_year_month: 'yyyy-MM',
  year: 'yyyy',
  strict_year: 'yyyy',
}

function entryFor(name: string): Entry | ValueFault {
  switch (name) {
    case 'epoch_millis':
      return { kind: 'epoch', scale: 1 }
    case 'epoch_second':
      return { kind: 'epoch', scale: 1000 }
    case 'strict_date_optional_time':
    case 'strict_date_optional_time_nanos':
    case 'strict_date_time':
    case 'strict_date_time_no_millis':
    case 'strict_date':
      return { kind: 'fields', parse: STRICT_ISO }
    case 'date_optional_time':
    case 'date_time':
    case 'date_time_no_millis':
    case 'date':
    case 'iso8601':
      return { kind: 'fields', parse: LENIENT_ISO }
    default: {
      const parse = compileDatePattern(NAMED_PATTERNS[name] ?? name)
      return typeof parse === 'function' ? { kind: 'fields', parse } : parse
    }
  }
}

const formats = new Map<string, readonly Entry[] | ValueFault>()

/** Compiles a `||`-separated format list (cached); a fault when an entry is not understood. */
export function compileDateFormat(format: string = DEFAULT_DATE_FORMAT): readonly Entry[] | ValueFault {
  const hit = formats.get(format)
  if (hit !== undefined) return hit
  const entries: Entry[] = []
  let result: readonly Entry[] | ValueFault = entries
  for (const raw of format.split('||')) {
    const e = entryFor(raw.trim())
    if ('fault' in e) {
      result = e
      break
    }
    entries.push(e)
  }
  formats.set(format, result)
  return result
}

/** Checks a mapping `format` string; undefined when usable, else the reason. */
export function dateFormatProblem(format: string): string | undefined {
  const c = compileDateFormat(format)
  return 'fault' in c ? c.fault : undefined
}

// Scratch results: parsing runs per event in the hot loop, so it writes here instead of allocating.
const scratch = { millis: 0, subNanos: 0 }
const fields: DateFields = emptyFields()

const EPOCH = /^-?\d+(?:\.\d{1,9})?$/

function parseEpoch(text: string, scale: number): boolean {
  if (!EPOCH.test(text)) return false
  const dot = text.indexOf('.')
  const whole = Number(dot < 0 ? text : text.slice(0, dot))
  const frac = dot < 0 ? 0 : Number(`0${text.slice(dot)}`) * (text.startsWith('-') ? -1 : 1)
  // total = (whole + frac) * scale milliseconds, split into floor millis and nanos without
  // losing the fraction digits to double rounding
  const fracNanos = Math.round(frac * scale * 1e6)
  const millisFromFrac = Math.floor(fracNanos / 1e6)
  scratch.millis = whole * scale + millisFromFrac
  scratch.subNanos = fracNanos - millisFromFrac * 1e6
  return Number.isSafeInteger(scratch.millis)
}

// Missing time fields are marked with -1 while parsing, then filled with their minimum, or with
// their maximum when rounding up (the upper bound of a range: `lte "2018-04-03"` ends at
// 23:59:59.999). Missing month and day stay 1 either way, as ES's round-up parser does.
const MISSING = -1

function fill(f: DateFields, roundUp: boolean): void {
  if (f.hour === MISSING) f.hour = roundUp ? 23 : 0
  if (f.minute === MISSING) f.minute = roundUp ? 59 : 0
  if (f.second === MISSING) f.second = roundUp ? 59 : 0
  if (f.nano === MISSING) f.nano = roundUp ? 999_999_999 : 0
}

function parseInto(value: unknown, format: string | undefined, roundUp = false): boolean {
  let text: string
  if (typeof value === 'string') text = value
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value)
  else return false
  const entries = compileDateFormat(format ?? DEFAULT_DATE_FORMAT)
  if ('fault' in entries) return false
  for (const e of entries) {
    if (e.kind === 'epoch') {
      if (parseEpoch(text, e.scale)) return true
      continue
    }
    const f = fields
    f.year = 1970
    f.month = 1
    f.day = 1
    f.hour = f.minute = f.second = f.nano = MISSING
    f.offsetMinutes = 0
    if (!e.parse(text, f)) continue
    fill(f, roundUp)
    if (toEpoch(f, scratch)) return true
  }
  return false
}

/** Epoch milliseconds of a date value (fractions of a millisecond dropped), or undefined. */
export function parseDateMillis(value: unknown, format?: string): number | undefined {
  return parseInto(value, format) ? scratch.millis : undefined
}

/**
 * Epoch milliseconds of a date used as a range bound: with `roundUp`, time fields the text leaves
 * out are filled with their maximum (`2018-04-03` -> 2018-04-03T23:59:59.999Z), as ES parses `lte`
 * and `gt` bounds. Epoch values are never rounded.
 */
export function parseDateBound(value: unknown, roundUp: boolean, format?: string): number | undefined {
  return parseInto(value, format, roundUp) ? scratch.millis : undefined
}

/** Epoch nanoseconds of a date value (full precision, for date_nanos), or undefined. */
export function parseDateNanos(value: unknown, format?: string): bigint | undefined {
  return parseInto(value, format) ? BigInt(scratch.millis) * 1000000n + BigInt(scratch.subNanos) : undefined
}

/** ISO-8601 text (UTC, millisecond precision) of epoch millis, for display. */
export function formatDateMillis(millis: number): string {
  const d = new Date(millis)
  return Number.isNaN(d.getTime()) ? String(millis) : d.toISOString()
}
