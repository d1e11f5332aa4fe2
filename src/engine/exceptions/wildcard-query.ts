import type { Target } from '../kql/check-fields'
import type { CompileContext } from '../kql/compile-context'
import { constantKeyword, flattenedTest } from '../kql/compile-special'
import { anyValue, keywordTest } from '../kql/compile-values'
import { NEVER, type EventTest } from '../kql/program'
import { span } from '../source/span'
import { lowerSimple } from '../values/case-fold'
import { scalarText } from '../values/field-indexer'
import { analyzeStandard } from '../values/text-analysis'
import { compileWildcardParts, parseLuceneWildcard, type WildcardPart } from '../values/wildcard'

/**
 * Elasticsearch's `wildcard` query (what a "matches" entry sends), per field type. Its pattern is
 * Lucene's: `*` any run, `?` one character, `\` escapes (values/wildcard.ts parseLuceneWildcard),
 * NOT KQL's wildcard rules: the pattern is never split at whitespace. On keyword, wildcard,
 * constant_keyword, version and flattened fields it matches the whole value, case-sensitively; on
 * text fields it matches single tokens of the analysed value, with the pattern lowercased as the
 * field's analyzer normalises it. Other field types refuse the query: the reason is returned (the
 * search would fail). `caseInsensitive` is the query's `case_insensitive` flag (rule filters
 * carry it; exception items never set it).
 */
export function wildcardQueryTest(t: Target, pattern: string, ctx: CompileContext, caseInsensitive = false): EventTest | string {
  const spec = t.spec
  const parts = parseLuceneWildcard(pattern)
  if (spec === undefined) return keywordTest(t.read, undefined, compileWildcardParts(parts, caseInsensitive))
  switch (spec.type) {
    case 'keyword':
    case 'wildcard':
    case 'version':
      return keywordTest(t.read, spec.ignoreAbove, compileWildcardParts(parts, caseInsensitive))
    case 'constant_keyword':
      return constantKeyword(t, spec, compileWildcardParts(parts, caseInsensitive), { ...ctx, diagnostics: [] }, span(0, 0))
    case 'flattened':
      return flattenedTest(t, spec, compileWildcardParts(parts, caseInsensitive))
    case 'text':
    case 'match_only_text': {
      const m = compileWildcardParts(parts.map(lowerPart), false)
      return anyValue(t.read, (raw) => {
        const s = typeof raw === 'string' ? raw : scalarText(raw)
        return s !== undefined && analyzeStandard(s).some(m)
      })
    }
    case 'object':
    case 'nested':
    case 'alias':
      // no values of their own: the query matches nothing
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
      return `failed to create query: Can only use wildcard queries on keyword and text fields - not on [${t.name}] which is of type [${spec.type}]`
  }
}

function lowerPart(p: WildcardPart): WildcardPart {
  return p.kind === 'literal' ? { kind: 'literal', text: lowerSimple(p.text) } : p
}
