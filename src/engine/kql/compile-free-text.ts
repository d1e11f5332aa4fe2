import { nestedAncestorOf } from '../schema/field-type-names'
import type { EsFieldType, FieldSpec } from '../schema/types'
import type { KqlValue } from './ast'
import type { CompileContext } from './compile-context'
import { someLeaf } from './compile-event-fields'
import { isAllStars, pieceMatchers, splitPieces } from './compile-pieces'
import { textPiecesTest } from './compile-text'
import { analyzeStandard } from '../values/text-analysis'
import { keywordText, type RawTest } from './compile-values'
import { ALWAYS, NEVER, type EventTest } from './program'

/**
 * A field-less value (spec §4.2 step 2, §5.10): Kibana sends `multi_match` (`best_fields`, or
 * `phrase` when quoted, `lenient: true`) or, for a wildcard, `query_string`, both without fields,
 * so Elasticsearch searches `index.query.default_field` (default `*`). `*` expands to the
 * text-searchable fields only (keyword, constant_keyword, wildcard, text, match_only_text,
 * version, flattened), and `lenient` makes type mismatches non-matches, so numbers, dates, ips and
 * booleans are never searched. Per field the type's rules apply: keyword-like fields compare the
 * whole value, text fields their tokens. Fields under a nested mapping are only searched from
 * inside their group. Fields the schema does not know are read as keyword.
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

/** The per-kind tests for a value; null when the value can match nothing. */
function predsFor(value: KqlValue): Preds | null {
  if (value.type === 'wildcard') {
    const pieces = splitPieces(value.parts)
    const ms = pieceMatchers(pieces)
    const text = textPiecesTest(pieces)
    return { keyword: (s) => ms.some((m) => m(s)), text: text ?? (() => false) }
  }
  const q = value.type === 'literal' ? value.text : String(value.value)
  const tokens = analyzeStandard(q)
  const wanted = new Set(tokens)
  const phrase = value.type === 'literal' && value.quoted && tokens.length > 1
  const text: RawTest = (raw) => {
    const s = typeof raw === 'string' ? raw : String(raw)
    const got = analyzeStandard(s)
    if (!phrase) return got.some((t) => wanted.has(t))
    outer: for (let i = 0; i + tokens.length <= got.length; i++) {
      for (let k = 0; k < tokens.length; k++) if (got[i + k] !== tokens[k]) continue outer
      return true
    }
    return false
  }
  return { keyword: (s) => s === q, text }
}

/** Compiles a field-less value (`null` is rejected by the caller). */
export function freeTextTest(value: KqlValue, ctx: CompileContext): EventTest {
  // a lone `*` with no field is query_string `*` over every field: every document
  if (value.type === 'wildcard' && isAllStars(value.parts)) return ALWAYS
  const preds = predsFor(value)
  if (preds === null) return NEVER
  const group = ctx.nestedPath
  const prefix = group === undefined ? '' : group + '.'
  // constant_keyword fields with a mapped value match (or not) every document, present or not
  for (const name of ctx.schema.names()) {
    const spec = ctx.schema.get(name)
    if (spec?.type === 'constant_keyword' && spec.constantValue !== undefined && preds.keyword(spec.constantValue)) {
      if (nestedAncestorOf(ctx.schema, name) === group) return ALWAYS
    }
  }
  const cache = new Map<string, RawTest | null>()
  const testFor = (name: string): RawTest | null => {
    let t = cache.get(name)
    if (t === undefined) {
      t = compileLeaf(prefix + name, preds, ctx)
      cache.set(name, t)
    }
    return t
  }
  return (event) => someLeaf(event, '', (name, raw) => {
    const t = testFor(name)
    return t !== null && t(raw)
  })
}

/** The test for one leaf path's values: the field and its multi-fields. */
function compileLeaf(full: string, preds: Preds, ctx: CompileContext): RawTest | null {
  const spec = ctx.schema.resolve(full)
  if (spec === undefined) return (raw) => eligibleKeyword(raw, undefined, preds)
  if (nestedAncestorOf(ctx.schema, full) !== ctx.nestedPath) return null
  if (spec.searchable === false) return null
  const tests: RawTest[] = []
  const own = leafTest(spec, preds)
  if (own !== null) tests.push(own)
  for (const mf of spec.multiFields ?? []) {
    const k = kindOf(mf.type)
    if (k === 'text') tests.push(preds.text)
    else if (k === 'keyword') tests.push((raw) => eligibleKeyword(raw, mf.ignoreAbove, preds))
  }
  if (tests.length === 0) return null
  return (raw) => tests.some((t) => t(raw))
}

function leafTest(spec: FieldSpec, preds: Preds): RawTest | null {
  if (spec.type === 'constant_keyword' && spec.constantValue !== undefined) return null // decided above
  const k = kindOf(spec.type)
  if (k === 'text') return preds.text
  if (k === 'keyword') return (raw) => eligibleKeyword(raw, spec.ignoreAbove, preds)
  return null
}

function eligibleKeyword(raw: unknown, ignoreAbove: number | undefined, preds: Preds): boolean {
  const s = keywordText(raw, ignoreAbove)
  return s !== undefined && preds.keyword(s)
}
