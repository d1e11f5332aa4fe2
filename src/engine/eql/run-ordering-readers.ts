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
      index = (raw) => {
        const v = ix(raw)
        return typeof v === 'number' || typeof v === 'bigint' ? v : undefined
      }
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
      index = (raw) => parseDateMillis(raw)
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
