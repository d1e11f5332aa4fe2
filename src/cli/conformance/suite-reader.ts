/**
 * Reads a suite in the project's own format (../shared/conformance/README.md, section 2). TOML:
 *
 *   [suite]
 *   events = "events.ndjson"          path relative to the suite file (NDJSON or a JSON array)
 *   events_ndjson = '''              or: the events inside the suite, one JSON object a line
 *   {"id": "a", ...}                  (exactly one of events and events_ndjson), so a test is
 *   '''                               one file (the playground's "Test file" export writes this)
 *   id_field = "id"                   default "id"; "#" names events by 0-based position in the
 *                                     events ("0", "1", ...), for events that have no id of their own
 *   timestamp_field = "@timestamp"    default "@timestamp"
 *   tiebreaker_field = ""             optional ("" = none)
 *   event_category_field = "event.category"
 *   now = "2024-05-02T00:00:00Z"      optional
 *   [suite.mappings]                  optional: field -> Elasticsearch type
 *
 *   [[cases]]
 *   name = "..."                      unique in the file
 *   language = "eql" | "kql"
 *   query = '''...'''
 *   expected_event_ids = ["a", "b"]   or: expect_error = true
 *   compare = "list" | "set"          optional: "set" compares the distinct ids without order
 *                                     (default: list for EQL, result order; KQL is always a set)
 *   size = 10                         optional result cap (extension: README says "the case sets size")
 *   max_samples_per_key = 2           optional (extension)
 *   [[cases.exceptions]]              optional (extension): exception items in Kibana's item shape
 *   name = "JAMF"                     (name, entries, os_types), applied on top of the query as the
 *   [[cases.exceptions.entries]]      detection engine applies a rule's; the playground's test
 *   field = "process.parent.name"     file export writes them
 *   operator = "included"
 *   type = "match"
 *   value = "jamf"
 */
import { parse } from 'smol-toml'
import { readExceptionItems } from '../../engine/exceptions/read-items'
import type { ExceptionItem } from '../../engine/exceptions/types'

export interface SuiteSettings {
  /** path of the events file, as written (relative to the suite file); '' when the events are inline */
  readonly events: string
  /** the events written inside the suite (`events_ndjson`); undefined when they are in a file */
  readonly eventsInline?: string
  readonly idField: string
  readonly timestampField: string
  readonly tiebreakerField: string | null
  readonly eventCategoryField: string
  readonly now: string | undefined
  readonly mappings: Readonly<Record<string, string>>
}

export interface SuiteCase {
  readonly name: string
  readonly language: 'eql' | 'kql'
  readonly query: string
  /** ids as strings, in expected order; undefined for expect_error cases */
  readonly expectedIds: readonly string[] | undefined
  readonly expectError: boolean
  /** `compare = "set"`: the distinct ids, in any order */
  readonly unordered?: boolean
  readonly size: number | undefined
  readonly maxSamplesPerKey: number | undefined
  /** exception items applied on top of the query (none: []) */
  readonly exceptions: readonly ExceptionItem[]
}

export interface Suite {
  readonly settings: SuiteSettings
  readonly cases: SuiteCase[]
  /** problems with the suite file itself; each is reported as a failure */
  readonly problems: string[]
}

type Table = Record<string, unknown>

function str(t: Table, key: string, fallback: string): string {
  const v = t[key]
  return typeof v === 'string' ? v : fallback
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'bigint' ? Number(v) : undefined
}

function readCase(raw: unknown, n: number, names: Set<string>, problems: string[]): SuiteCase | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined
  const t = raw as Table
  const name = typeof t['name'] === 'string' ? t['name'] : ''
  const label = name || `case #${n + 1}`
  const language = t['language'] ?? 'eql'
  const query = t['query']
  if (!name) problems.push(`${label}: missing name`)
  else if (names.has(name)) problems.push(`${label}: duplicate case name`)
  names.add(name)
  if (language !== 'eql' && language !== 'kql') {
    problems.push(`${label}: language must be "eql" or "kql", not ${JSON.stringify(language)}`)
    return undefined
  }
  if (typeof query !== 'string' || query.trim() === '') {
    problems.push(`${label}: missing query`)
    return undefined
  }
  const ids = t['expected_event_ids']
  const expectError = t['expect_error'] === true
  let expectedIds: string[] | undefined
  if (Array.isArray(ids) && ids.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'bigint')) {
    expectedIds = ids.map((x) => String(x))
  } else if (ids !== undefined) problems.push(`${label}: expected_event_ids must be a list of ids`)
  if ((expectedIds === undefined) === !expectError) {
    problems.push(`${label}: give exactly one of expected_event_ids and expect_error = true`)
    return undefined
  }
  const compare = t['compare'] ?? 'list'
  if (compare !== 'list' && compare !== 'set') problems.push(`${label}: compare must be "list" or "set", not ${JSON.stringify(compare)}`)
  const unordered = compare === 'set' ? { unordered: true } : {}
  // an item read with fewer entries would except more than written: a problem fails the suite
  const exceptions = readExceptionItems(t['exceptions'])
  for (const p of exceptions.problems) problems.push(`${label}: exception ${p}`)
  return { name: label, language, query, expectedIds, expectError, ...unordered, size: num(t['size']), maxSamplesPerKey: num(t['max_samples_per_key']), exceptions: exceptions.items }
}

/** Parses a suite file's text; never throws (problems are returned). */
export function readSuite(text: string): Suite {
  const problems: string[] = []
  let doc: Table
  try {
    doc = parse(text) as Table
  } catch (e) {
    doc = {}
    problems.push(`invalid TOML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)
  }
  const s = typeof doc['suite'] === 'object' && doc['suite'] !== null ? (doc['suite'] as Table) : {}
  if (!doc['suite'] && problems.length === 0) problems.push('missing [suite] table')
  const events = str(s, 'events', '')
  const inline = s['events_ndjson']
  if (inline !== undefined && typeof inline !== 'string') problems.push('[suite] events_ndjson: the events must be a string')
  const eventsInline = typeof inline === 'string' ? inline : undefined
  if (events && eventsInline !== undefined) problems.push('[suite] give the events as a file (events) or inline (events_ndjson), not both')
  else if (!events && eventsInline === undefined && doc['suite']) problems.push('[suite] events: the events file (or events_ndjson) is required')
  const mappings: Record<string, string> = {}
  const rawMappings = s['mappings']
  if (typeof rawMappings === 'object' && rawMappings !== null) {
    for (const [field, type] of Object.entries(rawMappings as Table)) {
      if (typeof type === 'string') mappings[field] = type
      else problems.push(`[suite.mappings] ${field}: the type must be a string`)
    }
  }
  const tiebreaker = str(s, 'tiebreaker_field', '')
  const settings: SuiteSettings = {
    events,
    ...(eventsInline !== undefined ? { eventsInline } : {}),
    idField: str(s, 'id_field', 'id'),
    timestampField: str(s, 'timestamp_field', '@timestamp'),
    tiebreakerField: tiebreaker === '' ? null : tiebreaker,
    eventCategoryField: str(s, 'event_category_field', 'event.category'),
    // an unquoted TOML datetime arrives as a Date
    now: typeof s['now'] === 'string' ? s['now'] : s['now'] instanceof Date ? s['now'].toISOString() : undefined,
    mappings,
  }
  const names = new Set<string>()
  const rawCases = Array.isArray(doc['cases']) ? (doc['cases'] as unknown[]) : []
  const cases: SuiteCase[] = []
  for (const [n, raw] of rawCases.entries()) {
    const c = readCase(raw, n, names, problems)
    if (c) cases.push(c)
  }
  return { settings, cases, problems }
}
