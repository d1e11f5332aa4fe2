/**
 * The rule import/export actions the dialogs run on the main thread: one-shot work on a small
 * text, loaded only through `loadRuleActions()` (a dynamic import), so the rule parsers and
 * writers, the KQL DSL and the ECS table stay out of the initial bundle (docs/architecture.md).
 * Import: read pasted or loaded text, and what opening a rule puts in the document. Export: the
 * document's rule (metadata kept from an import or an example) with the current query, language
 * and settings applied, in each format.
 */
import type { Diagnostic } from '../../engine/diagnostics/diagnostic'
import type { EqlSettings } from '../../engine/eql/settings'
import type { ExceptionItem } from '../../engine/exceptions/types'
import { parseEventsText } from '../../engine/events/parse-events'
import {
  exportDetectionRulesToml,
  exportDocumentTestFile,
  exportEqlSearchRequest,
  exceptionRefsOf,
  exportKibanaNdjson,
  exportKibanaRuleJson,
  exportKqlSearchRequest,
  importRule,
  type EventLabel,
  type RuleDocument,
  type RuleExceptions,
  type RuleFormat,
} from '../../engine/rules'
import { ruleDiagnostic } from '../../engine/rules/rule-document'
import { buildSchema } from '../../engine/schema/build-schema'
import type { KqlDocumentSettings, QueryLanguage } from '../../state/document-slice'

// ---- import

/** What the dialog shows about the text: its format, the rules found, the problems. */
export interface ImportView {
  readonly format: RuleFormat
  /** a label for the format, e.g. "detection-rules TOML" */
  readonly formatLabel: string
  readonly rules: readonly RuleDocument[]
  readonly diagnostics: readonly Diagnostic[]
  /** the exception items that came with each rule (index-aligned with `rules`) */
  readonly exceptions: readonly RuleExceptions[]
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
  /** the rule's exception items (none: the old document's do not carry over to another rule) */
  readonly exceptions: readonly ExceptionItem[]
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
  const { format, rules, diagnostics, exceptions } = importRule(text)
  return { format, formatLabel: FORMAT_LABELS[format] ?? format, rules, diagnostics, exceptions: rules.map((_, i) => exceptions?.[i] ?? NO_EXCEPTIONS) }
}

const NO_EXCEPTIONS: RuleExceptions = { items: [], notes: [] }

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
export function openableRule(rule: RuleDocument, format: RuleFormat, exceptions: readonly ExceptionItem[] = []): { ok: true; doc: OpenableRule } | { ok: false; reason: string } {
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
      exceptions,
    },
  }
}

// ---- export

/** The export formats, in the order the dialog offers them. */
export type ExportFormat = 'toml' | 'kibana' | 'request' | 'test'

/** What the dialog knows about the current document. */
export interface ExportInput {
  readonly rule: RuleDocument | null
  readonly title: string
  readonly query: string
  readonly language: QueryLanguage
  readonly settings: Partial<EqlSettings>
  readonly kqlSettings: KqlDocumentSettings
  readonly eventsText: string
  /** the name of a streamed events file (its events are in the worker, not in the page), or null */
  readonly eventsFileName: string | null
  readonly expectations: readonly EventLabel[]
  /** the events the current query matches now (the latest run for this query), or null */
  readonly currentMatches: readonly number[] | null
  /** the document's exception items, applied on top of the rule */
  readonly exceptions: readonly ExceptionItem[]
}

/** One format's text (empty when it cannot be made), the file to download it as, and any problems. */
export interface ExportedText {
  readonly text: string
  readonly fileName: string
  readonly mimeType: string
  readonly diagnostics: readonly Diagnostic[]
}

/** The metadata a detection rule usually has, by how the dialog names it. */
const METADATA: ReadonlyArray<readonly [string, (r: RuleDocument) => boolean]> = [
  ['description', (r) => (r.description ?? '').trim() !== ''],
  ['severity', (r) => r.severity !== undefined],
  ['risk score', (r) => r.riskScore !== undefined],
  ['index patterns', (r) => (r.index ?? []).length > 0],
  ['schedule (interval, from)', (r) => r.interval !== undefined && r.from !== undefined],
  ['MITRE ATT&CK mapping', (r) => (r.threat ?? []).length > 0],
  ['rule_id', (r) => r.ruleId !== undefined],
]

/** Languages the rule types keep: KQL-based types stay as they are, others become a plain query rule. */
const KQL_TYPES = new Set(['query', 'threshold', 'new_terms', 'threat_match', 'saved_query'])

/**
 * The rule to export: the document's rule with the current query, language and EQL settings, or
 * for a document without one a minimal rule named after its title. Also names the metadata the
 * rule lacks, which an exported rule would get defaults for or go without.
 */
export function exportedRule(input: ExportInput): { rule: RuleDocument; missing: string[] } {
  const base: RuleDocument = input.rule ?? { name: input.title.trim() || 'Untitled rule', type: 'query', language: 'kuery', query: '', extra: {} }
  const rule: RuleDocument = { ...base, extra: { ...base.extra }, query: input.query }
  if (input.language === 'eql') {
    rule.language = 'eql'
    rule.type = 'eql'
    // The document's settings are what the page runs with; an override the user cleared is gone.
    const s = input.settings
    setOrDelete(rule, 'timestampField', s.timestampField)
    setOrDelete(rule, 'tiebreakerField', s.tiebreakerField ?? undefined)
    setOrDelete(rule, 'eventCategoryOverride', s.eventCategoryField)
  } else {
    rule.language = 'kuery'
    if (!KQL_TYPES.has(rule.type)) rule.type = 'query'
    delete rule.timestampField
    delete rule.tiebreakerField
    delete rule.eventCategoryOverride
  }
  return { rule, missing: METADATA.filter(([, has]) => !has(rule)).map(([name]) => name) }
}

function setOrDelete(rule: RuleDocument, key: 'timestampField' | 'tiebreakerField' | 'eventCategoryOverride', value: string | undefined): void {
  if (value === undefined || value === '') delete rule[key]
  else rule[key] = value
}

/** A file name from the rule's name: lower case words joined by dashes. */
export function fileStem(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'rule'
}

/** The text of one format; never throws (problems come back as diagnostics). */
export function exportAs(format: ExportFormat, input: ExportInput): ExportedText {
  const { rule } = exportedRule(input)
  const stem = fileStem(rule.name)
  const empty = input.query.trim() === '' ? [ruleDiagnostic('RULE3004', 'the query is empty', 'warning')] : []
  switch (format) {
    case 'toml':
      return { text: exportDetectionRulesToml(rule), fileName: `${stem}.toml`, mimeType: 'application/toml', diagnostics: [...empty, ...tomlExceptionsNote(input.exceptions)] }
    case 'kibana': {
      if (input.exceptions.length === 0) return { text: exportKibanaRuleJson(rule), fileName: `${stem}.json`, mimeType: 'application/json', diagnostics: [...empty, ...listsWithoutItems(rule)] }
      // Exceptions live in exception lists beside the rule: only an export NDJSON carries both.
      const out = exportKibanaNdjson(rule, input.exceptions)
      return { text: out.text, fileName: `${stem}.ndjson`, mimeType: 'application/x-ndjson', diagnostics: [...empty, ...out.diagnostics] }
    }
    case 'request':
      return searchRequest(rule, input, stem, empty)
    case 'test':
      return testFile(rule, input, stem)
  }
}

/** A rule naming exception lists whose items the document does not hold: the export keeps the names only. */
function listsWithoutItems(rule: RuleDocument): Diagnostic[] {
  const n = exceptionRefsOf(rule).length
  if (n === 0) return []
  return [ruleDiagnostic('RULE3012', `the rule references ${n === 1 ? 'an exception list' : `${n} exception lists`} (exceptions_list) but the document holds no exception item: the reference is kept, the items stay in Kibana`, 'info')]
}

/** detection-rules TOML files hold the rule alone: exception items would be lost without a word. */
export function tomlExceptionsNote(exceptions: readonly ExceptionItem[]): Diagnostic[] {
  const n = exceptions.length
  if (n === 0) return []
  const items = `${n} exception item${n === 1 ? '' : 's'}`
  return [ruleDiagnostic('RULE3010', `detection-rules TOML has no place for exception items: the ${items} are not in this file (the Kibana rule export and the test file carry them)`, 'warning')]
}

function searchRequest(rule: RuleDocument, input: ExportInput, stem: string, empty: Diagnostic[]): ExportedText {
  const unsent = input.exceptions.filter((i) => i.entries.some((e) => e.type === 'list')).length
  const diagnostics = unsent === 0 ? empty : [...empty, ruleDiagnostic('RULE3011', `${unsent} exception item${unsent === 1 ? ' tests' : 's test'} a value list, which lives in Kibana: left out of the request`, 'warning')]
  if (rule.language === 'eql') {
    const body = exportEqlSearchRequest(rule, input.settings, input.exceptions)
    return { text: `POST <index>/_eql/search\n${JSON.stringify(body, null, 2)}\n`, fileName: `${stem}.eql-search.json`, mimeType: 'text/plain', diagnostics }
  }
  // The rule's index would map the fields; ECS plus the document's own field types stand for it.
  const { schema } = buildSchema({ ecs: true, mappings: input.kqlSettings.mappings })
  const out = exportKqlSearchRequest(rule, schema, input.exceptions)
  if (out.body === null) return { text: '', fileName: `${stem}.search.json`, mimeType: 'text/plain', diagnostics: [...diagnostics, ...out.diagnostics] }
  return { text: `POST <index>/_search\n${JSON.stringify(out.body, null, 2)}\n`, fileName: `${stem}.search.json`, mimeType: 'text/plain', diagnostics: [...diagnostics, ...out.diagnostics] }
}

function testFile(rule: RuleDocument, input: ExportInput, stem: string): ExportedText {
  const diagnostics: Diagnostic[] = []
  let events: unknown[] = []
  if (input.eventsFileName !== null) {
    diagnostics.push(ruleDiagnostic('RULE3005', `the events come from the file ${input.eventsFileName}, which stays in the page's worker: the test file holds no events`, 'warning'))
  } else {
    const parsed = parseEventsText(input.eventsText)
    events = parsed.events
    if (parsed.problems.length > 0) diagnostics.push(ruleDiagnostic('RULE3006', `${parsed.problems.length} events could not be read and are left out`, 'warning'))
  }
  let labels = input.expectations
  if (labels.length === 0 && input.currentMatches !== null && events.length > 0) {
    // Nothing marked: the test pins what the rule matches now, so a later edit that changes it fails.
    labels = input.currentMatches.map((eventIndex) => ({ eventIndex, expect: 'match' as const }))
    diagnostics.push(ruleDiagnostic('RULE3007', `no expected outcomes are marked: the test expects the ${labels.length} events the rule matches now`, 'info'))
  }
  const options = {
    ...(input.kqlSettings.now !== null && input.language === 'kql' ? { now: input.kqlSettings.now } : {}),
    ...(Object.keys(input.kqlSettings.mappings).length > 0 ? { mappings: input.kqlSettings.mappings } : {}),
    ...(input.language === 'eql' && input.settings.size != null ? { size: input.settings.size } : {}),
    ...(input.exceptions.length > 0 ? { exceptions: input.exceptions } : {}),
  }
  const out = exportDocumentTestFile(rule, events, labels, options)
  // Pinning current matches already says so; the "nothing marked" warning would only repeat it.
  const own = labels === input.expectations ? out.diagnostics : out.diagnostics.filter((d) => d.code !== 'RULE3003')
  return { text: out.text, fileName: `${stem}.test.toml`, mimeType: 'application/toml', diagnostics: [...diagnostics, ...own] }
}
