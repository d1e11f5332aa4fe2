import type { FieldSpec } from '../schema/types'
import type { Indexed, ValueFault } from './indexed-types'
import { indexerFor, scalarText } from './field-indexer'
import { coerceNumber } from './numeric-coerce'
import { DEFAULT_DATE_FORMAT } from './date-parse'

/**
 * How a query CONSTANT compared with a field is turned into an indexed value. It differs from what
 * a document value indexes to (`indexerFor`) exactly where Elasticsearch's query-side parsing
 * differs from its index-side parsing:
 * - integer types keep a fractional constant as is (`pid == 4.5` matches nothing, as ES's term
 *   query with a decimal part does; `pid > 4.5` keeps its real-number meaning) instead of
 *   truncating it, and an out-of-range constant is an error, as the query fails in ES;
 * - keyword constants ignore `ignore_above` (the term query still runs; it just cannot match a
 *   value that was too long to be indexed);
 * - values that cannot be parsed for the type are faults carrying ES's error text, so the caller
 *   can report the query as failing rather than silently matching nothing.
 * Float types round the constant like the stored value (a term on a float field parses as float).
 */
export type ConstantIndexer = (raw: unknown) => Indexed | ValueFault

const INTEGER_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  long: [-9223372036854775808, 9223372036854775808],
  unsigned_long: [0, 18446744073709551616],
}

function show(raw: unknown): string {
  return typeof raw === 'string' ? raw : JSON.stringify(raw) ?? String(raw)
}

/** The constant indexer for comparisons against a field of this spec (aliases resolved). */
export function constantIndexerFor(spec: FieldSpec | undefined): ConstantIndexer {
  if (spec === undefined) return (raw) => scalarText(raw) ?? { fault: `Cannot compare with [${show(raw)}]` }
  const type = spec.type
  switch (type) {
    case 'keyword':
    case 'constant_keyword':
    case 'wildcard':
    case 'text':
    case 'match_only_text':
    case 'flattened':
      return (raw) => scalarText(raw) ?? { fault: `Cannot compare [${spec.name}] with [${show(raw)}]` }
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'unsigned_long': {
      const [lo, hi] = INTEGER_RANGE[type] ?? [0, 0]
      return (raw) => {
        const n = coerceNumber('double', raw)
        if (n === undefined) return { fault: `For input string: "${show(raw)}"` }
        if (n < lo || n > hi) return { fault: `Value [${show(raw)}] is out of range for ${type === 'integer' ? 'an' : 'a'} ${type}` }
        return n
      }
    }
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
      return (raw) => coerceNumber(type, raw, spec.scalingFactor) ?? { fault: `For input string: "${show(raw)}"` }
    case 'date':
    case 'date_nanos': {
      const ix = indexerFor(spec)
      const format = spec.format ?? (type === 'date' ? DEFAULT_DATE_FORMAT : 'strict_date_optional_time_nanos||epoch_millis')
      return (raw) => ix(raw) ?? { fault: `failed to parse date field [${show(raw)}] with format [${format}]` }
    }
    case 'boolean': {
      const ix = indexerFor(spec)
      return (raw) => ix(raw) ?? { fault: `Can't parse boolean value [${show(raw)}], expected [true] or [false]` }
    }
    case 'ip': {
      const ix = indexerFor(spec)
      return (raw) => ix(raw) ?? { fault: `'${show(raw)}' is not an IP string literal.` }
    }
    case 'version': {
      const ix = indexerFor(spec)
      return (raw) => ix(raw) ?? { fault: `Cannot compare [${spec.name}] with [${show(raw)}]` }
    }
    case 'object':
    case 'nested':
    case 'geo_point':
    case 'alias':
    case 'unsupported':
      return () => ({ fault: `Field [${spec.name}] of type [${type}] cannot be compared` })
  }
}
