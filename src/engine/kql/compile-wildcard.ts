import type { Span } from '../source/span'
import { compileWildcardParts } from '../values/wildcard'
import type { Target } from './check-fields'
import { KQL_CHECK_CODES } from './codes-check'
import { report, type CompileContext } from './compile-context'
import { existsTest } from './compile-exists'
import { pieceMatchers, splitPieces, wholePattern } from './compile-pieces'
import { constantKeyword, flattenedTest } from './compile-special'
import { textPiecesTest } from './compile-text'
import { anyValue, keywordTest, orTests } from './compile-values'
import { NEVER, type EventTest } from './program'

/**
 * `field:pat*tern` (unquoted, with at least one star that is not the whole value) on one field.
 * Exactly-`keyword` fields get Kibana's `wildcard` query: one anchored, case-sensitive pattern
 * over the whole value, whitespace and all (spec §5.1). Every other type gets `query_string`,
 * which splits at whitespace and ORs the pieces (§5.3); on text fields the pieces are lowercased
 * and match single tokens (§5.4); numeric, date, ip and boolean fields refuse wildcards (§5.5-5.8).
 */
export function wildcardTest(t: Target, parts: readonly string[], ctx: CompileContext, at: Span): EventTest {
  const spec = t.spec
  if (spec === undefined || spec.type === 'keyword') {
    const m = compileWildcardParts(wholePattern(parts), false)
    return keywordTest(t.read, spec?.ignoreAbove, m)
  }
  const pieces = splitPieces(parts)
  const exists = pieces.some((p) => p.allStar) ? existsTest(t, ctx, at) : NEVER
  switch (spec.type) {
    case 'wildcard':
    case 'constant_keyword':
    case 'version':
    case 'flattened': {
      const ms = pieceMatchers(pieces)
      if (ms.length === 0) return exists
      const pred = (s: string): boolean => {
        for (const m of ms) if (m(s)) return true
        return false
      }
      if (spec.type === 'constant_keyword') return orTests([exists, constantKeyword(t, spec, pred, ctx, at)])
      if (spec.type === 'flattened') return orTests([exists, flattenedTest(t, spec, pred)])
      return orTests([exists, keywordTest(t.read, spec.ignoreAbove, pred)])
    }
    case 'text':
    case 'match_only_text': {
      const test = textPiecesTest(pieces)
      return test === null ? exists : orTests([exists, anyValue(t.read, test)])
    }
    case 'object':
    case 'nested':
    case 'alias':
      return NEVER
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'unsigned_long':
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
    case 'date':
    case 'date_nanos':
    case 'boolean':
    case 'ip':
    case 'geo_point':
    case 'unsupported':
      report(ctx, KQL_CHECK_CODES.wildcardOnType, at, { name: t.name, type: spec.type })
      return NEVER
  }
}
