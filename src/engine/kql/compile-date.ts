import type { FieldSpec } from '../schema/types'
import { DEFAULT_DATE_FORMAT, parseDateNanos } from '../values/date-parse'
import { parseDateMath } from '../values/date-math'
import type { ValueFault } from '../values/indexed-types'
import type { CompileContext } from './compile-context'
import { isUtc, utcToWall, wallToUtc } from './compile-time-zone'

/**
 * Query constants against `date` / `date_nanos` fields, as Elasticsearch's DateFieldType builds a
 * range query: KQL equality is `gte: v, lte: v` (Kibana, types known), so `@timestamp:2024-05-01`
 * covers the whole day; `gte`/`lt` parse the value as a lower bound (missing parts at their
 * minimum), `lte`/`gt` as an upper bound (missing parts at their maximum, `now/d` to the day's last
 * millisecond). Date math and epoch millis work everywhere. The time zone applies to values
 * without an explicit offset and to `now` rounding, never to epoch digits.
 */
export type DateBound = number | bigint

export interface DateInterval {
  readonly lo: DateBound
  readonly hi: DateBound
}

const NANOS_FORMAT = 'strict_date_optional_time_nanos||epoch_millis'
const DIGITS = /^\d+$/
// an ISO time part followed by Z or a numeric offset
const EXPLICIT_OFFSET = /T.*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i

function formatOf(spec: FieldSpec): string {
  return spec.format ?? (spec.type === 'date_nanos' ? NANOS_FORMAT : DEFAULT_DATE_FORMAT)
}

/** Epoch millis of one bound, the time zone applied; undefined when the text does not parse. */
function boundMillis(text: string, roundUp: boolean, format: string, ctx: CompileContext): number | undefined {
  const anchor = text.startsWith('now') ? 'now' : text.split('||')[0] ?? text
  const shift = !isUtc(ctx.tz) && !DIGITS.test(anchor) && !EXPLICIT_OFFSET.test(anchor)
  if (!shift) return finite(parseDateMath(text, { now: ctx.now, roundUp, format }))
  // compute on the zone's wall clock (so `/d` rounds to local midnight), then back to UTC
  const wall = parseDateMath(text, { now: utcToWall(ctx.tz, ctx.now), roundUp, format })
  return wall === undefined || !Number.isFinite(wall) ? undefined : wallToUtc(ctx.tz, wall)
}

function finite(n: number | undefined): number | undefined {
  return n === undefined || !Number.isFinite(n) ? undefined : n
}

function fault(text: string, format: string): ValueFault {
  return { fault: `failed to parse date field [${text}] with format [${format}]` }
}

/** One range bound (`gt`/`lte` round up). */
export function dateBound(text: string, roundUp: boolean, spec: FieldSpec, ctx: CompileContext): DateBound | ValueFault {
  const format = formatOf(spec)
  const ms = boundMillis(text, roundUp, format, ctx)
  if (ms === undefined) return fault(text, format)
  if (spec.type !== 'date_nanos') return ms
  const exact = exactNanos(text, format, ctx, ms, roundUp)
  if (exact !== undefined) return exact
  const base = BigInt(Math.trunc(ms)) * 1_000_000n
  return roundUp ? base + 999_999n : base
}

/** The interval KQL equality (`gte: v, lte: v`) stands for. */
export function dateInterval(text: string, spec: FieldSpec, ctx: CompileContext): DateInterval | ValueFault {
  const lo = dateBound(text, false, spec, ctx)
  if (typeof lo === 'object') return lo
  const hi = dateBound(text, true, spec, ctx)
  if (typeof hi === 'object') return hi
  return { lo, hi }
}

// date_nanos: a constant naming an exact instant keeps its sub-millisecond digits
function exactNanos(text: string, format: string, ctx: CompileContext, ms: number, roundUp: boolean): bigint | undefined {
  if (text.startsWith('now') || text.includes('||')) return undefined
  const other = boundMillis(text, !roundUp, format, ctx)
  if (other !== ms) return undefined
  const nanos = parseDateNanos(text, format)
  if (nanos === undefined) return undefined
  // parseDateNanos reads text without an offset as UTC: move it by the same shift as the millis
  const utcMs = finite(parseDateMath(text, { now: ctx.now, roundUp, format }))
  return utcMs === undefined ? nanos : nanos - BigInt(Math.trunc(utcMs - ms)) * 1_000_000n
}
