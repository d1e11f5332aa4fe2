import { stringify } from 'smol-toml'
import type { RuleDocument } from './rule-document'

/** The outcomes one exported case expects. */
export interface TestExpectations {
  /** ids of the matching events (result order for EQL), or omit and set expectError */
  expectedEventIds?: readonly string[]
  /** the query must be rejected with an error diagnostic */
  expectError?: boolean
  /** file name the suite's `events` points at, relative to the suite (default "events.ndjson") */
  eventsFile?: string
  /** field naming an event (default "id") */
  idField?: string
  /** "now" for date math, so relative dates in the query give the same result later */
  now?: string
  /** field -> Elasticsearch type, written to `[suite.mappings]` */
  mappings?: Readonly<Record<string, string>>
  /** result cap for the case */
  size?: number
}

/** A suite and the events file it reads, to be written side by side. */
export interface ExportedTestFile {
  toml: string
  eventsNdjson: string
  eventsFile: string
}

/**
 * The rule and its events as a suite in the project's format (../shared/conformance/README.md
 * section 2) that `npm run cli -- test <file>` runs: one `[[cases]]` for the rule's query, its
 * events written as NDJSON to the sibling file the suite names. The rule's EQL field overrides
 * become the suite's fields. Only EQL and KQL rules make a runnable case; for other languages the
 * case is written with `expect_error`, since the playground rejects them.
 */
export function exportTestFile(rule: RuleDocument, events: readonly unknown[], expectations: TestExpectations): ExportedTestFile {
  const eventsFile = expectations.eventsFile ?? 'events.ndjson'
  const suite: Record<string, unknown> = {
    events: eventsFile,
    id_field: expectations.idField ?? 'id',
    timestamp_field: rule.timestampField ?? '@timestamp',
    event_category_field: rule.eventCategoryOverride ?? 'event.category',
  }
  if (rule.tiebreakerField !== undefined) suite['tiebreaker_field'] = rule.tiebreakerField
  if (expectations.now !== undefined) suite['now'] = expectations.now
  if (expectations.mappings !== undefined && Object.keys(expectations.mappings).length > 0) suite['mappings'] = { ...expectations.mappings }
  const language = rule.language === 'eql' ? 'eql' : 'kql'
  const testCase: Record<string, unknown> = { name: rule.name, language, query: rule.query }
  const runnable = rule.language === 'eql' || rule.language === 'kuery'
  if (!runnable || expectations.expectError === true || expectations.expectedEventIds === undefined) testCase['expect_error'] = true
  else testCase['expected_event_ids'] = [...expectations.expectedEventIds]
  if (expectations.size !== undefined) testCase['size'] = expectations.size
  const header = `# ${rule.name.replace(/\s+/g, ' ')}: exported from Rule Playground\n`
  const toml = header + stringify({ suite, cases: [testCase] })
  // One event per line; NDJSON cannot hold a line break inside a value, and JSON.stringify escapes them.
  const eventsNdjson = events.map((e) => JSON.stringify(e ?? null)).join('\n') + (events.length > 0 ? '\n' : '')
  return { toml, eventsNdjson, eventsFile }
}
