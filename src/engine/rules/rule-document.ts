import type { Diagnostic } from '../diagnostics/diagnostic'
import type { ExceptionItem } from '../exceptions/types'
import { span } from '../source/span'

/** One MITRE ATT&CK mapping as Elastic writes it (same shape in TOML and Kibana JSON). */
export interface ThreatEntry {
  framework: string
  tactic: { id: string; name: string; reference: string }
  technique?: Array<{ id: string; name: string; reference: string; subtechnique?: Array<{ id: string; name: string; reference: string }> }>
}

/** Rule languages the detection engine knows; null for machine-learning rules. */
export type RuleLanguage = 'eql' | 'kuery' | 'lucene' | 'esql' | null

/**
 * A detection rule independent of where it came from. Fields the playground uses are typed;
 * everything else a format carries is kept in `extra` (snake_case keys, as Elastic spells them)
 * so that exporting what was imported loses nothing.
 */
export interface RuleDocument {
  name: string
  description?: string
  ruleId?: string
  type: 'eql' | 'query' | 'threshold' | 'new_terms' | 'threat_match' | 'esql' | 'machine_learning' | (string & {})
  language: RuleLanguage
  query: string
  index?: string[]
  severity?: string
  riskScore?: number
  interval?: string
  from?: string
  maxSignals?: number
  timestampOverride?: string
  tags?: string[]
  references?: string[]
  threat?: ThreatEntry[]
  eventCategoryOverride?: string
  tiebreakerField?: string
  timestampField?: string
  filters?: unknown[]
  threshold?: unknown
  newTerms?: unknown
  /** investigation guide (Markdown) */
  note?: string
  version?: number
  extra: Record<string, unknown>
}

/** What came with one imported rule: its exception items, and a line per list saying so. */
export interface RuleExceptions {
  readonly items: readonly ExceptionItem[]
  /** e.g. "2 exception items from list 'JAMF scripts'"; a referenced list not in the input too */
  readonly notes: readonly string[]
}

/** What every importer returns; importers never throw. */
export interface RuleImportResult {
  rules: RuleDocument[]
  diagnostics: Diagnostic[]
  /**
   * The exception items that came with each rule, index-aligned with `rules` (formats that carry
   * them: a Kibana export with its exception lists, a playground test file); absent: none.
   */
  exceptions?: RuleExceptions[]
}

/**
 * Rule diagnostics have no useful position inside a query, so they point at the start of the
 * input; the code says what went wrong.
 */
export function ruleDiagnostic(code: string, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { code, severity, message, span: span(0, 0) }
}

/** Guess the rule language of a bare query: EQL statements start with `<category> where`, `sequence` or `sample`. */
export function detectLanguage(query: string): 'eql' | 'kuery' {
  const head = query.replace(/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/|\s)*/, '')
  if (/^(sequence|sample)\b/i.test(head)) return 'eql'
  if (/^(any|[A-Za-z_][\w.]*|`[^`]*`|"[^"]*")\s+where\b/i.test(head)) return 'eql'
  return 'kuery'
}
