/**
 * Reading a pasted or loaded rule for the Import dialog, and what opening it puts in the
 * document. Loaded only through rule-actions.ts's dynamic import (it pulls in the rule parsers).
 */
import type { Diagnostic } from '../../engine/diagnostics/diagnostic'
import type { EqlSettings } from '../../engine/eql/settings'
import { importRule, type RuleDocument, type RuleFormat } from '../../engine/rules'
import type { QueryLanguage } from '../../state/document-slice'

/** What the dialog shows about the text: its format, the rules found, the problems. */
export interface ImportView {
  readonly format: RuleFormat
  /** a label for the format, e.g. "detection-rules TOML" */
  readonly formatLabel: string
  readonly rules: readonly RuleDocument[]
  readonly diagnostics: readonly Diagnostic[]
}

/** The document parts an imported rule opens with (the events are the caller's: it keeps the current ones). */
export interface OpenableRule {
  readonly query: string
  readonly language: QueryLanguage
  readonly title: string
  readonly task: string
  /** null for a bare query: there is no metadata to keep */
  readonly rule: RuleDocument | null
  readonly settings: Partial<EqlSettings>
}

const FORMAT_LABELS: Readonly<Record<RuleFormat, string>> = {
  'kibana-json': 'Kibana rule JSON / NDJSON export',
  'detection-rules-toml': 'detection-rules TOML',
  markdown: 'Rule documentation page',
  'bare-query': 'Bare query',
  'search-request': 'Elasticsearch search request',
  'test-file': 'Rule Playground test file',
}

/** Formats that carry a query but no rule metadata worth keeping for exports. */
const NO_METADATA: ReadonlySet<RuleFormat> = new Set<RuleFormat>(['bare-query', 'search-request', 'test-file'])

/** Imports `text` in whichever format it is (never throws). */
export function readRuleText(text: string): ImportView {
  const { format, rules, diagnostics } = importRule(text)
  return { format, formatLabel: FORMAT_LABELS[format] ?? format, rules, diagnostics }
}

/** The task note is the rule's description cut to its first sentences: the full text stays in `rule`. */
const TASK_LIMIT = 280

function shortDescription(description: string | undefined): string {
  const text = (description ?? '').replace(/\s+/g, ' ').trim()
  if (text.length <= TASK_LIMIT) return text
  const cut = text.slice(0, TASK_LIMIT)
  const sentence = cut.lastIndexOf('. ')
  return sentence > 80 ? cut.slice(0, sentence + 1) : `${cut.slice(0, TASK_LIMIT - 1).trimEnd()}…`
}

/** Why a rule of another language cannot be opened, in words for the dialog. */
function whyNotRunnable(rule: RuleDocument): string {
  switch (rule.language) {
    case 'esql':
      return 'This is an ES|QL rule. The playground runs EQL and KQL only, so it cannot be opened here.'
    case 'lucene':
      return 'This rule is written in Lucene query syntax, which the playground does not run (EQL and KQL only).'
    case null:
      return `This ${rule.type} rule has no query the playground can run (EQL and KQL only).`
    default:
      return `The rule's language (${String(rule.language)}) cannot run here: the playground runs EQL and KQL.`
  }
}

/**
 * The document an imported rule opens as: its query and language ('eql' -> EQL, 'kuery' -> KQL),
 * name as title, short description as task, the whole rule kept for exports, and its EQL field
 * overrides as the request settings. A bare query, a search request or a test file brings no rule
 * (no metadata to keep; the export then says what is missing). A rule in another language gives the reason instead.
 */
export function openableRule(rule: RuleDocument, format: RuleFormat): { ok: true; doc: OpenableRule } | { ok: false; reason: string } {
  if (rule.language !== 'eql' && rule.language !== 'kuery') return { ok: false, reason: whyNotRunnable(rule) }
  if (rule.query.trim() === '') return { ok: false, reason: 'The rule has no query.' }
  const settings: { -readonly [K in keyof EqlSettings]?: EqlSettings[K] } = {}
  if (rule.language === 'eql') {
    if (rule.timestampField !== undefined) settings.timestampField = rule.timestampField
    if (rule.tiebreakerField !== undefined) settings.tiebreakerField = rule.tiebreakerField
    if (rule.eventCategoryOverride !== undefined) settings.eventCategoryField = rule.eventCategoryOverride
  }
  return {
    ok: true,
    doc: {
      query: rule.query,
      language: rule.language === 'eql' ? 'eql' : 'kql',
      // "Untitled rule" is the importers' stand-in, not a title
      title: rule.name === 'Untitled rule' && NO_METADATA.has(format) ? '' : rule.name,
      task: shortDescription(rule.description),
      rule: NO_METADATA.has(format) ? null : rule,
      settings,
    },
  }
}
