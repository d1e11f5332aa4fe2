import { makeDiagnostic, type CodeDef, type Diagnostic } from '../diagnostics/diagnostic'
import { span } from '../source/span'

/**
 * Problem codes of exception items (EXC0xx). Stable: never renumber. Severity `error` means the
 * detection engine's search would fail with this item (Elasticsearch refuses the query), so the
 * rule produces no alerts at all; `warning` means the item is not applied (or matches no event)
 * but the search runs. See README.md in this folder for what a run does with each.
 */
export interface ExceptionCodeDef {
  readonly code: string
  readonly severity: 'error' | 'warning'
}

function def(code: string, severity: ExceptionCodeDef['severity']): ExceptionCodeDef {
  return { code, severity }
}

export const EXCEPTION_CODES = {
  /** a `list` entry: the value list lives in Kibana, the playground cannot read it */
  listUnsupported: def('EXC001', 'warning'),
  /** a value the field's type cannot parse (a word on a number field, a bad IP or date) */
  badValue: def('EXC002', 'error'),
  /** a `wildcard` entry on a field type the wildcard query refuses (numbers, dates, ip, boolean) */
  wildcardOnType: def('EXC003', 'error'),
  /** an entry without a field name */
  emptyField: def('EXC004', 'warning'),
  /** an entry without a value (Kibana's API refuses empty values) */
  emptyValue: def('EXC005', 'warning'),
  /** a nested entry whose path is mapped, but not as `nested` */
  notNested: def('EXC006', 'error'),
  /** a nested entry whose path the mapping does not know */
  nestedUnknown: def('EXC007', 'error'),
  /** a field inside a nested mapping used outside a nested entry: it never has a value there */
  nestedFieldOutside: def('EXC008', 'warning'),
  /** a field that is neither indexed nor has doc values */
  notSearchable: def('EXC009', 'error'),
  /** an item without entries */
  noEntries: def('EXC010', 'warning'),
  /** an item (or one of its entries) not in Kibana's shape: the item is left out whole */
  unreadable: def('EXC011', 'warning'),
  /** an engine bug while compiling the items (reported, never thrown) */
  internal: def('EXC099', 'error'),
} as const satisfies Record<string, ExceptionCodeDef>

export const EXCEPTION_CODE_LIST: readonly ExceptionCodeDef[] = Object.values(EXCEPTION_CODES)

/**
 * The run diagnostic for an item whose problem is an error: Elasticsearch would refuse the rule's
 * search, so the run has no result (README.md). Span: the start of the query (the query is fine).
 */
export const EXCEPTION_RUN_CODES = {
  searchFails: { code: 'EXC100', severity: 'error', template: "The rule's search would fail because of its exception items, so it gives no result: {message}" },
} as const satisfies Record<string, CodeDef>

/** The run diagnostics for the items whose problems are errors (one per problem). */
export function exceptionFailureDiagnostics(problems: readonly { readonly severity: string; readonly message: string }[]): Diagnostic[] {
  return problems.filter((p) => p.severity === 'error').map((p) => makeDiagnostic(EXCEPTION_RUN_CODES.searchFails, span(0, 0), { message: p.message }))
}
