import type { Schema } from '../schema/types'
import { compileGetter } from '../values/field-getter'
import { indexerFor, type Indexer } from '../values/field-indexer'
import { parseDateMillis } from '../values/date-parse'
import type { Ordering, TiebreakerReader, TimestampReader } from './program'
import type { EqlSettings } from './settings'

/**
 * Readers for the ordering fields (spec 8.1), built once per compiled program. The timestamp is
 * read through the field's mapping: `date` gives epoch milliseconds, `date_nanos` epoch
 * nanoseconds (bigint, full precision), numeric types are taken as epoch milliseconds. A timestamp
 * field that is unmapped or mapped as a string type is parsed with Elasticsearch's default date
 * format, so a playground without mappings still orders ISO and epoch-millis timestamps.
 * A multi-valued field uses its first value.
 */
export function orderingFor(schema: Schema, settings: EqlSettings): Ordering {
  return {
    timestamp: timestampReader(schema, settings.timestampField),
    tiebreaker: settings.tiebreakerField === null ? null : tiebreakerReader(schema, settings.tiebreakerField),
    timestampField: settings.timestampField,
  }
}

function first(raw: unknown): unknown {
  return Array.isArray(raw) ? raw[0] : raw
}

function timestampReader(schema: Schema, field: string): TimestampReader {
  const spec = schema.resolve(field)
  const get = compileGetter(spec?.name ?? field, spec?.nullValue === undefined ? {} : { nullValue: spec.nullValue })
  let index: (raw: unknown) => number | bigint | undefined
  switch (spec?.type) {
    case 'date':
    case 'date_nanos': {
      const ix = indexerFor(spec)
      const slow = (raw: unknown): number | bigint | undefined => {
        const v = ix(raw)
        return typeof v === 'number' || typeof v === 'bigint' ? v : undefined
      }
      const nanos = spec.type === 'date_nanos'
      index = isoFirst(spec.format)
        ? (raw) => {
            const ms = typeof raw === 'string' ? canonicalIso(raw) : undefined
            if (ms === undefined) return slow(raw)
            return nanos ? BigInt(ms) * 1_000_000n : ms
          }
        : slow
      break
    }
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'unsigned_long':
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float': {
      const ix: Indexer = indexerFor(spec)
      index = (raw) => {
        const v = ix(raw)
        return typeof v === 'number' ? v : undefined
      }
      break
    }
    default:
      index = (raw) => (typeof raw === 'string' ? canonicalIso(raw) : undefined) ?? parseDateMillis(raw)
  }
  return (event) => {
    const raw = get(event)
    return raw === undefined ? undefined : index(first(raw))
  }
}

function tiebreakerReader(schema: Schema, field: string): TiebreakerReader {
  const spec = schema.resolve(field)
  const get = compileGetter(spec?.name ?? field)
  const ix = indexerFor(spec)
  return (event) => {
    const raw = get(event)
    return raw === undefined ? undefined : ix(first(raw))
  }
}

/** True when a date format tries an ISO-8601 parser first (the default formats do). */
function isoFirst(format: string | undefined): boolean {
  if (format === undefined) return true
  const first = format.split('||')[0]?.trim() ?? ''
  return /^(strict_)?date_optional_time(_nanos)?$/.test(first)
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function digits(s: string, from: number, n: number): number {
  let v = 0
  for (let k = from; k < from + n; k++) {
    const c = s.charCodeAt(k) - 48
    if (c < 0 || c > 9) return -1
    v = v * 10 + c
  }
  return v
}

/**
 * Fast path for the canonical export form `YYYY-MM-DDTHH:mm:ss.SSSZ` (and without `.SSS`), which
 * ISO-first formats read exactly as Date.UTC does: parsing timestamps otherwise dominates sequence
 * runs. Anything else (offsets, other precisions, invalid fields) returns undefined and goes
 * through the full parser, so results never depend on this shortcut.
 */
export function canonicalIso(s: string): number | undefined {
  const len = s.length
  if ((len !== 24 && len !== 20) || s.charCodeAt(len - 1) !== 90 /* Z */) return undefined
  if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return undefined
  const y = digits(s, 0, 4)
  const mo = digits(s, 5, 2)
  const d = digits(s, 8, 2)
  const h = digits(s, 11, 2)
  const mi = digits(s, 14, 2)
  const sec = digits(s, 17, 2)
  let ms = 0
  if (len === 24) {
    if (s[19] !== '.') return undefined
    ms = digits(s, 20, 3)
  }
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 || ms < 0) {
    return undefined
  }
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  if (d > (mo === 2 && leap ? 29 : (DAYS[mo - 1] as number))) return undefined
  // Date.UTC reads years 0-99 as 1900-1999: leave those to the full parser
  if (y < 100) return undefined
  return Date.UTC(y, mo - 1, d, h, mi, sec, ms)
}
