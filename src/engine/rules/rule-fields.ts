import type { Diagnostic } from '../diagnostics/diagnostic'
import { ruleDiagnostic, type RuleDocument, type RuleLanguage, type ThreatEntry } from './rule-document'

/**
 * detection-rules TOML `[rule]` and the Kibana detection engine API spell rule fields the same
 * way (snake_case), so one table maps both onto RuleDocument. Kinds drive a light type check so
 * a wrong value becomes a diagnostic (and stays in `extra`) instead of a bad typed field.
 */
type Kind = 'string' | 'number' | 'strings' | 'array' | 'any'
const FIELDS: ReadonlyArray<readonly [keyof RuleDocument, string, Kind]> = [
  ['description', 'description', 'string'],
  ['ruleId', 'rule_id', 'string'],
  ['index', 'index', 'strings'],
  ['severity', 'severity', 'string'],
  ['riskScore', 'risk_score', 'number'],
  ['interval', 'interval', 'string'],
  ['from', 'from', 'string'],
  ['maxSignals', 'max_signals', 'number'],
  ['timestampOverride', 'timestamp_override', 'string'],
  ['tags', 'tags', 'strings'],
  ['references', 'references', 'strings'],
  ['threat', 'threat', 'array'],
  ['eventCategoryOverride', 'event_category_override', 'string'],
  ['tiebreakerField', 'tiebreaker_field', 'string'],
  ['timestampField', 'timestamp_field', 'string'],
  ['filters', 'filters', 'array'],
  ['threshold', 'threshold', 'any'],
  ['newTerms', 'new_terms', 'any'],
  ['note', 'note', 'string'],
  ['version', 'version', 'number'],
]
const CORE = new Set(['name', 'type', 'language', 'query', ...FIELDS.map(([, snake]) => snake)])
const LANGUAGES = new Set(['eql', 'kuery', 'lucene', 'esql'])

function fits(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'string': return typeof value === 'string'
    case 'number': return typeof value === 'number' && Number.isFinite(value)
    case 'strings': return Array.isArray(value) && value.every((v) => typeof v === 'string')
    case 'array': return Array.isArray(value)
    case 'any': return value !== undefined && value !== null
  }
}

/**
 * Reads one snake_case rule object into a RuleDocument. Returns null (with an error) when the
 * object has no usable name; a missing query is allowed for machine-learning rules only.
 */
export function ruleFromSnake(obj: Record<string, unknown>, where: string, diagnostics: Diagnostic[]): RuleDocument | null {
  const name = obj['name']
  if (typeof name !== 'string' || name.trim() === '') {
    diagnostics.push(ruleDiagnostic('RULE2001', `${where}: the rule has no "name"`))
    return null
  }
  const type = typeof obj['type'] === 'string' ? obj['type'] : undefined
  const rawLanguage = obj['language']
  const query = typeof obj['query'] === 'string' ? obj['query'] : ''
  if (query === '' && type !== 'machine_learning') diagnostics.push(ruleDiagnostic('RULE2002', `${where}: rule "${name}" has no "query"`, 'warning'))
  // The API defaults the language from the type (eql rules speak EQL, others KQL) when it is absent.
  const language: RuleLanguage = typeof rawLanguage === 'string' && LANGUAGES.has(rawLanguage)
    ? (rawLanguage as RuleLanguage)
    : type === 'machine_learning' ? null : type === 'eql' ? 'eql' : type === 'esql' ? 'esql' : 'kuery'
  const rule: RuleDocument = { name, type: type ?? (language === 'eql' ? 'eql' : 'query'), language, query, extra: {} }
  const target = rule as unknown as Record<string, unknown>
  for (const [key, snake, kind] of FIELDS) {
    const value = obj[snake]
    if (value === undefined || value === null) continue
    if (fits(value, kind)) target[key] = value
    else {
      diagnostics.push(ruleDiagnostic('RULE2003', `${where}: "${snake}" has an unexpected type; kept as is`, 'warning'))
      rule.extra[snake] = value
    }
  }
  for (const [key, value] of Object.entries(obj)) if (!CORE.has(key)) rule.extra[key] = value
  nestNewTerms(rule)
  return rule
}

/**
 * New-terms parameters are held in one shape whatever the source: detection-rules TOML's
 * `new_terms` table (`field`/`value` pairs). The Kibana API spells them as top-level
 * `new_terms_fields` and `history_window_start`; those are moved into that table here, and
 * `kibanaRuleObject` spells them the API's way again on export.
 */
function nestNewTerms(rule: RuleDocument): void {
  const fields = rule.extra['new_terms_fields']
  const start = rule.extra['history_window_start']
  if (rule.newTerms !== undefined || !Array.isArray(fields) || typeof start !== 'string') return
  rule.newTerms = { field: 'new_terms_fields', value: fields, history_window_start: [{ field: 'history_window_start', value: start }] }
  delete rule.extra['new_terms_fields']
  delete rule.extra['history_window_start']
}

/** The snake_case object of a rule, as both detection-rules `[rule]` and the Kibana API take it. */
export function ruleToSnake(rule: RuleDocument): Record<string, unknown> {
  const out: Record<string, unknown> = { name: rule.name, type: rule.type }
  if (rule.language !== null) out['language'] = rule.language
  if (rule.query !== '' || rule.type !== 'machine_learning') out['query'] = rule.query
  const source = rule as unknown as Record<string, unknown>
  for (const [key, snake] of FIELDS) if (source[key] !== undefined) out[snake] = source[key]
  for (const [key, value] of Object.entries(rule.extra)) {
    // metadata and other top-level TOML tables belong beside [rule], not in it
    if (key === 'metadata' || key.startsWith('toml:') || key in out) continue
    out[key] = value
  }
  return out
}

/** Type guard for a plain JSON/TOML table. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export type { ThreatEntry }
