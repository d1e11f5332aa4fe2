import type { Diagnostic } from '../diagnostics/diagnostic'
import { evaluateDateMath, isDateMathProblem, parseDateMath } from './date-math'
import { paramDiagnostic, RULE_PARAM_CODES as C } from './rule-params-codes'
import type { AlertSuppressionParams, NewTermsParams, ThresholdParams } from './rule-params'

/**
 * Readers of the type-specific raw fields. Two spellings reach us:
 * - Kibana's API / export: `threshold: {field: string | string[], value, cardinality?: [{field, value}]}`,
 *   top-level `new_terms_fields: [...]` and `history_window_start: "now-7d"` (kept in `extra`);
 * - detection-rules TOML: the same `threshold` table, and `[rule.new_terms]` as
 *   `{field: "new_terms_fields", value: [...], history_window_start: [{field: "history_window_start", value}]}`.
 */

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')
const isInt = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min

export function readThreshold(raw: unknown, diagnostics: Diagnostic[]): ThresholdParams | null {
  if (!isRecord(raw)) {
    diagnostics.push(paramDiagnostic(C.thresholdMissing, 'a threshold rule needs "threshold": {field, value}'))
    return null
  }
  const field = raw['field']
  let fields: string[]
  // Kibana normalises a single field to a list, and an empty one to no grouping
  if (field === undefined || field === null || field === '') fields = []
  else if (typeof field === 'string') fields = [field]
  else if (isStringList(field)) fields = field.filter((f) => f.trim() !== '')
  else {
    diagnostics.push(paramDiagnostic(C.thresholdField, '"threshold.field" must be a field name or a list of field names'))
    return null
  }
  const value = raw['value']
  if (!isInt(value, 1)) {
    diagnostics.push(paramDiagnostic(C.thresholdValue, `"threshold.value" must be a whole number of at least 1 (got ${JSON.stringify(value) ?? 'nothing'})`))
    return null
  }
  const rawCard = raw['cardinality']
  const cardinality: { field: string; value: number }[] = []
  if (rawCard !== undefined && rawCard !== null) {
    const list = Array.isArray(rawCard) ? rawCard : [rawCard]
    for (const c of list) {
      const f = isRecord(c) ? c['field'] : undefined
      const v = isRecord(c) ? c['value'] : undefined
      if (typeof f !== 'string' || f.trim() === '' || !isInt(v, 0)) {
        diagnostics.push(paramDiagnostic(C.thresholdCardinality, '"threshold.cardinality" must be a list of {field, value} with a field name and a whole number of at least 0'))
        return null
      }
      cardinality.push({ field: f, value: v })
    }
    if (cardinality.length > 1) {
      diagnostics.push(paramDiagnostic(C.thresholdCardinalityExtra, `${cardinality.length} cardinality conditions: the detection engine only aggregates the first (${cardinality[0]?.field ?? ''}); the others are ignored`))
      cardinality.length = 1
    }
  }
  return { fields, value, cardinality }
}

/** new_terms_fields and history_window_start from the TOML table or Kibana's top-level fields. */
export function readNewTerms(raw: unknown, extra: Readonly<Record<string, unknown>>, from: string, diagnostics: Diagnostic[]): NewTermsParams | null {
  let fields: unknown = extra['new_terms_fields']
  let history: unknown = extra['history_window_start']
  if (isRecord(raw)) {
    if (raw['field'] === 'new_terms_fields' || raw['value'] !== undefined) fields = raw['value']
    const h = raw['history_window_start']
    if (Array.isArray(h)) {
      const entry: unknown = h.find((e) => isRecord(e) && e['field'] === 'history_window_start') ?? h[0]
      if (isRecord(entry)) history = entry['value']
    } else if (isRecord(h)) history = h['value']
    else if (typeof h === 'string') history = h
  }
  if (typeof fields === 'string') fields = [fields]
  if (!isStringList(fields) || fields.length === 0 || fields.some((f) => f.trim() === '')) {
    diagnostics.push(paramDiagnostic(C.newTermsFields, 'a new_terms rule needs new_terms_fields: a list of 1 to 3 field names'))
    return null
  }
  if (fields.length > 3) {
    diagnostics.push(paramDiagnostic(C.newTermsFieldCount, `new_terms_fields has ${fields.length} fields; Kibana takes at most 3`))
    return null
  }
  // the schedule's date math (the grammar the rule executor evaluates at each run)
  const parsed = typeof history === 'string' ? parseDateMath(history) : { problem: 'it is missing' }
  if (typeof history !== 'string' || isDateMathProblem(parsed)) {
    const why = isDateMathProblem(parsed) ? `: ${parsed.problem}` : ''
    diagnostics.push(paramDiagnostic(C.newTermsHistory, `history_window_start must be date math relative to now, e.g. "now-7d" (got ${JSON.stringify(history) ?? 'nothing'}${why})`))
    return null
  }
  // the executor checks it at every run (with the current time as now) and fails the run
  const fromExpr = parseDateMath(from)
  if (!isDateMathProblem(fromExpr) && evaluateDateMath(parsed, REFERENCE_NOW) >= evaluateDateMath(fromExpr, REFERENCE_NOW)) {
    diagnostics.push(paramDiagnostic(C.newTermsHistoryTooShort, `History window size is smaller than rule interval + additional lookback: history_window_start (${history.trim()}) must be earlier than from (${from})`))
    return null
  }
  return { fields, historyWindowStart: history.trim() }
}

// any instant serves: both sides are relative to the same now (a Wednesday mid-month, mid-day)
const REFERENCE_NOW = Date.UTC(2024, 5, 12, 12)

/** alert_suppression {group_by, duration?, missing_fields_strategy?}; undefined when absent or malformed. */
export function readAlertSuppression(raw: unknown, diagnostics: Diagnostic[]): AlertSuppressionParams | undefined {
  if (raw === undefined || raw === null) return undefined
  const groupBy = isRecord(raw) ? raw['group_by'] : undefined
  if (!isRecord(raw) || !isStringList(groupBy) || groupBy.length === 0) {
    diagnostics.push(paramDiagnostic(C.alertSuppression, 'alert_suppression is not in Kibana\'s shape ({group_by: [fields], duration?, missing_fields_strategy?}); ignored'))
    return undefined
  }
  const d = raw['duration']
  const unit = isRecord(d) ? d['unit'] : undefined
  const value = isRecord(d) ? d['value'] : undefined
  const duration: AlertSuppressionParams['duration'] = isInt(value, 1) && (unit === 's' || unit === 'm' || unit === 'h') ? { value, unit } : undefined
  const strategy = raw['missing_fields_strategy'] === 'doNotSuppress' ? 'doNotSuppress' : 'suppress'
  diagnostics.push(paramDiagnostic(C.alertSuppression, `alert suppression by ${groupBy.join(', ')} is read but not simulated: every alert is shown`))
  return { groupBy, ...(duration === undefined ? {} : { duration }), missingFieldsStrategy: strategy }
}
