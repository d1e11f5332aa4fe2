import { stringify } from 'smol-toml'
import type { ExceptionItem } from '../exceptions/types'
import type { RuleDocument } from './rule-document'

/** The outcomes one exported case expects. */
export interface TestExpectations {
  /** ids of the matching events (result order for EQL), or omit and set expectError */
  expectedEventIds?: readonly string[]
  /** the query must be rejected with an error diagnostic */
  expectError?: boolean
  /** file name the suite's `events` points at, relative to the suite (default "events.ndjson") */
  eventsFile?: string
  /** field naming an event (default "id"); "#" names events by 0-based position */
  idField?: string
  /** "now" for date math, so relative dates in the query give the same result later */
  now?: string
  /** field -> Elasticsearch type, written to `[suite.mappings]` */
  mappings?: Readonly<Record<string, string>>
  /** result cap for the case */
  size?: number
  /**
   * write the events inside the suite (`events_ndjson`), so the test is one file; `eventsNdjson`
   * is still returned and `eventsFile` is then ''
   */
  inlineEvents?: boolean
  /** compare the matching events as a set (`compare = "set"`): EQL result order and repeats ignored */
  unordered?: boolean
  /**
   * exception items applied on top of the rule, written as the case's `[[cases.exceptions]]`
   * tables in Kibana's item shape; the CLI runs the rule with them
   */
  exceptions?: readonly ExceptionItem[]
}

/** A suite and the events file it reads, to be written side by side (or one file when inline). */
export interface ExportedTestFile {
  toml: string
  eventsNdjson: string
  eventsFile: string
}

/**
 * The rule and its events as a suite in the project's format (src/cli/conformance/suite-reader.ts)
 * that `npm run cli -- test <file>` runs: one `[[cases]]` for the rule's query, its events written
 * as NDJSON to the sibling file the suite names, or inside the suite with `inlineEvents`. The
 * rule's EQL field overrides become the suite's fields. Only EQL and KQL rules make a runnable
 * case; for other languages the case is written with `expect_error`, since the playground rejects them.
 */
export function exportTestFile(rule: RuleDocument, events: readonly unknown[], expectations: TestExpectations): ExportedTestFile {
  const inline = expectations.inlineEvents === true
  const eventsFile = inline ? '' : (expectations.eventsFile ?? 'events.ndjson')
  const suite: Record<string, unknown> = {
    id_field: expectations.idField ?? 'id',
    timestamp_field: rule.timestampField ?? '@timestamp',
    event_category_field: rule.eventCategoryOverride ?? 'event.category',
  }
  if (!inline) suite['events'] = eventsFile
  if (rule.tiebreakerField !== undefined) suite['tiebreaker_field'] = rule.tiebreakerField
  if (expectations.now !== undefined) suite['now'] = expectations.now
  if (expectations.mappings !== undefined && Object.keys(expectations.mappings).length > 0) suite['mappings'] = { ...expectations.mappings }
  const language = rule.language === 'eql' ? 'eql' : 'kql'
  const testCase: Record<string, unknown> = { name: rule.name, language, query: rule.query }
  const runnable = rule.language === 'eql' || rule.language === 'kuery'
  if (!runnable || expectations.expectError === true || expectations.expectedEventIds === undefined) testCase['expect_error'] = true
  else testCase['expected_event_ids'] = [...expectations.expectedEventIds]
  if (expectations.unordered === true && testCase['expect_error'] === undefined) testCase['compare'] = 'set'
  if (expectations.size !== undefined) testCase['size'] = expectations.size
  // through JSON: TOML has no undefined, and an item object may carry an optional key left undefined
  if (expectations.exceptions !== undefined && expectations.exceptions.length > 0) testCase['exceptions'] = JSON.parse(JSON.stringify(expectations.exceptions)) as unknown
  // One event per line; NDJSON cannot hold a line break inside a value, and JSON.stringify escapes them.
  const eventsNdjson = events.map((e) => JSON.stringify(e ?? null)).join('\n') + (events.length > 0 ? '\n' : '')
  if (inline && !fitsLiteralBlock(eventsNdjson)) suite['events_ndjson'] = eventsNdjson
  const header = `# ${rule.name.replace(/\s+/g, ' ')}: exported from Rule Playground\n`
  // A multi-line query reads as it was written in a ''' block (as detection-rules files do).
  const queryBlock = rule.query.includes('\n') && fitsLiteralBlock(rule.query)
  if (queryBlock) delete testCase['query']
  let toml = stringify({ suite, cases: [testCase] })
  if (queryBlock) {
    const withBlock = toml.replace(/^(\[\[cases\]\]\nname = .*\nlanguage = .*\n)/m, (head: string) => `${head}query = '''\n${rule.query}'''\n`)
    // should smol-toml ever lay the case out otherwise, the query goes back in as a plain string
    toml = withBlock !== toml ? withBlock : stringify({ suite, cases: [{ ...testCase, query: rule.query }] })
  }
  if (inline && suite['events_ndjson'] === undefined) {
    // One event per line reads (and diffs) far better than one escaped string; smol-toml writes a
    // table's plain keys right after its header, so the block goes there.
    toml = toml.replace(/^\[suite\]\n/m, () => `[suite]\nevents_ndjson = '''\n${eventsNdjson}'''\n`)
  }
  return { toml: header + toml, eventsNdjson, eventsFile }
}

/** A TOML multi-line literal cannot hold ''', control characters, or end in a quote. */
function fitsLiteralBlock(value: string): boolean {
  return !value.includes("'''") && !value.endsWith("'") && !/[\u0000-\u0008\u000B-\u001F\u007F]/.test(value)
}
