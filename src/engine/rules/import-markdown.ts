import type { Diagnostic } from '../diagnostics/diagnostic'
import { importDetectionRulesToml } from './import-toml'
import { linkTarget, parseMitreSection } from './markdown-mitre'
import { ruleDiagnostic, type RuleDocument, type RuleImportResult } from './rule-document'

/** Labels of the metadata lines, as the documentation pages print them. */
const LABELS = ['Rule type', 'Rule indices', 'Severity', 'Risk score', 'Runs every', 'Searches indices from',
  'Maximum alerts per execution', 'References', 'Tags', 'Version', 'Rule authors', 'Rule license', 'Framework'] as const
const LABEL_RE = new RegExp(`^\\s*(?:\\*\\*)?(${LABELS.join('|')})(?:\\*\\*)?\\s*:\\s*(.*)$`)
const BULLET_RE = /^\s*[*•-]\s+(.*)$/
const LANGUAGE_OF_TYPE: Record<string, RuleDocument['language']> = { eql: 'eql', esql: 'esql', machine_learning: null }

/**
 * Imports an Elastic rule documentation page, either as Markdown (`# Title`, `**Label**: value`,
 * a fenced block under "Rule query") or as the rendered page's plain text (`Label: value`,
 * `•` bullets, the query lines between "Rule query" and "Framework"). A page showing the rule's
 * TOML source with line numbers (a GitHub file view) is read as that TOML. Never throws.
 */
export function importRuleMarkdown(text: string): RuleImportResult {
  const numbered = extractNumberedToml(text)
  if (numbered !== null) return importDetectionRulesToml(numbered)
  const diagnostics: Diagnostic[] = []
  const lines = text.split(/\r?\n/)
  const fields = new Map<string, { value: string; items: string[] }>()
  let open: { value: string; items: string[] } | null = null
  let firstLabel = -1
  for (const [i, line] of lines.entries()) {
    const m = LABEL_RE.exec(line)
    if (m !== null) {
      if (firstLabel < 0) firstLabel = i
      open = { value: (m[2] ?? '').trim(), items: [] }
      if (!fields.has(m[1] ?? '')) fields.set(m[1] ?? '', open)
      continue
    }
    if (/^\s*#|^\s*(Investigation guide|Setup|Rule query)\s*$/.test(line)) open = null
    const b = BULLET_RE.exec(line)
    if (open !== null && b !== null) open.items.push(linkTarget(b[1] ?? ''))
  }
  const query = readQuery(lines)
  const ruleType = fields.get('Rule type')?.value
  if (firstLabel < 0 || ruleType === undefined || query === null) {
    diagnostics.push(ruleDiagnostic('RULE1007', 'not a rule documentation page: "Rule type" or the "Rule query" block is missing'))
    return { rules: [], diagnostics }
  }
  const { title, description } = readHead(lines, firstLabel)
  const rule: RuleDocument = { name: title ?? 'Untitled rule', type: ruleType, language: LANGUAGE_OF_TYPE[ruleType] ?? 'kuery', query, extra: {} }
  if (title === undefined) diagnostics.push(ruleDiagnostic('RULE2001', 'the page has no title; the rule is named "Untitled rule"', 'warning'))
  if (description !== undefined) rule.description = description
  const list = (label: string): string[] | undefined => {
    const items = fields.get(label)?.items
    return items !== undefined && items.length > 0 ? items : undefined
  }
  const num = (label: string): number | undefined => {
    const n = Number.parseFloat(fields.get(label)?.value ?? '')
    return Number.isFinite(n) ? n : undefined
  }
  const word = (label: string): string | undefined => fields.get(label)?.value.split(/\s+/)[0] || undefined
  const set = <K extends keyof RuleDocument>(key: K, value: RuleDocument[K] | undefined): void => {
    if (value !== undefined) rule[key] = value
  }
  set('index', list('Rule indices'))
  set('severity', word('Severity'))
  set('riskScore', num('Risk score'))
  set('interval', word('Runs every'))
  set('from', word('Searches indices from'))
  set('maxSignals', num('Maximum alerts per execution'))
  set('references', list('References'))
  set('tags', list('Tags'))
  set('version', num('Version'))
  const authors = list('Rule authors')
  if (authors !== undefined) rule.extra['author'] = authors
  const license = fields.get('Rule license')?.value
  if (license) rule.extra['license'] = license
  const threat = parseMitreSection(lines)
  if (threat.length > 0) rule.threat = threat
  const note = readSection(lines, /^(##\s*)?Investigation guide\b/, /^(##\s*)?(Setup|Rule query)\b/)
  if (note !== undefined) rule.note = note
  return { rules: [rule], diagnostics }
}

/** Title and description: the paragraph just above the first label and the heading above that. */
function readHead(lines: readonly string[], firstLabel: number): { title?: string; description?: string } {
  let i = firstLabel - 1
  const skip = (): void => {
    while (i >= 0 && /^\s*(edit)?\s*$/.test(lines[i] ?? '')) i--
  }
  skip()
  const para: string[] = []
  while (i >= 0 && (lines[i] ?? '').trim() !== '' && !/^\s*#/.test(lines[i] ?? '')) para.unshift((lines[i--] ?? '').trim())
  skip()
  const heading = lines[i]
  const title = heading?.replace(/^\s*#+\s*/, '').replace(/\s*\[[^\]]*\]\s*$/, '').trim()
  const out: { title?: string; description?: string } = {}
  if (para.length > 0) out.description = para.join(' ')
  if (title !== undefined && title !== '' && title !== '---') out.title = title
  return out
}

/** The query: the fenced block after "Rule query", or in plain text the lines up to "Framework:". */
function readQuery(lines: readonly string[]): string | null {
  const at = lines.findIndex((l) => /^\s*(##\s*)?Rule query\b/.test(l))
  if (at < 0) return null
  const rest = lines.slice(at + 1)
  const fence = rest.findIndex((l) => /^\s*```/.test(l))
  const nextHeading = rest.findIndex((l) => /^\s*##\s/.test(l) || LABEL_RE.test(l))
  if (fence >= 0 && (nextHeading < 0 || fence < nextHeading)) {
    const end = rest.findIndex((l, j) => j > fence && /^\s*```/.test(l))
    return rest.slice(fence + 1, end < 0 ? undefined : end).join('\n').trim()
  }
  const body = rest.slice(0, nextHeading < 0 ? undefined : nextHeading).filter((l) => l.trim() !== 'edit')
  const query = body.join('\n').trim()
  return query === '' ? null : query
}

function readSection(lines: readonly string[], start: RegExp, end: RegExp): string | undefined {
  const from = lines.findIndex((l) => start.test(l.trim()))
  if (from < 0) return undefined
  const to = lines.findIndex((l, j) => j > from && end.test(l.trim()))
  const body = lines.slice(from + 1, to < 0 ? undefined : to).filter((l) => l.trim() !== 'edit').join('\n').trim()
  return body === '' ? undefined : body
}

/**
 * A rule TOML shown with line numbers glued to each line (`1[metadata]`, `2creation_date = ...`):
 * takes the run of lines numbered 1, 2, 3, ... and strips the numbers. Null when there is none.
 */
export function extractNumberedToml(text: string): string | null {
  const lines = text.split(/\r?\n/)
  const first = lines.findIndex((l) => /^\s*1\[(metadata|rule)\]\s*$/.test(l))
  if (first < 0) return null
  const out: string[] = []
  let n = 1
  for (const line of lines.slice(first)) {
    const prefix = String(n)
    const trimmed = line.replace(/^\s*/, '')
    if (!trimmed.startsWith(prefix)) break
    out.push(trimmed.slice(prefix.length))
    n++
  }
  return out.join('\n')
}
