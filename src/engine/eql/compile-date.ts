import type { FieldSpec } from '../schema/types'
import type { Indexed } from '../values/indexed-types'
import { DEFAULT_DATE_FORMAT, parseDateNanos } from '../values/date-parse'
import { parseDateMath } from '../values/date-math'
import type { CompareOp } from './ast'
import type { EventTest } from './compile-leaf'
import { anyIndexed } from './compile-leaf'
import type { ValueCode } from './compile-expr'
import type { Scalar } from './functions/function-def'

/**
 * Constants compared with date fields. Elasticsearch turns `@timestamp == "2024-05-01"` into a range
 * query from the value parsed as a lower bound to the value parsed as an upper bound, so a date
 * written without its time matches the whole day, and date math (`now-1d/d`, `2024-05-01||+1M`)
 * works in every comparison. Bounds follow DateFieldType.rangeQuery: `>=`/`<` parse the constant
 * as a lower bound (missing fields filled with their minimum), `<=`/`>` as an upper bound (maximum).
 */
export interface DateRange {
  readonly lo: number | bigint
  readonly hi: number | bigint
}

const NANOS_FORMAT = 'strict_date_optional_time_nanos||epoch_millis'

/** A bare `date` or `date_nanos` field: its constants are ranges. */
export function isDateField(code: ValueCode): boolean {
  return code.field !== null && (code.field.spec.type === 'date' || code.field.spec.type === 'date_nanos')
}

/** The range a constant stands for against a date field; a reason when it does not parse. */
export function dateRange(value: Exclude<Scalar, null>, spec: FieldSpec, now: number): DateRange | string {
  const nanos = spec.type === 'date_nanos'
  const format = spec.format ?? (nanos ? NANOS_FORMAT : DEFAULT_DATE_FORMAT)
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(Math.trunc(value)) : undefined
  const lo = text === undefined ? undefined : parseDateMath(text, { now, roundUp: false, format })
  const hi = text === undefined ? undefined : parseDateMath(text, { now, roundUp: true, format })
  if (lo === undefined || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi)) {
    return `failed to parse date field [${String(value)}] with format [${format}]`
  }
  if (!nanos) return { lo, hi }
  // date_nanos: keep a constant's sub-millisecond digits when it names an instant
  const exact = lo === hi && text !== undefined ? parseDateNanos(text, format) : undefined
  if (exact !== undefined) return { lo: exact, hi: exact }
  // BigInt() throws on fractions: millis from date math are whole, but stay safe on user input
  return { lo: BigInt(Math.trunc(lo)) * 1_000_000n, hi: BigInt(Math.trunc(hi)) * 1_000_000n + 999_999n }
}

/** `date_field <op> constant` as the range query Elasticsearch builds. */
export function dateCompare(subject: ValueCode, op: CompareOp, r: DateRange): EventTest {
  const { lo, hi } = r
  const within = (v: Indexed): boolean => (typeof v === 'number' || typeof v === 'bigint') && v >= lo && v <= hi
  switch (op) {
    case '==':
      return anyIndexed(subject, within)
    case '!=': {
      const eq = anyIndexed(subject, within)
      return (ev) => !eq(ev)
    }
    case '<':
      return anyIndexed(subject, (v) => (typeof v === 'number' || typeof v === 'bigint') && v < lo)
    case '<=':
      return anyIndexed(subject, (v) => (typeof v === 'number' || typeof v === 'bigint') && v <= hi)
    case '>':
      return anyIndexed(subject, (v) => (typeof v === 'number' || typeof v === 'bigint') && v > hi)
    case '>=':
      return anyIndexed(subject, (v) => (typeof v === 'number' || typeof v === 'bigint') && v >= lo)
  }
}

/** `date_field in (c1, c2, ...)`: any of the constants' ranges. */
export function dateIn(subject: ValueCode, ranges: readonly DateRange[]): EventTest {
  return anyIndexed(subject, (v) => {
    if (typeof v !== 'number' && typeof v !== 'bigint') return false
    for (const r of ranges) if (v >= r.lo && v <= r.hi) return true
    return false
  })
}
