import type { EsFieldType, FieldSpec } from '../schema/types'
import type { Indexed } from './indexed-types'
import { coerceNumber } from './numeric-coerce'
import { parseDateMillis, parseDateNanos } from './date-parse'
import { parseIp } from './ip-address'
import { parseVersion } from './semantic-version'

/**
 * What Elasticsearch indexes for one raw scalar of a field (see `Indexed` for the representation
 * per type); undefined when nothing is indexed: over `ignore_above`, malformed for the type
 * (`"abc"` in a long, `"yes"` in a boolean, an unparsable date), or a type that has no exact
 * values (object, nested, geo_point, unsupported).
 */
export type Indexer = (raw: unknown) => Indexed | undefined

/**
 * JSON text of a scalar as a keyword field indexes it (`1` -> "1", `true` -> "true"). ES indexes
 * the number's source text; after JSON.parse we only have the value, so `1.0` reads as "1" and
 * `1e21` as "1e+21" (documented approximation).
 */
export function scalarText(raw: unknown): string | undefined {
  switch (typeof raw) {
    case 'string':
      return raw
    case 'number':
      return Number.isFinite(raw) ? String(raw) : undefined
    case 'boolean':
      return raw ? 'true' : 'false'
    default:
      return undefined
  }
}

const keywordNoLimit: Indexer = scalarText

function keywordIndexer(ignoreAbove: number | undefined): Indexer {
  if (ignoreAbove === undefined) return keywordNoLimit
  // ignore_above counts UTF-16 code units (Java String.length), as JS .length does
  return (raw) => {
    const s = scalarText(raw)
    return s === undefined || s.length > ignoreAbove ? undefined : s
  }
}

const booleanIndexer: Indexer = (raw) => {
  if (typeof raw === 'boolean') return raw
  if (raw === 'true') return true
  if (raw === 'false' || raw === '') return false // ES reads the empty string as false
  return undefined
}

const ipIndexer: Indexer = (raw) => parseIp(raw)

const versionIndexer: Indexer = (raw) => {
  const s = scalarText(raw)
  return s === undefined ? undefined : parseVersion(s)
}

const none: Indexer = () => undefined

const MAX_NANOS = 9223372036854775807n

/**
 * The indexer for a field. An unmapped field (`spec` undefined) indexes like a keyword without a
 * length limit, the playground's default for strings. Aliases must be resolved by the caller
 * (`schema.resolve`).
 */
export function indexerFor(spec: FieldSpec | undefined): Indexer {
  if (spec === undefined) return keywordNoLimit
  return indexerForType(spec.type, spec)
}

function indexerForType(type: EsFieldType, spec: FieldSpec): Indexer {
  switch (type) {
    case 'keyword':
    case 'constant_keyword':
    case 'wildcard':
      return keywordIndexer(spec.ignoreAbove)
    case 'text':
    case 'match_only_text':
    case 'flattened':
      // text is analysed, so exact comparisons are rejected by the checker; the string is still
      // returned for functions that read through a keyword sub-field
      return keywordNoLimit
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'unsigned_long':
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float': {
      const factor = spec.scalingFactor
      return (raw) => coerceNumber(type, raw, factor)
    }
    case 'date': {
      const format = spec.format
      return (raw) => parseDateMillis(raw, format)
    }
    case 'date_nanos': {
      const format = spec.format ?? 'strict_date_optional_time_nanos||epoch_millis'
      // stored as a signed 64-bit count of nanos since the epoch: 1970 up to 2262-04-11
      return (raw) => {
        const v = parseDateNanos(raw, format)
        return v === undefined || v < 0n || v > MAX_NANOS ? undefined : v
      }
    }
    case 'boolean':
      return booleanIndexer
    case 'ip':
      return ipIndexer
    case 'version':
      return versionIndexer
    case 'object':
    case 'nested':
    case 'geo_point':
    case 'alias':
    case 'unsupported':
      return none
  }
}
