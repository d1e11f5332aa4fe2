import type { CodeDef } from '../diagnostics/diagnostic'

/**
 * KQL evaluator codes. KQL2xxx: the query parses but Kibana would refuse to build it or
 * Elasticsearch would fail the search (a value the field type cannot parse, a nested group on a
 * path that is not nested, ...). A real rule with such a query errors in every run, so the
 * playground reports an error instead of quietly matching nothing. KQL21xx are notes. KQL3xxx:
 * run time. Messages follow Kibana's / Elasticsearch's wording where they have one.
 * Codes are stable: never renumber.
 */
function def(code: string, severity: CodeDef['severity'], template: string): CodeDef {
  return { code, severity, template }
}

export const KQL_CHECK_CODES = {
  badNumber: def('KQL2001', 'error', 'failed to create query: {reason} (field [{name}] is of type [{type}])'),
  badIp: def('KQL2002', 'error', 'failed to create query: {reason} (field [{name}] is of type [ip])'),
  badDate: def('KQL2003', 'error', 'failed to create query: {reason} (field [{name}] is of type [{type}])'),
  badBoolean: def('KQL2004', 'error', 'failed to create query: {reason} (field [{name}] is of type [boolean])'),
  nullValue: def(
    'KQL2005',
    'error',
    'The [null] value cannot be searched: Elasticsearch rejects a query for null. To find events without the field write [not {name}:*]',
  ),
  wildcardOnType: def(
    'KQL2006',
    'error',
    'failed to create query: Can only use wildcard queries on keyword and text fields - not on [{name}] which is of type [{type}]',
  ),
  nestedNotNested: def('KQL2007', 'error', 'failed to create query: [nested] nested object under path [{path}] is not of nested type'),
  nestedUnknown: def('KQL2008', 'error', 'failed to create query: [nested] failed to find nested object under path [{path}]'),
  nestedOutsideGroup: def('KQL2009', 'error', '{name} is a nested field, but is not in a nested group in the KQL expression.'),
  notNestedInGroup: def('KQL2010', 'error', '{name} is not a nested field but is in nested group "{path}" in the KQL expression.'),
  wrongNestedGroup: def(
    'KQL2011',
    'error',
    'Nested field {name} is being queried with the incorrect nested path. The correct path is {path}.',
  ),
  unsupportedType: def('KQL2012', 'error', 'failed to create query: field [{name}] of type [{type}] does not support this query'),
  notSearchable: def('KQL2013', 'error', 'failed to create query: Cannot search on field [{name}] since it is not indexed.'),
  nestedPathPattern: def('KQL2014', 'error', 'A nested group needs a field path, not a pattern: [{path}]'),
  badTimeZone: def('KQL2015', 'error', 'The datetime zone id [{zone}] is not recognised'),
  badNow: def('KQL2016', 'error', 'The "now" setting [{value}] is neither epoch milliseconds nor an ISO-8601 instant'),
  /** an engine bug while compiling: reported instead of thrown so the editor keeps working */
  internal: def('KQL2099', 'error', 'Internal error while compiling the query: {message}'),
  // ------------------------------------------------------------------ notes (KQL21xx)
  /** info, not warning: real rules name data_stream.* all the time, and the answer is usually right */
  constantFromEvents: def(
    'KQL2101',
    'info',
    'constant_keyword field [{name}] has no value in the mapping: an event answers with its own value, or without one with the first value in the events (Elasticsearch adopts the first indexed value, and then every event of the index has it)',
  ),
} as const satisfies Record<string, CodeDef>

/** Run-time codes (KQL3xxx). */
export const KQL_RUN_CODES = {
  stopped: def('KQL3001', 'warning', 'The run was stopped after {count} events; results are incomplete'),
  internal: def('KQL3002', 'error', 'Internal error while running the query: {message}'),
  noProgram: def('KQL3003', 'error', 'The query has errors and cannot be run'),
} as const satisfies Record<string, CodeDef>

/** All KQL2xxx and KQL3xxx definitions, for the cross-registry uniqueness test. */
export const KQL_CHECK_CODE_LIST: readonly CodeDef[] = [...Object.values(KQL_CHECK_CODES), ...Object.values(KQL_RUN_CODES)]
