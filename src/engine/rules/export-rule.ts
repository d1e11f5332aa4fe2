import { stringify } from 'smol-toml'
import type { RuleDocument } from './rule-document'
import { isRecord, ruleToSnake } from './rule-fields'

/**
 * The rule as a detection-rules repository TOML file: `[metadata]` (kept from an imported TOML,
 * else empty) then `[rule]`. TOML has no null, so null values are left out; a field that was
 * null in a Kibana export comes back absent, which the API treats the same.
 */
export function exportDetectionRulesToml(rule: RuleDocument): string {
  const doc: Record<string, unknown> = {}
  doc['metadata'] = isRecord(rule.extra['metadata']) ? rule.extra['metadata'] : {}
  for (const [key, value] of Object.entries(rule.extra)) if (key.startsWith('toml:')) doc[key.slice(5)] = value
  const snake = ruleToSnake(rule)
  // Multi-line text (query, description, note) reads best as ''' blocks, as detection-rules writes it.
  const blocks: string[] = []
  for (const [key, value] of Object.entries(snake)) {
    if (typeof value === 'string' && value.includes('\n') && /^[A-Za-z0-9_-]+$/.test(key) && fitsLiteralBlock(value)) {
      blocks.push(`${key} = '''\n${value}'''`)
      delete snake[key]
    }
  }
  doc['rule'] = snake
  try {
    const text = stringify(withoutNulls(doc))
    if (blocks.length === 0) return text
    // smol-toml writes a table's plain keys right after its header, before sub-tables
    return text.replace(/^\[rule\]\n/m, () => `[rule]\n${blocks.join('\n')}\n`)
  } catch {
    // Only non-TOML values (NaN in an array of mixed kinds, say) get here; fall back to the typed fields.
    return stringify(withoutNulls({ metadata: {}, rule: { ...ruleToSnake({ ...rule, extra: {} }) } }))
  }
}

/**
 * The rule as JSON for the detection engine API (`POST /api/detection_engine/rules` or the
 * import endpoint): snake_case fields (rule_id, risk_score, max_signals, event_category_override,
 * tiebreaker_field, timestamp_override, threat ...). The detection-rules `[metadata]` table is not
 * part of the API and is left out. Pretty-printed; one line of NDJSON is `JSON.stringify` of it.
 */
export function exportKibanaRuleJson(rule: RuleDocument): string {
  return JSON.stringify(kibanaRuleObject(rule), null, 2)
}

/** The rule object the detection engine API takes (what `exportKibanaRuleJson` prints). */
export function kibanaRuleObject(rule: RuleDocument): Record<string, unknown> {
  const out = ruleToSnake(rule)
  // The API needs these; detection-rules files always have them, other sources may not.
  out['description'] ??= rule.name
  out['severity'] ??= 'low'
  out['risk_score'] ??= 21
  kibanaNewTerms(out)
  return out
}

/** The API's spelling of new-terms parameters (top-level fields), from the TOML `new_terms` table the rule holds. */
function kibanaNewTerms(out: Record<string, unknown>): void {
  const nested = out['new_terms']
  if (!isRecord(nested)) return
  const fields = nested['field'] === 'new_terms_fields' ? nested['value'] : undefined
  const history = Array.isArray(nested['history_window_start']) ? nested['history_window_start'].find((h) => isRecord(h) && h['field'] === 'history_window_start') : undefined
  if (!Array.isArray(fields) || !isRecord(history) || typeof history['value'] !== 'string') return
  delete out['new_terms']
  out['new_terms_fields'] = fields
  out['history_window_start'] = history['value']
}

/** A TOML multi-line literal cannot hold ''', control characters, or end in a quote. */
function fitsLiteralBlock(value: string): boolean {
  return !value.includes("'''") && !value.endsWith("'") && !/[\u0000-\u0008\u000B-\u001F\u007F]/.test(value)
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(withoutNulls)
  if (isRecord(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = withoutNulls(v)
    return out
  }
  return value
}
