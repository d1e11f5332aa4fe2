import type { FieldSpec } from '../schema/types'
import type { Span } from '../source/span'
import { equalIndexed } from '../values/compare-indexed'
import { constantIndexerFor } from '../values/constant-indexer'
import { indexerFor } from '../values/field-indexer'
import { isFault, type Indexed } from '../values/indexed-types'
import { cidrContains, parseCidr, parseIp } from '../values/ip-address'
import type { Target } from './check-fields'
import { KQL_CHECK_CODES } from './codes-check'
import { report, type CompileContext } from './compile-context'
import { dateInterval } from './compile-date'
import { constantKeyword, flattenedTest, reportFault } from './compile-special'
import { textMatch, textPhrase } from './compile-text'
import { anyValue, keywordEquals } from './compile-values'
import { NEVER, type EventTest } from './program'

/**
 * `field:value` with a plain (non-wildcard) value on one field, per field type (spec §5.1-5.8).
 * `value` is the literal's text, or a boolean for unquoted `true`/`false` (Kibana sends JSON
 * booleans, which a boolean field takes as such and string fields as their text). A value the
 * field type cannot parse is an error: Elasticsearch fails the whole search.
 */
export function matchTest(t: Target, value: string | boolean, quoted: boolean, ctx: CompileContext, at: Span): EventTest {
  const spec = t.spec
  const text = typeof value === 'string' ? value : value ? 'true' : 'false'
  if (spec === undefined) return keywordEquals(t.read, text, undefined)
  switch (spec.type) {
    case 'keyword':
    case 'wildcard':
      // `wildcard` fields take `match`, which is an exact whole-value term for them
      return keywordEquals(t.read, text, spec.ignoreAbove)
    case 'constant_keyword':
      return constantKeyword(t, spec, (s) => s === text, ctx, at)
    case 'flattened':
      return flattenedTest(t, spec, (s) => s === text)
    case 'text':
    case 'match_only_text':
      return quoted ? textPhrase(t.read, text) : textMatch(t.read, text)
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'unsigned_long':
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
    case 'boolean':
    case 'version':
      return typedEquals(t, spec, value, ctx, at)
    case 'date':
    case 'date_nanos': {
      const r = dateInterval(text, spec, ctx)
      if (isFault(r)) return reportFault(ctx, spec, r, at)
      const { lo, hi } = r
      const ix = indexerFor(spec)
      return anyValue(t.read, (raw) => {
        const v = ix(raw)
        return (typeof v === 'number' || typeof v === 'bigint') && v >= lo && v <= hi
      })
    }
    case 'ip': {
      // a term on an ip field takes an address or a CIDR block
      const block = typeof value === 'string' ? parseCidr(text) : { fault: `'${text}' is not an IP string literal.` }
      if (isFault(block)) return reportFault(ctx, spec, block, at)
      return anyValue(t.read, (raw) => {
        const ip = parseIp(raw)
        return ip !== undefined && cidrContains(ip, block)
      })
    }
    case 'object':
    case 'nested':
    case 'alias':
      // not a field Elasticsearch can match a value on: the clause matches nothing
      return NEVER
    case 'geo_point':
    case 'unsupported':
      report(ctx, KQL_CHECK_CODES.unsupportedType, at, { name: t.name, type: spec.type })
      return NEVER
  }
}

/** Equality through the type's constant parsing (numbers coerce, booleans, versions). */
function typedEquals(t: Target, spec: FieldSpec, value: string | boolean, ctx: CompileContext, at: Span): EventTest {
  const c = constantIndexerFor(spec)(value)
  if (isFault(c)) return reportFault(ctx, spec, c, at)
  const constant: Indexed = c
  const ix = indexerFor(spec)
  return anyValue(t.read, (raw) => {
    const v = ix(raw)
    return v !== undefined && equalIndexed(v, constant)
  })
}
