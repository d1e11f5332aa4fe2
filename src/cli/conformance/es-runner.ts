/**
 * Runs one of Elasticsearch's EQL spec files (format: es-spec-reader.ts) as Elasticsearch's own
 * harness does: the file's dataset (es-datasets.ts), event_category_field `event.category`,
 * timestamp_field `@timestamp`, the dataset's tiebreaker, size 50 unless the case sets it,
 * max_samples_per_key when the case sets it, ids read from the dataset's id field, result order
 * significant, join keys compared when the case lists some. The harness picks result_position
 * head or tail at random, so a case must pass with both: both are run.
 *
 * test_queries_unsupported.toml is different: its queries using a feature Elasticsearch still
 * rejects (unsupported.ts) must produce an error diagnostic; the others are skipped.
 */
import { basename } from 'node:path'
import type { Schema } from '../../engine/schema/types'
import type { EngineApi, EngineLoad } from '../engine-port'
import { loadDataset, SPEC_FILE_DATASETS, type EsDataset } from './es-datasets'
import { readEsSpec, type EsCase } from './es-spec-reader'
import { mergeMappings } from './merge-mappings'
import { runQuery, sameList } from './run-query'
import { showIds, type Tally } from './tally'

const UNSUPPORTED_FILE = 'test_queries_unsupported.toml'
/** Elasticsearch's harness asks for 50 results ("some queries return more than 10 results") */
const HARNESS_SIZE = 50

const schemas = new WeakMap<EsDataset, Map<EngineApi, Schema>>()

/** The schema Elasticsearch would have: the index mapping(s) plus dynamic mapping of the rest. */
function datasetSchema(engine: EngineApi, dataset: EsDataset): Schema {
  let byEngine = schemas.get(dataset)
  if (!byEngine) schemas.set(dataset, (byEngine = new Map()))
  const hit = byEngine.get(engine)
  if (hit) return hit
  const { mapping } = mergeMappings(dataset.indices.map((i) => i.mapping))
  const events = dataset.indices.flatMap((i) => i.docs)
  // Elasticsearch maps unknown strings dynamically as text + .keyword (ignore_above 256)
  const { schema } = engine.buildSchema({ mappings: mapping, events, inferStrings: 'text+keyword' })
  byEngine.set(engine, schema)
  return schema
}

function runCase(engine: EngineApi, dataset: EsDataset, file: string, c: EsCase, tally: Tally): void {
  const schema = datasetSchema(engine, dataset)
  const events = dataset.indices.flatMap((i) => i.docs)
  for (const position of ['head', 'tail'] as const) {
    const settings = engine.eqlSettings({
      eventCategoryField: 'event.category',
      timestampField: '@timestamp',
      tiebreakerField: dataset.tiebreaker,
      size: c.size ?? HARNESS_SIZE,
      resultPosition: position,
      ...(c.maxSamplesPerKey !== undefined ? { maxSamplesPerKey: c.maxSamplesPerKey } : {}),
    })
    const out = runQuery(engine, { query: c.query, schema, settings, events, idField: dataset.idField })
    const where = position === 'head' ? '' : ' (with result_position tail)'
    const expected = c.expected.length === 1 ? showIds(c.expected[0] ?? []) : `one of ${c.expected.map(showIds).join(' | ')}`
    const fail = (message: string): void =>
      tally.fail({ file, name: c.name, message: message + where, query: c.query, diagnostics: out.diagnostics })
    if (out.crash !== undefined) return fail(`engine threw ${out.crash}`)
    if (out.ids === null) return fail(`expected ${expected}, got an error`)
    const ids = out.ids
    if (!c.expected.some((e) => sameList(e, ids))) return fail(`expected ${expected}, got ${showIds(ids)}`)
    if (c.joinKeys !== null && !sameList(c.joinKeys, out.joinKeys)) {
      return fail(`join keys: expected ${showIds(c.joinKeys)}, got ${showIds(out.joinKeys)}`)
    }
  }
  tally.pass()
}

function runUnsupported(engine: EngineApi, dataset: EsDataset, file: string, c: EsCase, tally: Tally): void {
  const feature = unsupportedFeature(c.query)
  if (feature === undefined) {
    tally.skip(`${UNSUPPORTED_FILE}: uses no feature Elasticsearch still rejects (7.10-era entry)`)
    return
  }
  const schema = datasetSchema(engine, dataset)
  const settings = engine.eqlSettings({ tiebreakerField: dataset.tiebreaker, size: HARNESS_SIZE })
  const events = dataset.indices.flatMap((i) => i.docs)
  const out = runQuery(engine, { query: c.query, schema, settings, events, idField: dataset.idField })
  if (out.crash !== undefined) tally.fail({ file, name: c.name, message: `engine threw ${out.crash}`, query: c.query, diagnostics: out.diagnostics })
  else if (out.diagnostics.some((d) => d.severity === 'error')) tally.pass()
  else tally.fail({ file, name: c.name, message: `uses ${feature}: expected an error diagnostic, got ${showIds(out.ids)}`, query: c.query })
}

/**
 * Runs every case of one spec file. `seenNames` carries case names across the files of one run
 * (Elasticsearch requires them unique). Problems with the file are counted as failures.
 */
export function runEsSpecFile(path: string, text: string, load: EngineLoad, tally: Tally, seenNames: Set<string>): void {
  const file = basename(path)
  const datasetName = SPEC_FILE_DATASETS[file]
  if (datasetName === undefined) {
    tally.fail({ file: path, name: '(file)', message: 'a [[queries]] spec file with no known dataset (see es-datasets.ts)' })
    return
  }
  const unsupported = file === UNSUPPORTED_FILE
  // commented-out cases (in test_queries.toml: features Elasticsearch lacks): say how many were left out
  const commented = text.match(/^#\s*\[\[queries\]\]/gm)?.length ?? 0
  if (commented > 0) tally.note(`${file}: ${commented} commented-out case(s) not run (Elasticsearch does not run them either)`)
  // the unsupported list repeats names of the other files on purpose: not checked
  const spec = readEsSpec(text, unsupported ? new Set() : seenNames)
  for (const p of spec.problems) {
    if (!(unsupported && p.endsWith('duplicate case name'))) tally.fail({ file, name: '(spec)', message: p })
  }
  let dataset: EsDataset
  try {
    dataset = loadDataset(path.slice(0, path.length - basename(path).length) || '.', datasetName)
  } catch (e) {
    const why = `cannot load dataset ${datasetName}: ${e instanceof Error ? e.message : String(e)}`
    for (const c of spec.cases) tally.fail({ file, name: c.name, message: why })
    return
  }
  for (const c of spec.cases) {
    if (!load.ok) {
      tally.fail({ file, name: c.name, message: 'engine unavailable (see note)' })
      continue
    }
    try {
      if (unsupported) runUnsupported(load.engine, dataset, file, c, tally)
      else runCase(load.engine, dataset, file, c, tally)
    } catch (e) {
      // buildSchema threw: an engine bug, reported per case so the count stays honest
      tally.fail({ file, name: c.name, message: `engine threw ${e instanceof Error ? e.message : String(e)}` })
    }
  }
}

/*
 * Classifies the queries of Elasticsearch's test_queries_unsupported.toml. That file is a 7.10-era
 * list and several of its queries work today; the ones using a feature Elasticsearch still does
 * not support must be rejected with an error diagnostic (../shared/conformance/README.md, table).
 * The features, recognised on the query text with its string literals blanked out:
 *
 *   pipes other than head/tail   `| filter`, `| unique`, `| sort`, `| count`, `| unique_count`, ...
 *   join                         `join ...` queries
 *   lineage                      `descendant of`, `child of`, `event of`
 *   array functions              arrayContains, arrayCount, arraySearch
 *   match / wildcard / safe      match, matchLite, wildcard, safe function calls
 *   array indexing               `field[0]`
 *   !:                           the negated insensitive-equality operator
 */

/** The query with the contents of string literals replaced by spaces (lengths kept). */
function blankStrings(query: string): string {
  return query.replace(/\?"(?:[^"\\\n]|\\.)*"|"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (s) => ' '.repeat(s.length))
}

const FEATURES: readonly (readonly [string, RegExp])[] = [
  ['a pipe other than head/tail', /\|\s*(?!(?:head|tail)\b)[A-Za-z_]\w*/i],
  ['join', /^\s*join\b/i],
  ['lineage (descendant of / child of / event of)', /\b(?:descendant|child|event)\s+of\b/i],
  ['an array function', /\barray(?:Contains|Count|Search)\s*\(/i],
  ['match / matchLite / wildcard / safe', /\b(?:match|matchLite|wildcard|safe)\s*\(/i],
  ['array indexing', /[A-Za-z_][\w.]*\[\s*\d+\s*\]/],
  ['the !: operator', /!:/],
]

/**
 * The unsupported feature a query uses (a short description), or undefined when it uses none of
 * the listed ones (it may well be supported today).
 */
export function unsupportedFeature(query: string): string | undefined {
  const text = blankStrings(query)
  for (const [what, re] of FEATURES) if (re.test(text)) return what
  return undefined
}
