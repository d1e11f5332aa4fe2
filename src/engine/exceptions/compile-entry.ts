import { hasErrors } from '../diagnostics/diagnostic'
import { nestedAncestorOf } from '../schema/field-type-names'
import { span } from '../source/span'
import { compileObjectGetter } from '../values/field-getter'
import { targetOf, type Target } from '../kql/check-fields'
import { insideNested, type CompileContext } from '../kql/compile-context'
import { existsTest } from '../kql/compile-exists'
import { matchTest } from '../kql/compile-match'
import { andTests, keywordTest, notTest, orTests } from '../kql/compile-values'
import { NEVER, type EventTest } from '../kql/program'
import { EXCEPTION_CODES, type ExceptionCodeDef } from './codes'
import { describeEntry } from './describe'
import { wildcardQueryTest } from './wildcard-query'
import type { ExceptionEntry, ExistsEntry, MatchAnyEntry, MatchEntry, WildcardEntry } from './types'

/**
 * One exception entry compiled into an event test with the Query DSL clause Kibana sends for it
 * (see README.md): `match` is match_phrase, `match_any` a should of match_phrase, `exists` an
 * exists query, `wildcard` a wildcard query, `nested` a nested query over the inner entries, each
 * negated (must_not) for the `excluded` operator. Field types come from the run's schema, and the
 * value rules are the KQL evaluator's own (a quoted KQL value is exactly match_phrase per field
 * type), so an exception answers as the rule's own clauses do.
 */

/** Where an entry's problems go; the caller adds the item and entry positions. */
export type ReportProblem = (def: ExceptionCodeDef, message: string) => void

// no source text: KQL's helpers want a span for their diagnostics, which are re-worded here
const AT = span(0, 0)

/** The entry's test, or null when it cannot apply (a problem was reported). */
export function compileEntry(entry: ExceptionEntry, ctx: CompileContext, report: ReportProblem): EventTest | null {
  const what = describeEntry(entry)
  if (entry.field.trim() === '') {
    report(EXCEPTION_CODES.emptyField, `An entry has no field (${what}); the item is not applied.`)
    return null
  }
  switch (entry.type) {
    case 'list':
      report(
        EXCEPTION_CODES.listUnsupported,
        `"${what}" uses the value list "${entry.list.id}", which lives in Kibana and the playground cannot read; the item is not applied.`,
      )
      return null
    case 'nested':
      return nestedTest(entry.field, entry.entries, ctx, report, what)
    default: {
      const path = nestedAncestorOf(ctx.schema, entry.field)
      if (path !== undefined) {
        report(
          EXCEPTION_CODES.nestedFieldOutside,
          `${entry.field} is inside the nested field ${path}: outside a nested entry Elasticsearch sees no value for it, so "${what}" ${entry.operator === 'included' ? 'matches no event' : 'holds for every event'}.`,
        )
        return entry.operator === 'included' ? NEVER : notTest(NEVER)
      }
      const positive = leafTest(entry, targetOf(entry.field, ctx), ctx, report, what)
      if (positive === null) return null
      return entry.operator === 'included' ? positive : notTest(positive)
    }
  }
}

/** The un-negated test of a match, match_any, exists or wildcard entry on one field. */
function leafTest(entry: MatchEntry | MatchAnyEntry | ExistsEntry | WildcardEntry, t: Target, ctx: CompileContext, report: ReportProblem, what: string): EventTest | null {
  if (t.spec?.searchable === false) {
    report(EXCEPTION_CODES.notSearchable, `"${what}": Elasticsearch would fail the rule's search: Cannot search on field [${t.name}] since it is not indexed.`)
    return null
  }
  switch (entry.type) {
    case 'exists':
      return existsTest(t, ctx, AT)
    case 'match':
    case 'match_any': {
      const values = entry.type === 'match' ? [entry.value] : entry.value
      if (values.length === 0 || values.some((v) => v === '')) {
        report(EXCEPTION_CODES.emptyValue, `"${what}" has an empty value (Kibana does not save one); the item is not applied.`)
        return null
      }
      const type = t.spec?.type
      if (values.length > 1 && (type === undefined || type === 'keyword' || type === 'wildcard')) {
        // a long "is one of" list on a keyword field: one set lookup per value, same answers as
        // one exact match per listed value (a value over ignore_above is not indexed, so never equal)
        const limit = t.spec?.ignoreAbove
        const wanted = new Set(values.filter((v) => limit === undefined || v.length <= limit))
        return keywordTest(t.read, limit, (s) => wanted.has(s))
      }
      const local: CompileContext = { ...ctx, diagnostics: [] }
      const tests = values.map((v) => matchTest(t, v, true, local, AT))
      if (hasErrors(local.diagnostics)) {
        const reason = local.diagnostics.find((d) => d.severity === 'error')?.message ?? ''
        report(EXCEPTION_CODES.badValue, `"${what}": Elasticsearch would fail the rule's search: ${reason}`)
        return null
      }
      return orTests(tests)
    }
    case 'wildcard': {
      if (entry.value === '') {
        report(EXCEPTION_CODES.emptyValue, `"${what}" has an empty pattern (Kibana does not save one); the item is not applied.`)
        return null
      }
      const test = wildcardQueryTest(t, entry.value, ctx)
      if (typeof test === 'string') {
        report(EXCEPTION_CODES.wildcardOnType, `"${what}": Elasticsearch would fail the rule's search: ${test}`)
        return null
      }
      return test
    }
  }
}

/**
 * Elasticsearch's nested query: `path` must be mapped as `nested`, and the event holds when one
 * object of the array satisfies every inner entry (inner fields are relative to the path).
 */
function nestedTest(
  path: string,
  inner: readonly (MatchEntry | MatchAnyEntry | ExistsEntry)[],
  ctx: CompileContext,
  report: ReportProblem,
  what: string,
): EventTest | null {
  const spec = ctx.schema.get(path)
  if (spec === undefined || spec.type !== 'nested') {
    const known = spec !== undefined || ctx.schema.names().some((n) => n.startsWith(path + '.'))
    if (known) report(EXCEPTION_CODES.notNested, `"${what}": Elasticsearch would fail the rule's search: [nested] nested object under path [${path}] is not of nested type.`)
    else report(EXCEPTION_CODES.nestedUnknown, `"${what}": Elasticsearch would fail the rule's search: [nested] failed to find nested object under path [${path}].`)
    return null
  }
  const scope = insideNested(ctx, path)
  const tests: EventTest[] = []
  for (const e of inner) {
    if (e.field.trim() === '') {
      report(EXCEPTION_CODES.emptyField, `An entry inside ${path} has no field (${what}); the item is not applied.`)
      return null
    }
    const positive = leafTest(e, targetOf(`${path}.${e.field}`, scope), scope, report, what)
    if (positive === null) return null
    tests.push(e.operator === 'included' ? positive : notTest(positive))
  }
  const all = andTests(tests)
  if (all === NEVER) return NEVER
  const objects = compileObjectGetter(path)
  return (event) => {
    for (const o of objects(event)) if (all(o)) return true
    return false
  }
}
