import { hasErrors } from '../diagnostics/diagnostic'
import { wildcardQueryTest } from '../exceptions/wildcard-query'
import { targetOf, type Target } from '../kql/check-fields'
import type { CompileContext } from '../kql/compile-context'
import { existsTest } from '../kql/compile-exists'
import { matchTest } from '../kql/compile-match'
import { rangeTest } from '../kql/compile-range'
import { parseTimeZone } from '../kql/compile-time-zone'
import { andTests, anyValue, notTest, orTests } from '../kql/compile-values'
import { ALWAYS, NEVER, type EventTest } from '../kql/program'
import type { RangeOp } from '../kql/ast'
import { nestedAncestorOf } from '../schema/field-type-names'
import { span } from '../source/span'
import { analyzeStandard } from '../values/text-analysis'
import { RULE_PARAM_CODES as C, type RuleParamCodeDef } from './rule-params-codes'

/**
 * One Query DSL clause of a rule filter compiled into an event test, with the value rules of the
 * KQL evaluator (a quoted KQL value IS match_phrase per field type; KQL ranges ARE range queries;
 * `field:*` IS exists) and the exception items' wildcard query, so a filter answers as the same
 * clause written in the query would. What the filter bar produces is covered: match_phrase,
 * match, term(s), range, exists, wildcard, bool (must, filter, should, must_not,
 * minimum_should_match), match_all / match_none; query_string only as `*`.
 */

export type Report = (def: RuleParamCodeDef, message: string) => void

const AT = span(0, 0)
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The clause's test, or null when it cannot be evaluated (reported). */
export function compileClause(clause: unknown, ctx: CompileContext, report: Report): EventTest | null {
  if (!isRecord(clause)) return shape(report, 'a clause is not an object')
  const kinds = Object.keys(clause)
  const [kind] = kinds
  if (kind === undefined || kinds.length !== 1) return shape(report, kinds.length === 0 ? 'an empty clause' : `one clause holds ${kinds.join(', ')}`)
  const body = clause[kind]
  switch (kind) {
    case 'match_all':
      return ALWAYS
    case 'match_none':
      return NEVER
    case 'bool':
      return boolClause(body, ctx, report)
    case 'exists': {
      const field = isRecord(body) ? body['field'] : undefined
      return typeof field === 'string' ? onField(field, ctx, (t) => existsTest(t, ctx, AT)) : shape(report, 'exists needs {field}')
    }
    case 'match_phrase':
    case 'match':
    case 'term':
    case 'terms':
    case 'range':
    case 'wildcard':
      return fieldClause(kind, body, ctx, report)
    case 'query_string': {
      const q = isRecord(body) ? body['query'] : undefined
      if (typeof q === 'string' && q.trim() === '*') return ALWAYS
      report(C.filterUnsupported, `query_string ${JSON.stringify(q)} is Lucene syntax the playground does not evaluate; the filter is left out`)
      return null
    }
    default:
      report(C.filterUnsupported, `the "${kind}" query is not evaluated by the playground; the filter is left out`)
      return null
  }
}

function shape(report: Report, what: string): null {
  report(C.filterShape, `${what}; the filter is left out`)
  return null
}

const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v])

function boolClause(body: unknown, ctx: CompileContext, report: Report): EventTest | null {
  if (!isRecord(body)) return shape(report, 'bool needs an object')
  const compileAll = (key: string): EventTest[] | null => {
    const out: EventTest[] = []
    for (const c of asList(body[key])) {
      const t = compileClause(c, ctx, report)
      if (t === null) return null
      out.push(t)
    }
    return out
  }
  const must = compileAll('must')
  const filter = compileAll('filter')
  const should = compileAll('should')
  const mustNot = compileAll('must_not')
  if (must === null || filter === null || should === null || mustNot === null) return null
  // Elasticsearch: should is optional beside must/filter, else at least one must hold
  const required = must.length + filter.length
  const min = minimumShould(body['minimum_should_match'], should.length, required > 0 ? 0 : 1, report)
  if (min === null) return null
  const parts = [...must, ...filter, ...mustNot.map(notTest)]
  if (should.length > 0 && min > 0) parts.push(min === 1 ? orTests(should) : atLeast(should, min))
  else if (should.length === 0 && min > 0) parts.push(NEVER)
  return andTests(parts)
}

function minimumShould(raw: unknown, n: number, fallback: number, report: Report): number | null {
  if (raw === undefined || raw === null) return Math.min(fallback, n === 0 ? 0 : fallback)
  const text = String(raw).trim()
  let m: RegExpMatchArray | null
  let k: number
  if ((m = /^(-?\d+)$/.exec(text)) !== null) k = Number(m[1])
  else if ((m = /^(-?\d+)%$/.exec(text)) !== null) k = Math.trunc((n * Number(m[1])) / 100)
  else {
    report(C.filterUnsupported, `minimum_should_match "${text}" is not evaluated (only counts and percentages); the filter is left out`)
    return null
  }
  // negative: that many may be missing
  const need = k < 0 ? n + k : k
  return Math.max(0, need)
}

function atLeast(tests: readonly EventTest[], min: number): EventTest {
  return (e) => {
    let n = 0
    for (const t of tests) if (t(e) && ++n >= min) return true
    return false
  }
}

/** A target for the field; a field inside a nested mapping has no value outside a nested query. */
function onField(field: string, ctx: CompileContext, build: (t: Target) => EventTest): EventTest {
  if (nestedAncestorOf(ctx.schema, field) !== undefined) return NEVER
  return build(targetOf(field, ctx))
}

type FieldKind = 'match_phrase' | 'match' | 'term' | 'terms' | 'range' | 'wildcard'

function fieldClause(kind: FieldKind, body: unknown, ctx: CompileContext, report: Report): EventTest | null {
  const entries = isRecord(body) ? Object.entries(body).filter(([k]) => k !== 'boost' && k !== '_name') : []
  const [entry] = entries
  if (entry === undefined || entries.length !== 1) return shape(report, `${kind} needs exactly one field`)
  const [field, spec] = entry
  const local: CompileContext = { ...ctx, diagnostics: [] }
  const problem = (message: string): null => {
    report(C.filterUnsupported, `${kind} on ${field}: ${message}; the filter is left out`)
    return null
  }
  let test: EventTest | string | null
  switch (kind) {
    case 'match_phrase':
    case 'match': {
      const o = isRecord(spec) ? spec : { query: spec }
      const q = scalar(o['query'])
      if (q === undefined) return shape(report, `${kind} on ${field} has no query value`)
      if (kind === 'match' && o['operator'] !== undefined && String(o['operator']).toLowerCase() === 'and') return problem('operator "and" is not evaluated')
      const phrase = kind === 'match_phrase' || o['type'] === 'phrase'
      test = onField(field, local, (t) => matchTest(t, q, phrase, local, AT))
      break
    }
    case 'term':
    case 'terms': {
      const o = kind === 'term' && isRecord(spec) ? spec : undefined
      if (o?.['case_insensitive'] === true) return problem('case_insensitive terms are not evaluated')
      const values = kind === 'term' ? [scalar(o === undefined ? spec : o['value'])] : Array.isArray(spec) ? spec.map(scalar) : [undefined]
      if (values.some((v) => v === undefined)) return shape(report, `${kind} on ${field} needs scalar values`)
      test = onField(field, local, (t) => orTests(values.map((v) => termTest(t, v ?? '', local))))
      break
    }
    case 'range':
      test = isRecord(spec) ? rangeClause(field, spec, local, problem) : shape(report, `range on ${field} needs bounds`)
      break
    case 'wildcard': {
      const o = isRecord(spec) ? spec : { value: spec }
      const pattern = scalar(o['value'] ?? o['wildcard'])
      if (typeof pattern !== 'string') return shape(report, `wildcard on ${field} needs a pattern`)
      test = nestedAncestorOf(ctx.schema, field) !== undefined ? NEVER : wildcardQueryTest(targetOf(field, local), pattern, local, o['case_insensitive'] === true)
      break
    }
  }
  if (typeof test === 'string') {
    report(C.filterInvalid, `Elasticsearch would fail the rule's search: ${test}`)
    return null
  }
  if (hasErrors(local.diagnostics)) {
    const reason = local.diagnostics.find((d) => d.severity === 'error')?.message ?? ''
    report(C.filterInvalid, `${kind} on ${field}: Elasticsearch would fail the rule's search: ${reason}`)
    return null
  }
  return test
}

/** JSON scalars as the query value: strings as is, numbers as their text, booleans as booleans. */
function scalar(v: unknown): string | boolean | undefined {
  if (typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  return undefined
}

/** A term query: an exact (un-analysed) token on text fields, the field's own equality elsewhere. */
function termTest(t: Target, value: string | boolean, ctx: CompileContext): EventTest {
  const type = t.spec?.type
  if ((type === 'text' || type === 'match_only_text') && typeof value === 'string') {
    return anyValue(t.read, (raw) => typeof raw === 'string' && analyzeStandard(raw).includes(value))
  }
  return matchTest(t, value, true, ctx, AT)
}

const OPS: readonly RangeOp[] = ['gt', 'gte', 'lt', 'lte']

/**
 * A range query: ONE value of the field must satisfy every bound (unlike two KQL range clauses,
 * which may hold through different values of an array), so the bounds are tested per value.
 * `format` replaces a date field's format; `time_zone` applies to dates without an offset.
 */
function rangeClause(field: string, spec: Record<string, unknown>, ctx: CompileContext, problem: (m: string) => null): EventTest | null {
  const bounds: [RangeOp, string | boolean][] = []
  for (const op of OPS) {
    const v = spec[op]
    if (v === undefined || v === null) continue
    const s = scalar(v)
    if (s === undefined) return problem(`the ${op} bound is not a value`)
    bounds.push([op, s])
  }
  if (spec['from'] !== undefined || spec['to'] !== undefined) return problem('from/to bounds are not evaluated')
  if (bounds.length === 0) return ALWAYS
  let local = ctx
  if (typeof spec['time_zone'] === 'string') {
    const tz = parseTimeZone(spec['time_zone'])
    if (tz === undefined) return problem(`unknown time_zone ${spec['time_zone']}`)
    local = { ...ctx, tz }
  }
  if (nestedAncestorOf(ctx.schema, field) !== undefined) return NEVER
  const base = targetOf(field, local)
  const format = spec['format']
  const t: Target = typeof format === 'string' && base.spec !== undefined && (base.spec.type === 'date' || base.spec.type === 'date_nanos') ? { ...base, spec: { ...base.spec, format } } : base
  const type = t.spec?.type
  if (bounds.length === 1 || type === 'constant_keyword' || type === 'flattened') return andTests(bounds.map(([op, v]) => rangeTest(t, op, v, local, AT)))
  const one: Target = { ...t, read: (v) => v }
  const all = andTests(bounds.map(([op, v]) => rangeTest(one, op, v, local, AT)))
  return anyValue(t.read, (raw) => all(raw))
}
