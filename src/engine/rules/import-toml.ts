import { parse } from 'smol-toml'
import type { Diagnostic } from '../diagnostics/diagnostic'
import { ruleDiagnostic, type RuleImportResult } from './rule-document'
import { isRecord, ruleFromSnake } from './rule-fields'

/**
 * Imports a detection-rules repository TOML file: `[metadata]` (creation date, maturity, ...) and
 * `[rule]` with its `[[rule.threat]]` and `[rule.threshold]` tables. The metadata table is kept in
 * `extra.metadata` so the TOML exporter writes it back. Never throws.
 */
export function importDetectionRulesToml(text: string): RuleImportResult {
  const diagnostics: Diagnostic[] = []
  let doc: Record<string, unknown>
  try {
    doc = plain(parse(text)) as Record<string, unknown>
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)
    diagnostics.push(ruleDiagnostic('RULE1001', `not valid TOML: ${message}`))
    return { rules: [], diagnostics }
  }
  const table = doc['rule']
  if (!isRecord(table)) {
    diagnostics.push(ruleDiagnostic('RULE1002', 'the TOML has no [rule] table'))
    return { rules: [], diagnostics }
  }
  const rule = ruleFromSnake(table, '[rule]', diagnostics)
  if (rule === null) return { rules: [], diagnostics }
  if (isRecord(doc['metadata'])) rule.extra['metadata'] = doc['metadata']
  for (const [key, value] of Object.entries(doc)) {
    if (key !== 'rule' && key !== 'metadata') rule.extra[`toml:${key}`] = value
  }
  return { rules: [rule], diagnostics }
}

/**
 * smol-toml returns TomlDate objects for unquoted dates and bigint for huge integers; rule
 * documents are plain JSON, so dates become their TOML text and bigints numbers.
 */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value)
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(plain)
  if (isRecord(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = plain(v)
    return out
  }
  return value
}
