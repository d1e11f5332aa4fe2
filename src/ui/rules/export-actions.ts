/**
 * The Export dialog's texts: the document's rule (metadata kept from an import or an example) with
 * the current query, language and settings applied, in each format. Loaded only through
 * rule-actions.ts's dynamic import (it pulls in the rule writers, the KQL DSL and the ECS table).
 */
import type { Diagnostic } from '../../engine/diagnostics/diagnostic'
import type { EqlSettings } from '../../engine/eql/settings'
import { parseEventsText } from '../../engine/events/parse-events'
import {
  exportDetectionRulesToml,
  exportDocumentTestFile,
  exportEqlSearchRequest,
  exportKibanaRuleJson,
  exportKqlSearchRequest,
  type EventLabel,
  type RuleDocument,
} from '../../engine/rules'
import { buildSchema } from '../../engine/schema/build-schema'
import { ruleDiagnostic } from '../../engine/rules/rule-document'
import type { KqlDocumentSettings, QueryLanguage } from '../../state/document-slice'

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
      return { text: exportDetectionRulesToml(rule), fileName: `${stem}.toml`, mimeType: 'application/toml', diagnostics: empty }
    case 'kibana':
      return { text: exportKibanaRuleJson(rule), fileName: `${stem}.json`, mimeType: 'application/json', diagnostics: empty }
    case 'request':
      return searchRequest(rule, input, stem, empty)
    case 'test':
      return testFile(rule, input, stem)
  }
}

function searchRequest(rule: RuleDocument, input: ExportInput, stem: string, diagnostics: Diagnostic[]): ExportedText {
  if (rule.language === 'eql') {
    const body = exportEqlSearchRequest(rule, input.settings)
    return { text: `POST <index>/_eql/search\n${JSON.stringify(body, null, 2)}\n`, fileName: `${stem}.eql-search.json`, mimeType: 'text/plain', diagnostics }
  }
  // The rule's index would map the fields; ECS plus the document's own field types stand for it.
  const { schema } = buildSchema({ ecs: true, mappings: input.kqlSettings.mappings })
  const out = exportKqlSearchRequest(rule, schema)
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
  }
  const out = exportDocumentTestFile(rule, events, labels, options)
  // Pinning current matches already says so; the "nothing marked" warning would only repeat it.
  const own = labels === input.expectations ? out.diagnostics : out.diagnostics.filter((d) => d.code !== 'RULE3003')
  return { text: out.text, fileName: `${stem}.test.toml`, mimeType: 'application/toml', diagnostics: [...diagnostics, ...own] }
}
