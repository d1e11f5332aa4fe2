import type { Diagnostic } from '../diagnostics/diagnostic'
import type { RuleDocument, RuleLanguage } from '../rules/rule-document'
import { paramDiagnostic, RULE_PARAM_CODES as C } from './rule-params-codes'
import { readAlertSuppression, readNewTerms, readThreshold } from './rule-params-read'
import { DEFAULT_SCHEDULE } from './types'

/**
 * A rule's type parameters, typed from the raw fields the importers keep (RuleDocument: type,
 * threshold, newTerms, filters, extra.*), as Kibana's rule schema reads them. Only the four types
 * the playground simulates get their own shape; anything else is `unsupported` with a diagnostic.
 */

/** What every simulated type shares. */
export interface CommonRuleParams {
  readonly language: RuleLanguage
  /** the rule's `filters`, raw (Kibana filter objects): compile with compileRuleFilters */
  readonly filters: readonly unknown[]
  /** building_block_type "default": every alert of the rule is a building block */
  readonly buildingBlock: boolean
  /** alert_suppression as Kibana stores it, read but not simulated */
  readonly alertSuppression?: AlertSuppressionParams
}

export interface AlertSuppressionParams {
  readonly groupBy: readonly string[]
  /** absent: per execution */
  readonly duration?: { readonly value: number; readonly unit: 's' | 'm' | 'h' }
  readonly missingFieldsStrategy: 'suppress' | 'doNotSuppress'
}

export interface ThresholdParams {
  /** group-by fields, 0 to many (0: one group of every matched event) */
  readonly fields: readonly string[]
  /** minimum events per group (>= 1) */
  readonly value: number
  /** distinct values of `field` a group needs (>= value); the engine aggregates the first only */
  readonly cardinality: readonly { readonly field: string; readonly value: number }[]
}

export interface NewTermsParams {
  /** 1 to 3 fields: a combination of their values is the "term" */
  readonly fields: readonly string[]
  /** date math evaluated at each run, e.g. "now-7d" */
  readonly historyWindowStart: string
}

export type RuleTypeParams =
  | (CommonRuleParams & { readonly type: 'query' })
  | (CommonRuleParams & { readonly type: 'eql' })
  | (CommonRuleParams & { readonly type: 'threshold'; readonly threshold: ThresholdParams })
  | (CommonRuleParams & { readonly type: 'new_terms'; readonly newTerms: NewTermsParams })
  | { readonly type: 'unsupported'; readonly ruleType: string }

export interface RuleParamsResult {
  /** `unsupported` also when a simulated type's parameters have an error (see diagnostics) */
  readonly params: RuleTypeParams
  readonly diagnostics: readonly Diagnostic[]
}

const KQL_ONLY = new Set(['threshold', 'new_terms'])

/** Typed parameters of a rule, with RULE21xx diagnostics for missing or invalid ones. Never throws. */
export function ruleParams(rule: RuleDocument): RuleParamsResult {
  const diagnostics: Diagnostic[] = []
  const type = typeof rule.type === 'string' ? rule.type : String(rule.type)
  const unsupported = (): RuleParamsResult => ({ params: { type: 'unsupported', ruleType: type }, diagnostics })
  const simulated = type === 'query' || type === 'saved_query' || type === 'eql' || KQL_ONLY.has(type)
  if (!simulated) {
    diagnostics.push(paramDiagnostic(C.unsupportedType, `"${type}" rules are not simulated: the playground runs query, eql, threshold and new_terms rules`))
    return unsupported()
  }
  if (!languageFits(type, rule.language, diagnostics)) return unsupported()
  if (type === 'saved_query') diagnostics.push(paramDiagnostic(C.savedQuery, 'a saved_query rule runs the saved query Kibana holds; the playground runs the rule\'s own query text'))
  const common = commonParams(rule, diagnostics)
  if (common === null) return unsupported()
  switch (type) {
    case 'eql':
      return { params: { ...common, type: 'eql' }, diagnostics }
    case 'threshold': {
      const threshold = readThreshold(rule.threshold, diagnostics)
      return threshold === null ? unsupported() : { params: { ...common, type: 'threshold', threshold }, diagnostics }
    }
    case 'new_terms': {
      const newTerms = readNewTerms(rule.newTerms, rule.extra, rule.from ?? DEFAULT_SCHEDULE.from, diagnostics)
      return newTerms === null ? unsupported() : { params: { ...common, type: 'new_terms', newTerms }, diagnostics }
    }
    default:
      return { params: { ...common, type: 'query' }, diagnostics }
  }
}

function languageFits(type: string, language: RuleLanguage, diagnostics: Diagnostic[]): boolean {
  if (type === 'eql') {
    if (language === 'eql') return true
    diagnostics.push(paramDiagnostic(C.language, `an eql rule's language is eql, not ${String(language)}`))
    return false
  }
  if (language === 'kuery') return true
  const what = language === 'lucene' ? 'Lucene queries are not run by the playground (KQL and EQL only)' : `a ${type} rule's query is KQL (or Lucene), not ${String(language)}`
  diagnostics.push(paramDiagnostic(C.language, what))
  return false
}

function commonParams(rule: RuleDocument, diagnostics: Diagnostic[]): CommonRuleParams | null {
  // the importers keep a mistyped `filters` in extra (RULE2003): the engine would refuse the rule
  const rawFilters = rule.filters ?? rule.extra['filters']
  if (rawFilters !== undefined && rawFilters !== null && !Array.isArray(rawFilters)) {
    diagnostics.push(paramDiagnostic(C.filtersNotList, '"filters" must be a list of filter objects'))
    return null
  }
  const filters: readonly unknown[] = Array.isArray(rawFilters) ? rawFilters : []
  const bb = rule.extra['building_block_type']
  let buildingBlock = false
  if (bb !== undefined && bb !== null) {
    buildingBlock = true
    if (bb !== 'default') diagnostics.push(paramDiagnostic(C.buildingBlockType, `building_block_type is "${String(bb)}"; Kibana knows only "default", taken as such`))
  }
  const alertSuppression = readAlertSuppression(rule.extra['alert_suppression'], diagnostics)
  return { language: rule.language, filters, buildingBlock, ...(alertSuppression === undefined ? {} : { alertSuppression }) }
}
