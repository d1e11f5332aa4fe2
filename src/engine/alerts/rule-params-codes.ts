import type { Diagnostic, Severity } from '../diagnostics/diagnostic'
import { ruleDiagnostic } from '../rules/rule-document'

/**
 * Codes of a rule's type parameters (RULE21xx, after the importers' RULE200x "missing or
 * mistyped field") and of its filters (RULE22xx). Stable: never renumber. `error` means the
 * detection engine would refuse the rule (Kibana's schema rejects it, or its search fails), so the
 * simulation raises nothing for it; `warning` means it runs with a simplification named in the
 * message; `info` says what the playground leaves out.
 */
export interface RuleParamCodeDef {
  readonly code: string
  readonly severity: Severity
}

const def = (code: string, severity: Severity): RuleParamCodeDef => ({ code, severity })

export const RULE_PARAM_CODES = {
  /** threat_match, machine_learning, esql, ...: the playground does not simulate the type */
  unsupportedType: def('RULE2101', 'warning'),
  /** a threshold rule without a `threshold` object */
  thresholdMissing: def('RULE2102', 'error'),
  /** `threshold.field` neither a string nor a list of strings */
  thresholdField: def('RULE2103', 'error'),
  /** `threshold.value` missing, not an integer, or below 1 */
  thresholdValue: def('RULE2104', 'error'),
  /** `threshold.cardinality` not a list of {field, value >= 0} */
  thresholdCardinality: def('RULE2105', 'error'),
  /** more than one cardinality condition: the engine only aggregates the first */
  thresholdCardinalityExtra: def('RULE2106', 'warning'),
  /** a new_terms rule without its fields */
  newTermsFields: def('RULE2107', 'error'),
  /** new_terms fields: Kibana takes 1 to 3 */
  newTermsFieldCount: def('RULE2108', 'error'),
  /** history_window_start missing or not date math */
  newTermsHistory: def('RULE2109', 'error'),
  /** a rule language the type does not take (threshold/new_terms over EQL), or Lucene/ES|QL */
  language: def('RULE2110', 'error'),
  /** building_block_type other than "default" */
  buildingBlockType: def('RULE2111', 'warning'),
  /** alert_suppression read, not simulated (or not in Kibana's shape) */
  alertSuppression: def('RULE2112', 'info'),
  /** `filters` is not a list */
  filtersNotList: def('RULE2113', 'error'),
  /** saved_query: the saved query lives in Kibana; the rule's own query text is used */
  savedQuery: def('RULE2114', 'info'),
  /** a threshold/cardinality/new_terms field the aggregation cannot read (text): the search fails */
  aggregationField: def('RULE2115', 'error'),
  /** history_window_start not earlier than the rule's `from`: the engine fails every run */
  newTermsHistoryTooShort: def('RULE2116', 'error'),

  /** a filter that is not an object in Kibana's shape: left out */
  filterShape: def('RULE2201', 'warning'),
  /** a Query DSL clause the playground does not evaluate (script, nested, query_string, ...): left out */
  filterUnsupported: def('RULE2202', 'warning'),
  /** a clause Elasticsearch would refuse (bad value for the field type, wildcard on a number): the search fails */
  filterInvalid: def('RULE2203', 'error'),
} as const

export function paramDiagnostic(d: RuleParamCodeDef, message: string): Diagnostic {
  return ruleDiagnostic(d.code, message, d.severity)
}
