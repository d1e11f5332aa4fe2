import type { Diagnostic } from '../diagnostics/diagnostic'
import { exceptionLineOf, exceptionsForRules, type ExceptionLine } from './import-exception-lists'
import { ruleDiagnostic, type RuleDocument, type RuleImportResult } from './rule-document'
import { isRecord, ruleFromSnake } from './rule-fields'

/**
 * Imports a Kibana rule: one JSON object (the detection engine API shape), a JSON array of them,
 * or an export NDJSON (one rule per line, ending with the `exported_count` summary line, which is
 * skipped). Saved-objects lines wrap the rule in `attributes` (with `params` for alerting rules)
 * and are unwrapped. Exception lists and items exported with the rules are read, and each rule
 * gets the items of the lists its `exceptions_list` references (import-exception-lists.ts). Never throws.
 */
export function importKibanaRuleJson(text: string): RuleImportResult {
  const diagnostics: Diagnostic[] = []
  const rules: RuleDocument[] = []
  const exceptionLines: ExceptionLine[] = []
  const whole = tryJson(text)
  const items: Array<{ value: unknown; where: string }> = []
  if (whole.ok) {
    if (Array.isArray(whole.value)) whole.value.forEach((value, i) => items.push({ value, where: `item ${i + 1}` }))
    else items.push({ value: whole.value, where: 'the JSON' })
  } else {
    const lines = text.split(/\r?\n/)
    lines.forEach((line, i) => {
      if (line.trim() === '') return
      const parsed = tryJson(line)
      if (parsed.ok) items.push({ value: parsed.value, where: `line ${i + 1}` })
      else diagnostics.push(ruleDiagnostic('RULE1003', `line ${i + 1}: not valid JSON (${parsed.error})`))
    })
  }
  for (const { value, where } of items) {
    if (!isRecord(value)) {
      diagnostics.push(ruleDiagnostic('RULE1004', `${where}: expected a JSON object`))
      continue
    }
    if (isExportSummary(value)) continue
    const exceptionLine = exceptionLineOf(value)
    if (exceptionLine !== null) {
      exceptionLines.push(exceptionLine)
      continue
    }
    const other = notARule(value)
    if (other !== null) {
      diagnostics.push(ruleDiagnostic('RULE1008', `${where}: ${other} skipped (not a rule)`, 'info'))
      continue
    }
    const rule = ruleFromSnake(unwrap(value), where, diagnostics)
    if (rule !== null) rules.push(rule)
  }
  if (rules.length === 0 && !diagnostics.some((d) => d.severity === 'error')) diagnostics.push(ruleDiagnostic('RULE1005', 'no rule found in the JSON'))
  const exceptions = exceptionsForRules(rules, exceptionLines, diagnostics)
  return { rules, diagnostics, ...(exceptions.some((e) => e.notes.length > 0) ? { exceptions } : {}) }
}

/** The last line of a rule export counts what was exported; it is not a rule. */
function isExportSummary(obj: Record<string, unknown>): boolean {
  return 'exported_count' in obj && !('name' in obj)
}

/**
 * A rule export also carries the rules' action connectors, one per line; they are reported and
 * skipped rather than read as malformed rules (exception lists are read before this).
 */
function notARule(obj: Record<string, unknown>): string | null {
  if (obj['type'] === 'action' && isRecord(obj['attributes'])) return 'an action connector'
  return null
}

/** Saved objects keep the rule under `attributes`, alerting-framework rules under `attributes.params`. */
function unwrap(obj: Record<string, unknown>): Record<string, unknown> {
  const attributes = obj['attributes']
  if (!isRecord(attributes)) return obj
  const params = attributes['params']
  if (!isRecord(params)) return attributes
  // Alerting-framework params are camelCase (riskScore, maxSignals); the API spells them snake_case.
  const merged: Record<string, unknown> = { name: attributes['name'], tags: attributes['tags'] }
  for (const [key, value] of Object.entries(params)) merged[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = value
  if (isRecord(attributes['schedule']) && typeof attributes['schedule']['interval'] === 'string') merged['interval'] = attributes['schedule']['interval']
  return merged
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}
