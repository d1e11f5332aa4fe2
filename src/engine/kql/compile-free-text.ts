import { nestedAncestorOf } from '../schema/field-type-names'
import type { EsFieldType, FieldSpec } from '../schema/types'
import type { KqlValue } from './ast'
import type { CompileContext } from './compile-context'
import { FieldNames } from './compile-event-fields'
import { isAllStars, pieceMatchers, splitPieces } from './compile-pieces'
import { anyTokenTest, phraseTest, textPiecesTest } from './compile-text'
import { analyzeStandard } from '../values/text-analysis'
import { keywordText, type RawTest } from './compile-values'
import { ALWAYS, type EventTest } from './program'
import { UTC } from './compile-time-zone'
import { lenientEquals } from './compile-lenient'

/**
 * A field-less value (spec §4.2 step 2, §5.10): Kibana sends `multi_match` (`best_fields`, or
 * `phrase` when quoted, `lenient: true`) or, for a wildcard, `query_string`, both without fields,
 * so Elasticsearch searches `index.query.default_field` (default `*`): every queryable field —
 * keyword-like fields compare the whole value, text fields their tokens, numbers, dates (whole
 * precision range, UTC: no time_zone is sent), ips (CIDR too) and booleans their parsed value —
 * and `lenient` turns a value the type cannot parse into a non-match instead of an error.
 * Wildcard pieces only apply to keyword-like and text fields. Fields under a nested mapping are
 * only searched from inside their group. Fields the schema does not know are read as keyword.
 */
type Kind = 'keyword' | 'text'

function kindOf(type: EsFieldType): Kind | undefined {
  switch (type) {
    case 'keyword':
    case 'constant_keyword':
    case 'wildcard':
    case 'version':
    case 'flattened':
      return 'keyword'
    case 'text':
    case 'match_only_text':
      return 'text'
    default:
      return undefined
  }
}

interface Preds {
  readonly keyword: (s: string) => boolean
  readonly text: RawTest
}

/** The per-kind tests for a value (keyword-like fields: whole value; text fields: tokens). */
function predsFor(value: KqlValue): Preds {
  if (value.type === 'wildcard') {
    const pieces = splitPieces(value.parts)
    const ms = pieceMatchers(pieces)
    const text = textPiecesTest(pieces)
    return { keyword: (s) => ms.some((m) => m(s)), text: text ?? (() => false) }
  }
  const q = value.type === 'literal' ? value.text : String(value.value)
  const tokens = analyzeStandard(q)
  const phrase = value.type === 'literal' && value.quoted && tokens.length > 1
  const text: RawTest = tokens.length === 0 ? () => false : phrase ? phraseTest(tokens) : anyTokenTest(new Set(tokens))
  return { keyword: (s) => s === q, text }
}

/** Compiles a field-less value (`null` is rejected by the caller). */
export function freeTextTest(value: KqlValue, ctx: CompileContext): EventTest {
  // a lone `*` with no field is query_string `*` over every field: every document
  if (value.type === 'wildcard' && isAllStars(value.parts)) return ALWAYS
  // a lone-star piece (`foo *`) is query_string's `*` over all fields, which every document meets
  if (value.type === 'wildcard' && splitPieces(value.parts).some((p) => p.allStar)) return ALWAYS
  const preds = predsFor(value)
  const group = ctx.nestedPath
  const prefix = group === undefined ? '' : group + '.'
  // constant_keyword fields with a mapped value match (or not) every document, present or not
  for (const name of ctx.schema.names()) {
    const spec = ctx.schema.get(name)
    if (spec?.type === 'constant_keyword' && spec.constantValue !== undefined && preds.keyword(spec.constantValue)) {
      if (nestedAncestorOf(ctx.schema, name) === group) return ALWAYS
    }
  }
  // multi_match and query_string carry no time_zone: dates are read in UTC
  const utcCtx: CompileContext = { ...ctx, tz: UTC }
  const names = new FieldNames((name) => compileLeaf(prefix + name, preds, value, utcCtx))
  const visit = (t: RawTest | null, raw: unknown): boolean => t !== null && t(raw)
  return (event) => names.some(event, visit)
}

/** The test for one leaf path's values: the field and its multi-fields. */
function compileLeaf(full: string, preds: Preds, value: KqlValue, ctx: CompileContext): RawTest | null {
  const spec = ctx.schema.resolve(full)
  if (spec === undefined) return (raw) => eligibleKeyword(raw, undefined, preds)
  if (nestedAncestorOf(ctx.schema, full) !== ctx.nestedPath) return null
  if (spec.searchable === false) return null
  const tests: RawTest[] = []
  const own = leafTest(spec, preds, value, ctx)
  if (own !== null) tests.push(own)
  for (const mf of spec.multiFields ?? []) {
    const k = kindOf(mf.type)
    if (k === 'text') tests.push(preds.text)
    else if (k === 'keyword') tests.push((raw) => eligibleKeyword(raw, mf.ignoreAbove, preds))
  }
  if (tests.length === 0) return null
  return (raw) => tests.some((t) => t(raw))
}

function leafTest(spec: FieldSpec, preds: Preds, value: KqlValue, ctx: CompileContext): RawTest | null {
  if (spec.type === 'constant_keyword' && spec.constantValue !== undefined) return null // decided above
  const k = kindOf(spec.type)
  if (k === 'text') return preds.text
  if (k === 'keyword') return (raw) => eligibleKeyword(raw, spec.ignoreAbove, preds)
  // typed fields: a wildcard's plain pieces are terms too; its star pieces never apply
  const terms: (string | boolean)[] =
    value.type === 'wildcard'
      ? splitPieces(value.parts).filter((p) => !p.hasStar).map((p) => p.text)
      : [value.type === 'literal' ? value.text : value.value === true]
  const tests = terms.map((q) => lenientEquals(spec, q, ctx)).filter((t): t is RawTest => t !== null)
  if (tests.length === 0) return null
  return (raw) => tests.some((t) => t(raw))
}

function eligibleKeyword(raw: unknown, ignoreAbove: number | undefined, preds: Preds): boolean {
  const s = keywordText(raw, ignoreAbove)
  return s !== undefined && preds.keyword(s)
}
