import type { FieldSpec } from '../schema/types'
import { equalIndexed } from '../values/compare-indexed'
import { constantIndexerFor } from '../values/constant-indexer'
import { indexerFor } from '../values/field-indexer'
import { isFault } from '../values/indexed-types'
import { cidrContains, parseCidr, parseIp } from '../values/ip-address'
import type { CompileContext } from './compile-context'
import { dateInterval } from './compile-date'
import type { RawTest } from './compile-values'

/**
 * Equality of a free-text term with a typed field (number, boolean, date, ip) as `multi_match`
 * with `lenient: true` builds it: the same per-type term as a fielded match, except that a value
 * the type cannot parse makes that field drop out (null) instead of failing the search.
 */
export function lenientEquals(spec: FieldSpec, q: string | boolean, ctx: CompileContext): RawTest | null {
  const ix = indexerFor(spec)
  switch (spec.type) {
    case 'date':
    case 'date_nanos': {
      if (typeof q !== 'string') return null
      const r = dateInterval(q, spec, ctx)
      if (isFault(r)) return null
      const { lo, hi } = r
      return (raw) => {
        const v = ix(raw)
        return (typeof v === 'number' || typeof v === 'bigint') && v >= lo && v <= hi
      }
    }
    case 'ip': {
      if (typeof q !== 'string') return null
      const block = parseCidr(q)
      if (isFault(block)) return null
      return (raw) => {
        const ip = parseIp(raw)
        return ip !== undefined && cidrContains(ip, block)
      }
    }
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'unsigned_long':
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
    case 'boolean': {
      const c = constantIndexerFor(spec)(q)
      if (isFault(c)) return null
      return (raw) => {
        const v = ix(raw)
        return v !== undefined && equalIndexed(v, c)
      }
    }
    default:
      return null
  }
}
