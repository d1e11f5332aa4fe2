import type { FieldSpec } from '../schema/types'
import type { Span } from '../source/span'
import { compareKeyword } from '../values/case-fold'
import { compareIndexed } from '../values/compare-indexed'
import { constantIndexerFor } from '../values/constant-indexer'
import { indexerFor } from '../values/field-indexer'
import { isFault, type Indexed } from '../values/indexed-types'
import { analyzeStandard } from '../values/text-analysis'
import { scalarText } from '../values/field-indexer'
import type { RangeOp } from './ast'
import type { Target } from './check-fields'
import { KQL_CHECK_CODES } from './codes-check'
import { report, type CompileContext } from './compile-context'
import { dateBound } from './compile-date'
import { constantKeyword, flattenedTest, reportFault } from './compile-special'
import { anyValue, keywordTest } from './compile-values'
import { NEVER, type EventTest } from './program'

/**
 * `field > value` etc. on one field (spec §4.3): keyword-family fields compare strings in UTF-8
 * byte order (no numeric reading), numbers numerically after coercing the constant (non-numeric
 * text is an error), dates as instants with Elasticsearch's bound rounding (`gt`/`lte` round up),
 * ips by address, booleans false < true, versions semantically, text fields per token. Each clause
 * is independent: on an array, `x > 5 and x < 3` may hold through different elements (§8.6).
 */
export function rangeTest(t: Target, op: RangeOp, value: string | boolean, ctx: CompileContext, at: Span): EventTest {
  const spec = t.spec
  const text = typeof value === 'string' ? value : value ? 'true' : 'false'
  const inRange = (c: number): boolean => holds(op, c)
  const strPred = (s: string): boolean => inRange(compareKeyword(s, text))
  if (spec === undefined) return keywordTest(t.read, undefined, strPred)
  switch (spec.type) {
    case 'keyword':
    case 'wildcard':
      return keywordTest(t.read, spec.ignoreAbove, strPred)
    case 'constant_keyword':
      return constantKeyword(t, spec, strPred, ctx, at)
    case 'flattened':
      return flattenedTest(t, spec, strPred)
    case 'text':
    case 'match_only_text':
      return anyValue(t.read, (raw) => {
        const s = scalarText(raw)
        if (s === undefined) return false
        for (const tok of analyzeStandard(s)) if (strPred(tok)) return true
        return false
      })
    case 'date':
    case 'date_nanos': {
      const bound = dateBound(text, op === 'gt' || op === 'lte', spec, ctx)
      if (isFault(bound)) return reportFault(ctx, spec, bound, at)
      const ix = indexerFor(spec)
      return anyValue(t.read, (raw) => {
        const v = ix(raw)
        return (typeof v === 'number' || typeof v === 'bigint') && inRange(v < bound ? -1 : v > bound ? 1 : 0)
      })
    }
    case 'ip': {
      const ip = typeof value === 'string' ? indexerFor(spec)(value) : undefined
      if (ip === undefined) return reportFault(ctx, spec, { fault: `'${text}' is not an IP string literal.` }, at)
      return typedRange(t, spec, ip, inRange)
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
    case 'boolean':
    case 'version': {
      const c = constantIndexerFor(spec)(value)
      if (isFault(c)) return reportFault(ctx, spec, c, at)
      return typedRange(t, spec, c, inRange)
    }
    case 'object':
    case 'nested':
    case 'alias':
      return NEVER
    case 'geo_point':
    case 'unsupported':
      report(ctx, KQL_CHECK_CODES.unsupportedType, at, { name: t.name, type: spec.type })
      return NEVER
  }
}

function typedRange(t: Target, spec: FieldSpec, constant: Indexed, inRange: (c: number) => boolean): EventTest {
  const ix = indexerFor(spec)
  return anyValue(t.read, (raw) => {
    const v = ix(raw)
    return v !== undefined && inRange(compareIndexed(v, constant))
  })
}

/** Whether `value <op> constant` holds, given compare(value, constant). */
function holds(op: RangeOp, c: number): boolean {
  switch (op) {
    case 'gt':
      return c > 0
    case 'gte':
      return c >= 0
    case 'lt':
      return c < 0
    case 'lte':
      return c <= 0
  }
}
