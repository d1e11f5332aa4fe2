import type { Diagnostic } from '../diagnostics/diagnostic'
import { DEFAULT_EQL_SETTINGS, type EqlSettings } from '../eql/settings'
import { exceptionsFilterDsl } from '../exceptions/to-dsl'
import type { ExceptionItem } from '../exceptions/types'
import { buildQueryFromKql } from '../kql/dsl/to-dsl'
import { DETECTION_ENGINE_DSL_OPTIONS, type DslObject, type DslValue } from '../kql/dsl/types'
import { parseKql } from '../kql/parser'
import type { Schema } from '../schema/types'
import { ruleDiagnostic, type RuleDocument } from './rule-document'
import { isRecord } from './rule-fields'

/** Default look-back of a rule without `from`, as the detection engine schedules it. */
const DEFAULT_FROM = 'now-6m'
/** The detection engine's default `max_signals`, used as the request size when nothing sets one. */
const DEFAULT_SIZE = 100

/**
 * The `_eql/search` body that runs the rule. Choices (documented because Kibana adds more):
 * - size: `settings.size`, else the rule's `max_signals`, else 100 (the detection engine asks for
 *   max_signals hits);
 * - event_category_field: the rule's `event_category_override`, else the settings' field;
 * - timestamp_field / tiebreaker_field: the rule's, else the settings';
 * - filter: the rule's look-back window as one `range` on the timestamp field actually searched
 *   (`timestamp_override` when set, as the detection engine does), `gte: from` (default now-6m),
 *   `lte: now`, plus the rule's Kibana filters, plus the exception items as the one negated clause
 *   the detection engine adds (so an excepted event never reaches a sequence); index is not part
 *   of the body.
 */
export function exportEqlSearchRequest(rule: RuleDocument, settings: Partial<EqlSettings> = {}, exceptions: readonly ExceptionItem[] = []): DslObject {
  const s: EqlSettings = { ...DEFAULT_EQL_SETTINGS, ...settings }
  const timestampField = rule.timestampField ?? s.timestampField
  const body: DslObject = {
    query: rule.query,
    size: s.size ?? rule.maxSignals ?? DEFAULT_SIZE,
    event_category_field: rule.eventCategoryOverride ?? s.eventCategoryField,
    timestamp_field: timestampField,
  }
  const tiebreaker = rule.tiebreakerField ?? s.tiebreakerField
  if (tiebreaker !== null && tiebreaker !== '') body['tiebreaker_field'] = tiebreaker
  if (s.resultPosition === 'head') body['result_position'] = 'head'
  const { filter, mustNot } = filterClauses(rule)
  body['filter'] = { bool: { filter: [timeRange(rule, timestampField), ...filter, ...exceptionClause(exceptions)], must_not: mustNot } }
  return body
}

/** What `exportKqlSearchRequest` returns: the body, or null with the KQL parse error. */
export interface KqlSearchRequestResult {
  body: DslObject | null
  diagnostics: Diagnostic[]
}

/**
 * The `_search` body for a KQL rule: the query's DSL as the detection engine builds it
 * (`buildQueryFromKql`, dates in Zulu), the rule's enabled Kibana filters (negated ones under
 * `must_not`), and the look-back window as a `range` on the timestamp field. `schema` stands for
 * the data view's field list (null: none). With exception items, that query is wrapped with
 * their negated clause: `bool.filter` of the query and of `must_not` the items. Lucene rules
 * are refused: their DSL is a `query_string` Elasticsearch parses, which the playground does not model.
 */
export function exportKqlSearchRequest(rule: RuleDocument, schema: Schema | null, exceptions: readonly ExceptionItem[] = []): KqlSearchRequestResult {
  if (rule.language !== 'kuery') {
    return { body: null, diagnostics: [ruleDiagnostic('RULE3001', `the rule's language is ${String(rule.language)}, not KQL`)] }
  }
  const parsed = parseKql(rule.query)
  if (parsed.query === null) return { body: null, diagnostics: parsed.diagnostics }
  const { bool } = buildQueryFromKql(parsed.query, schema, DETECTION_ENGINE_DSL_OPTIONS)
  const { filter, mustNot } = filterClauses(rule)
  const timestampField = rule.timestampOverride ?? rule.timestampField ?? '@timestamp'
  const query: DslObject = {
    bool: {
      must: bool.must,
      filter: [...bool.filter, ...filter, timeRange(rule, timestampField)],
      should: bool.should,
      must_not: [...bool.must_not, ...mustNot],
    },
  }
  const except = exceptionClause(exceptions)
  const wrapped: DslObject = except.length === 0 ? query : { bool: { filter: [query, ...except] } }
  return { body: { size: rule.maxSignals ?? DEFAULT_SIZE, query: wrapped }, diagnostics: parsed.diagnostics }
}

/** The exceptions' negated clause as a list of zero or one filter (none when no item can be sent). */
function exceptionClause(exceptions: readonly ExceptionItem[]): DslObject[] {
  const clause = exceptionsFilterDsl(exceptions)
  // the clause is plain JSON (objects, arrays, strings, numbers) built from the items
  return clause === null ? [] : [clause as DslObject]
}

function timeRange(rule: RuleDocument, timestampField: string): DslObject {
  const field = rule.timestampOverride ?? timestampField
  return { range: { [field]: { gte: rule.from ?? DEFAULT_FROM, lte: 'now', format: 'strict_date_optional_time' } } }
}

/**
 * Kibana filters (search bar pills): `meta.disabled` ones are dropped, `meta.negate` ones go to
 * `must_not`; the clause is the filter's `query`, or for older filters the object without its
 * `meta` and `$state`.
 */
function filterClauses(rule: RuleDocument): { filter: DslObject[]; mustNot: DslObject[] } {
  const filter: DslObject[] = []
  const mustNot: DslObject[] = []
  for (const f of rule.filters ?? []) {
    if (!isRecord(f)) continue
    const meta = isRecord(f['meta']) ? f['meta'] : {}
    if (meta['disabled'] === true) continue
    let clause: Record<string, unknown>
    if (isRecord(f['query'])) clause = f['query']
    else {
      clause = {}
      for (const [k, v] of Object.entries(f)) if (k !== 'meta' && k !== '$state') clause[k] = v
    }
    if (Object.keys(clause).length === 0) continue
    ;(meta['negate'] === true ? mustNot : filter).push(clause as { [key: string]: DslValue })
  }
  return { filter, mustNot }
}
