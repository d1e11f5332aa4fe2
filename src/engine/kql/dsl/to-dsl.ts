import { assertNever, type IsNode, type KqlNode, type NestedNode, type RangeNode } from '../ast'
import type { Schema } from '../../schema/types'
import { isEpochDigits, isLoneStar, plainValue, wildcardPattern } from './escape'
import { resolveFields, type DslField, type ResolvedFields } from './resolve-fields'
import type { BoolClauses, DslObject, DslValue, ToDslOptions } from './types'

/** Where a clause sits: inside `path:{ ... }` field names are relative to `nested`. */
interface Context {
  readonly schema: Schema | null
  readonly opts: ToDslOptions
  readonly nested: string | undefined
}

/**
 * The Query DSL Kibana builds for one parsed KQL query (its `toElasticsearchQuery`, spec §4 and
 * the §6 table). `schema` stands for the data view's field list: null means no field list, so no
 * field is known to be keyword or date (spec §4.6). Never throws; problems Kibana would throw for
 * (a nested field outside its nested group) are the compiler's diagnostics, here the clause is
 * emitted as written.
 */
export function toDsl(query: KqlNode, schema: Schema | null, opts: ToDslOptions = {}): DslObject {
  return translate(query, { schema, opts, nested: undefined })
}

/**
 * The request query the detection engine sends for a KQL rule (Kibana's buildEsQuery over
 * buildQueryFromKuery, spec §4.1, §6 row 16): the query's DSL is the one `filter` entry; a bare
 * match_all (empty query, `*:*`) is dropped as buildEsQuery drops it.
 */
export function buildQueryFromKql(query: KqlNode, schema: Schema | null, opts: ToDslOptions = {}): { bool: BoolClauses } {
  const dsl = toDsl(query, schema, opts)
  return { bool: { must: [], filter: isBareMatchAll(dsl) ? [] : [dsl], should: [], must_not: [] } }
}

function isBareMatchAll(dsl: DslObject): boolean {
  const inner = dsl['match_all']
  return Object.keys(dsl).length === 1 && typeof inner === 'object' && inner !== null && !Array.isArray(inner) && Object.keys(inner).length === 0
}

function translate(node: KqlNode, ctx: Context): DslObject {
  switch (node.type) {
    case 'and':
      return { bool: { filter: node.children.map((c) => translate(c, ctx)) } }
    case 'or':
      return { bool: { should: node.children.map((c) => translate(c, ctx)), minimum_should_match: 1 } }
    case 'not':
      // a single object, not an array: Kibana's not() passes its child through as is
      return { bool: { must_not: translate(node.child, ctx) } }
    case 'matchAll':
      return { match_all: {} }
    case 'is':
      return isClause(node, ctx)
    case 'range':
      return rangeClause(node, ctx)
    case 'nested':
      return nestedClause(node, ctx)
    default:
      return assertNever(node)
  }
}

function isClause(node: IsNode, ctx: Context): DslObject {
  const value = node.value
  const quoted = value.type === 'literal' && value.quoted
  let resolved: ResolvedFields
  if (node.field === null) {
    if (ctx.nested === undefined) {
      if (value.type === 'wildcard') return { query_string: { query: wildcardPattern(value.parts) } }
      return { multi_match: { type: quoted ? 'phrase' : 'best_fields', query: plainValue(value), lenient: true } }
    }
    // Kibana prefixes the nested path to the missing (null) field name, so a field-less value
    // inside `p:{ v }` targets a field literally named `p.null`; reproduced as sent
    resolved = resolveFields({ type: 'field', name: 'null', quoted: false, span: node.span }, ctx.nested, ctx.schema)
  } else {
    resolved = resolveFields(node.field, ctx.nested, ctx.schema)
  }
  const v = plainValue(value)
  const should = resolved.fields.map((f) => {
    let q: DslObject
    if (isLoneStar(value)) q = { exists: { field: f.name } }
    else if (value.type === 'wildcard') {
      const pattern = wildcardPattern(value.parts)
      q = f.kind === 'keyword' ? { wildcard: { [f.name]: { value: pattern, ...caseOption(ctx) } } } : { query_string: { fields: [f.name], query: pattern } }
    } else if (f.kind === 'date') q = { range: { [f.name]: { gte: v, lte: v, ...timeZone(ctx, v) } } }
    else if (f.kind === 'keyword') q = { term: { [f.name]: { value: v, ...caseOption(ctx) } } }
    else q = { [quoted ? 'match_phrase' : 'match']: { [f.name]: v } }
    return wrapNested(q, f, resolved, ctx)
  })
  return { bool: { should, minimum_should_match: 1 } }
}

function rangeClause(node: RangeNode, ctx: Context): DslObject {
  const resolved = resolveFields(node.field, ctx.nested, ctx.schema)
  const v = plainValue(node.value)
  const should = resolved.fields.map((f) => {
    const params: DslObject = f.kind === 'date' ? { [node.op]: v, ...timeZone(ctx, v) } : { [node.op]: v }
    return wrapNested({ range: { [f.name]: params } }, f, resolved, ctx)
  })
  return { bool: { should, minimum_should_match: 1 } }
}

function nestedClause(node: NestedNode, ctx: Context): DslObject {
  const written = node.path.type === 'field' ? node.path.name : node.path.parts.join('*')
  const path = ctx.nested === undefined ? written : `${ctx.nested}.${written}`
  const query = translate(node.query, { ...ctx, nested: path })
  return { nested: { path, query, score_mode: 'none', ...ignoreUnmapped(ctx) } }
}

/**
 * A wildcard field name may hit fields under a nested mapping, which a plain clause cannot
 * reach; Kibana wraps those clauses in a nested query itself (only outside a nested group, where
 * the user could not have written one).
 */
function wrapNested(query: DslObject, field: DslField, resolved: ResolvedFields, ctx: Context): DslObject {
  if (!resolved.isPattern || field.nestedPath === undefined || ctx.nested !== undefined) return query
  return { nested: { path: field.nestedPath, query, score_mode: 'none', ...ignoreUnmapped(ctx) } }
}

// Kibana adds these keys whenever the option is a boolean, false included.
function caseOption(ctx: Context): DslObject {
  return ctx.opts.caseInsensitive === undefined ? {} : { case_insensitive: ctx.opts.caseInsensitive }
}

function ignoreUnmapped(ctx: Context): DslObject {
  return ctx.opts.nestedIgnoreUnmapped === undefined ? {} : { ignore_unmapped: ctx.opts.nestedIgnoreUnmapped }
}

// Epoch milliseconds are absolute, so Kibana sends them without a time zone (spec §4.3).
function timeZone(ctx: Context, value: DslValue): DslObject {
  const tz = ctx.opts.dateFormatTZ
  return tz === undefined || tz === '' || isEpochDigits(value) ? {} : { time_zone: tz }
}
