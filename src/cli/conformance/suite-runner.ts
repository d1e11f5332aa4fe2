/**
 * Runs a suite in the project's own format (suite-reader.ts) with the comparison rules of
 * ../shared/conformance/README.md section 2: ECS types, then [suite.mappings], strings as keyword
 * for every other field; EQL ids in result order (sequences and samples flattened); no result cap
 * unless the case sets `size`; a case with expected ids fails on any error diagnostic; an
 * `expect_error` case passes only with at least one error diagnostic; KQL ids compare as a set.
 * The suite's `now` pins date math in both languages. Events come from the suite's `events` file
 * or from its inline `events_ndjson`; `id_field = "#"` names them by 0-based position, and a case
 * with `compare = "set"` compares the distinct ids in any order.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Schema } from '../../engine/schema/types'
import { parseEventsText } from '../../engine/events/parse-events'
import type { EngineApi, EngineLoad } from '../engine-port'
import { runQuery, sameList, sameSet } from './run-query'
import { readSuite, type Suite, type SuiteCase } from './suite-reader'
import { showIds, type Tally } from './tally'

/** The suite's `now` as epoch millis; undefined when not set, NaN when unreadable. */
export function suiteNow(suite: Suite): number | undefined {
  return suite.settings.now === undefined ? undefined : Date.parse(suite.settings.now)
}

function runCase(engine: EngineApi, suite: Suite, schema: Schema, events: readonly unknown[], file: string, c: SuiteCase, tally: Tally): void {
  const s = suite.settings
  const settings = engine.eqlSettings({
    eventCategoryField: s.eventCategoryField,
    timestampField: s.timestampField,
    tiebreakerField: s.tiebreakerField,
    size: c.size ?? null,
    ...(c.maxSamplesPerKey !== undefined ? { maxSamplesPerKey: c.maxSamplesPerKey } : {}),
  })
  const now = suiteNow(suite)
  const out = runQuery(engine, { query: c.query, schema, settings, events, idField: s.idField, language: c.language, exceptions: c.exceptions, ...(now === undefined ? {} : { now }) })
  const fail = (message: string): void => tally.fail({ file, name: c.name, message, query: c.query, diagnostics: out.diagnostics })
  if (out.crash !== undefined) return fail(`engine threw ${out.crash}`)
  const hasError = out.diagnostics.some((d) => d.severity === 'error')
  if (c.expectError) {
    if (hasError) tally.pass()
    else fail(`expected an error diagnostic, got ${showIds(out.ids)}`)
    return
  }
  const expected = c.expectedIds ?? []
  if (out.ids === null || hasError) return fail(`expected ${showIds(expected)}, got an error`)
  if (c.unordered === true) {
    const got = [...new Set(out.ids)]
    if (!sameSet([...new Set(expected)], got)) return fail(`expected ${showIds(expected)} in any order, got ${showIds(got)}`)
    return tally.pass()
  }
  const same = c.language === 'kql' ? sameSet : sameList
  if (!same(expected, out.ids)) return fail(`expected ${showIds(expected)}, got ${showIds(out.ids)}`)
  tally.pass()
}

/** The id field that names events by position (suite-reader.ts). */
const BY_POSITION = '#'

/**
 * Events named by position: each object event gets its index under a non-enumerable `#` key on a
 * shallow copy, which the id lookup reads (run-query.ts reads `event[idField]`) while the engine,
 * which sees only enumerable fields, and any query, run over the events exactly as written.
 */
export function namedByPosition(events: readonly unknown[]): unknown[] {
  return events.map((event, i) => {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return event
    const copy: Record<string, unknown> = { ...(event as Record<string, unknown>) }
    Object.defineProperty(copy, BY_POSITION, { value: String(i), enumerable: false })
    return copy
  })
}

/** Parses events text, problems prefixed with where the text came from. */
function parseEvents(text: string, where: string): { events: unknown[]; problems: string[] } {
  const parsed = parseEventsText(text)
  return { events: parsed.events, problems: parsed.problems.map((p) => `${where}:${p.line}: ${p.message}`) }
}

/** Reads the suite's events file (NDJSON or JSON via parseEventsText). */
function readEvents(path: string): { events: unknown[]; problems: string[] } {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    return { events: [], problems: [`cannot read events file ${path}: ${e instanceof Error ? e.message : String(e)}`] }
  }
  return parseEvents(text, path)
}

/** Runs every case of one suite file; file-level problems count as failures. */
export function runSuiteFile(path: string, text: string, load: EngineLoad, tally: Tally): void {
  const suite = readSuite(text)
  const file = path
  for (const p of suite.problems) tally.fail({ file, name: '(suite)', message: p })
  if (Number.isNaN(suiteNow(suite))) {
    // every date-math result would be wrong: report the suite once rather than each case
    tally.fail({ file, name: '(suite)', message: `now: not a date: ${suite.settings.now ?? ''}` })
    return
  }
  const inline = suite.settings.eventsInline
  if (suite.settings.events === '' && inline === undefined) return
  // events_ndjson line numbers count from the line after its opening quotes
  const read = inline !== undefined ? parseEvents(inline, `${path} events_ndjson`) : readEvents(resolve(dirname(path), suite.settings.events))
  const { problems } = read
  const events = suite.settings.idField === BY_POSITION ? namedByPosition(read.events) : read.events
  for (const p of problems) tally.fail({ file, name: '(events)', message: p })
  let schema: Schema | undefined
  for (const c of suite.cases) {
    if (!load.ok) {
      tally.fail({ file, name: c.name, message: 'engine unavailable (see note)' })
      continue
    }
    if (c.language === 'kql' && (load.engine.compileKql === undefined || load.engine.runKql === undefined)) {
      tally.fail({ file, name: c.name, message: 'KQL engine unavailable: src/engine exports no compileKql/runKql' })
      continue
    }
    try {
      schema ??= load.engine.buildSchema({ ecs: true, mappings: suite.settings.mappings, events }).schema
      runCase(load.engine, suite, schema, events, file, c, tally)
    } catch (e) {
      tally.fail({ file, name: c.name, message: `engine threw ${e instanceof Error ? e.message : String(e)}` })
    }
  }
}
