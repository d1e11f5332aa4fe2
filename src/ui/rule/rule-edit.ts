import type { RuleDocument } from '../../engine'
import { isRecordLike } from './is-record'
import { SEVERITIES, splitFields, typesFor, type RuleDraft } from './rule-draft'

/**
 * Checking the rule panel's form and writing it back into the RuleDocument (see rule-draft.ts for
 * the shapes). Pure, so the mapping that the exports depend on is tested without a page.
 */

/** A message per field that is not acceptable, shown at its control; empty when the form can be saved. */
export type DraftProblems = Partial<Record<keyof RuleDraft, string>>

/** Kibana's schedule interval: a whole number of seconds, minutes, hours or days, e.g. 5m. */
const INTERVAL = /^[1-9]\d*[smhd]$/
/** Date math relative to now, as `from` and the new-terms history window take it: now-9m, now-14d. */
const DATE_MATH = /^now(?:-[1-9]\d*[smhdwMy])?$/
/** A field name: no spaces, no commas. */
const FIELD = /^[^\s,]+$/

const UNIT_MS: Readonly<Record<string, number>> = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5, M: 2592e6, y: 31536e6 }
/** How far back `now-<n><unit>` reaches, in ms (months and years roughly: only used to compare). */
function reachMs(text: string): number | null {
  if (text === 'now') return 0
  const m = /^now-([1-9]\d*)([smhdwMy])$/.exec(text)
  const unit = m?.[2] === undefined ? undefined : UNIT_MS[m[2]]
  return m === null || unit === undefined ? null : Number(m[1]) * unit
}

const wholeIn = (text: string, min: number, max: number): boolean => /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max

/** What is wrong with the form, field by field, for a document of `language` (editing `rule`). */
export function draftProblems(d: RuleDraft, language: 'eql' | 'kql', rule?: RuleDocument): DraftProblems {
  const p: DraftProblems = {}
  if (d.name.trim() === '') p.name = 'A rule needs a name.'
  if (d.severity !== '' && !(SEVERITIES as readonly string[]).includes(d.severity)) p.severity = 'Severity is low, medium, high or critical.'
  if (d.riskScore.trim() !== '' && !wholeIn(d.riskScore.trim(), 0, 100)) p.riskScore = 'Risk score is a whole number from 0 to 100.'
  if (!typesFor(language, rule?.type).includes(d.type)) p.type = language === 'eql' ? 'An EQL query makes an eql rule.' : 'A KQL query makes a query, threshold or new_terms rule.'
  if (d.interval.trim() !== '' && !INTERVAL.test(d.interval.trim())) p.interval = 'The interval looks like 5m (s, m, h or d).'
  if (d.from.trim() !== '' && !DATE_MATH.test(d.from.trim())) p.from = 'The look-back is date math such as now-9m.'
  if (d.maxSignals.trim() !== '' && !wholeIn(d.maxSignals.trim(), 1, 100_000)) p.maxSignals = 'Max signals is a whole number, at least 1.'
  if (d.timestampOverride.trim() !== '' && !FIELD.test(d.timestampOverride.trim())) p.timestampOverride = 'A field name, such as event.ingested.'
  if (filtersOf(d.filters) === null) p.filters = 'Filters are a JSON array of Kibana filter objects ({"meta": …, "query": …}).'
  if (d.type === 'threshold') {
    if (!splitFields(d.thresholdFields).every((f) => FIELD.test(f))) p.thresholdFields = 'Field names separated by commas.'
    if (!wholeIn(d.thresholdValue.trim(), 1, Number.MAX_SAFE_INTEGER)) p.thresholdValue = 'The threshold is a whole number, at least 1.'
    const field = d.cardinalityField.trim()
    const value = d.cardinalityValue.trim()
    if (field !== '' && !FIELD.test(field)) p.cardinalityField = 'One field name.'
    if ((field === '') !== (value === '')) p.cardinalityValue = 'Give both the cardinality field and its value, or neither.'
    else if (value !== '' && !wholeIn(value, 1, Number.MAX_SAFE_INTEGER)) p.cardinalityValue = 'The cardinality is a whole number, at least 1.'
  }
  if (d.type === 'new_terms') {
    const fields = splitFields(d.newTermsFields)
    if (fields.length < 1 || fields.length > 3 || !fields.every((f) => FIELD.test(f))) p.newTermsFields = 'One to three field names, separated by commas.'
    const start = d.historyWindowStart.trim()
    if (!DATE_MATH.test(start) || start === 'now') p.historyWindowStart = 'The history window starts at date math such as now-7d.'
    else {
      // The detection engine fails every run whose history does not start before the window (from).
      const history = reachMs(start)
      const from = reachMs(d.from.trim() === '' ? 'now-6m' : d.from.trim())
      if (history !== null && from !== null && history <= from) p.historyWindowStart = 'The history window must start before the look-back (from).'
    }
  }
  return p
}

/**
 * The filters of the form's JSON text: [] for empty text, null when it is not an array of objects.
 * What each filter means is the engine's business (the alerts view reports what it cannot evaluate).
 */
export function filtersOf(text: string): unknown[] | null {
  if (text.trim() === '') return []
  try {
    const v: unknown = JSON.parse(text)
    return Array.isArray(v) && v.every(isRecordLike) ? v : null
  } catch {
    return null
  }
}

/** Sets an optional field, or removes it when the text is empty (the engine's default applies). */
function setOptional<K extends keyof RuleDocument>(rule: RuleDocument, key: K, value: RuleDocument[K] | undefined): void {
  if (value === undefined) delete rule[key]
  else rule[key] = value
}
const textOrUndefined = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim())
const numberOrUndefined = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()))

/** The detection-rules TOML shape of the new-terms parameters (also kept for a rule that had it). */
function tomlNewTerms(old: Record<string, unknown>, fields: string[], start: string): Record<string, unknown> {
  return { ...old, field: 'new_terms_fields', value: fields, history_window_start: [{ field: 'history_window_start', value: start }] }
}

/**
 * The rule with the form applied. Call only when `draftProblems` is empty. Parameters of a type
 * the rule no longer has are removed, so an export does not carry a threshold on a query rule.
 */
export function applyDraft(rule: RuleDocument, d: RuleDraft): RuleDocument {
  const next: RuleDocument = { ...rule, extra: { ...rule.extra }, name: d.name.trim(), type: d.type }
  setOptional(next, 'description', d.description.trim() === '' ? undefined : d.description)
  setOptional(next, 'note', d.note.trim() === '' ? undefined : d.note)
  setOptional(next, 'severity', textOrUndefined(d.severity))
  setOptional(next, 'riskScore', numberOrUndefined(d.riskScore))
  setOptional(next, 'interval', textOrUndefined(d.interval))
  setOptional(next, 'from', textOrUndefined(d.from))
  setOptional(next, 'maxSignals', numberOrUndefined(d.maxSignals))
  setOptional(next, 'timestampOverride', textOrUndefined(d.timestampOverride))
  const filters = filtersOf(d.filters) ?? []
  setOptional(next, 'filters', filters.length === 0 ? undefined : filters)
  // The language follows the type, as the detection engine pairs them.
  next.language = d.type === 'eql' ? 'eql' : 'kuery'
  if (d.type === 'threshold') {
    const old = isRecordLike(rule.threshold) ? rule.threshold : {}
    const field = d.cardinalityField.trim()
    const cardinality = field === '' ? (Array.isArray(old['cardinality']) ? [] : undefined) : [{ field, value: Number(d.cardinalityValue.trim()) }]
    const threshold: Record<string, unknown> = { ...old, field: splitFields(d.thresholdFields), value: Number(d.thresholdValue.trim()) }
    if (cardinality === undefined) delete threshold['cardinality']
    else threshold['cardinality'] = cardinality
    next.threshold = threshold
  } else delete next.threshold
  delete next.newTerms
  delete next.extra['new_terms_fields']
  delete next.extra['history_window_start']
  if (d.type === 'new_terms') {
    const fields = splitFields(d.newTermsFields)
    const start = d.historyWindowStart.trim()
    const kibanaShaped = !isRecordLike(rule.newTerms) && ('new_terms_fields' in rule.extra || 'history_window_start' in rule.extra)
    if (kibanaShaped) {
      next.extra['new_terms_fields'] = fields
      next.extra['history_window_start'] = start
    } else next.newTerms = tomlNewTerms(isRecordLike(rule.newTerms) ? rule.newTerms : {}, fields, start)
  }
  return next
}

/** A new rule describing the current query: no name yet, the type its language gives. */
export function describedRule(query: string, language: 'eql' | 'kql'): RuleDocument {
  return { name: '', type: language === 'eql' ? 'eql' : 'query', language: language === 'eql' ? 'eql' : 'kuery', query, extra: {} }
}
