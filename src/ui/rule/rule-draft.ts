import type { RuleDocument } from '../../engine'
import { isRecordLike } from './is-record'

/**
 * The rule panel's form: the rule's editable fields as the text the user types, read from and
 * written back to a RuleDocument the way the rules module reads and writes them, so the TOML and
 * Kibana exports carry the edits:
 * - threshold: `threshold = { field: [...], value, cardinality: [{ field, value }] }` (the same
 *   table in detection-rules TOML and the Kibana API);
 * - new_terms: detection-rules TOML keeps `new_terms = { field: "new_terms_fields", value: [...],
 *   history_window_start: [{ field: "history_window_start", value }] }` (RuleDocument.newTerms),
 *   the Kibana API top-level `new_terms_fields` / `history_window_start` (kept in `extra`). An
 *   edit writes back in the shape the rule came with; a rule without either gets the TOML shape.
 */

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const

export interface RuleDraft {
  readonly name: string
  readonly description: string
  /** the investigation guide, Markdown */
  readonly note: string
  readonly severity: string
  readonly riskScore: string
  readonly type: string
  readonly interval: string
  readonly from: string
  readonly maxSignals: string
  readonly timestampOverride: string
  /** threshold: group-by fields, comma-separated */
  readonly thresholdFields: string
  readonly thresholdValue: string
  readonly cardinalityField: string
  readonly cardinalityValue: string
  /** new_terms: fields, comma-separated (1 to 3) */
  readonly newTermsFields: string
  readonly historyWindowStart: string
  /** the rule's Kibana filters as JSON text (an array of {meta, query}); empty: none */
  readonly filters: string
}

/**
 * The types a document of that language may have (EQL rules are eql; KQL ones the rest). A KQL
 * rule of another type (threat_match, imported) may keep it, though the panel cannot edit its
 * parameters.
 */
export function typesFor(language: 'eql' | 'kql', current?: string): readonly string[] {
  if (language === 'eql') return ['eql']
  const kql: readonly string[] = ['query', 'threshold', 'new_terms']
  return current === undefined || current === 'eql' || kql.includes(current) ? kql : [...kql, current]
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v !== '' ? [v] : [])
export const splitFields = (text: string): string[] => text.split(',').map((f) => f.trim()).filter((f) => f !== '')

/** The threshold parameters of a rule, whatever of them it has. */
export function thresholdOf(rule: RuleDocument): { fields: string[]; value: number | null; cardinality: { field: string; value: number | null } | null } {
  const t = isRecordLike(rule.threshold) ? rule.threshold : {}
  const first = Array.isArray(t['cardinality']) ? t['cardinality'][0] : undefined
  const cardinality = isRecordLike(first) ? { field: str(first['field']), value: typeof first['value'] === 'number' ? first['value'] : null } : null
  return { fields: list(t['field']), value: typeof t['value'] === 'number' ? t['value'] : null, cardinality }
}

/** The new_terms parameters, from the TOML shape (newTerms) or the Kibana one (extra). */
export function newTermsOf(rule: RuleDocument): { fields: string[]; historyWindowStart: string } {
  if (isRecordLike(rule.newTerms)) {
    const windows = rule.newTerms['history_window_start']
    const first = Array.isArray(windows) ? windows[0] : windows
    return { fields: list(rule.newTerms['value']), historyWindowStart: isRecordLike(first) ? str(first['value']) : str(first) }
  }
  return { fields: list(rule.extra['new_terms_fields']), historyWindowStart: str(rule.extra['history_window_start']) }
}

/** The form for a rule; the type shown is the one an export would give for the document's language. */
export function draftOf(rule: RuleDocument, language: 'eql' | 'kql'): RuleDraft {
  const threshold = thresholdOf(rule)
  const newTerms = newTermsOf(rule)
  const type = language === 'eql' ? 'eql' : rule.type === 'eql' ? 'query' : rule.type
  return {
    name: rule.name,
    description: rule.description ?? '',
    note: rule.note ?? '',
    severity: rule.severity ?? '',
    riskScore: rule.riskScore === undefined ? '' : String(rule.riskScore),
    type,
    interval: rule.interval ?? '',
    from: rule.from ?? '',
    maxSignals: rule.maxSignals === undefined ? '' : String(rule.maxSignals),
    timestampOverride: rule.timestampOverride ?? '',
    thresholdFields: threshold.fields.join(', '),
    thresholdValue: threshold.value === null ? '' : String(threshold.value),
    cardinalityField: threshold.cardinality?.field ?? '',
    cardinalityValue: threshold.cardinality?.value == null ? '' : String(threshold.cardinality.value),
    newTermsFields: newTerms.fields.join(', '),
    historyWindowStart: newTerms.historyWindowStart,
    filters: rule.filters === undefined || rule.filters.length === 0 ? '' : JSON.stringify(rule.filters, null, 2),
  }
}
