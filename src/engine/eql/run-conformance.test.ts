import { readFileSync } from 'node:fs'
import { parse } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { isMissing, type RunOutput } from '../result'
import { compileEql } from './compile-eql'
import { runEql } from './run-eql'
import type { EqlSettings } from './settings'

// Elasticsearch's QA spec files for sequences, missing events and samples, read at test time from
// ../shared (never copied). Each case is compiled and run end to end; ids and join keys must match
// what Elasticsearch returns (any listed alternative for non-deterministic samples).
const ES = new URL('../../../../shared/conformance/eql/es/', import.meta.url)
const read = (name: string): string => readFileSync(new URL(name, ES), 'utf8')

// The data files allow `//` comment lines, the mappings `#` lines and a randomised keyword type.
const data = (name: string): Record<string, unknown>[] =>
  JSON.parse(read(name).replace(/^\s*\/\/.*$/gm, '')) as Record<string, unknown>[]
const mapping = (name: string): unknown =>
  JSON.parse(read(name).replace(/^\s*#.*$/gm, '').replaceAll('[runtime_random_keyword_type]', 'keyword'))

interface Case {
  name: string
  query: string
  expected_event_ids: unknown[]
  join_keys?: unknown[]
  size?: number
  max_samples_per_key?: number
}

// test_extra.toml has bare `null` array elements, which TOML does not allow: read them as "null".
const cases = (name: string): Case[] =>
  (parse(read(name).replace(/(?<=[[,]\s*)null(?=\s*[,\]])/g, '"null"')) as unknown as { queries: Case[] }).queries

interface Suite {
  readonly file: string
  readonly events: Record<string, unknown>[]
  readonly mapping: unknown
  readonly idField: string
  readonly settings: Partial<EqlSettings>
  /** only queries of these kinds are run (event queries belong to the compiler's suites) */
  readonly kinds: readonly ('sequence' | 'sample')[]
  /** cases we knowingly differ on, with the reason */
  readonly skip?: Readonly<Record<string, string>>
}

function outcome(out: RunOutput, events: readonly Record<string, unknown>[], idField: string) {
  const ids: number[] = []
  const keys: string[] = []
  const r = out.result
  if (r === null || r.kind === 'events') return { ids, keys }
  for (const s of r.kind === 'sequences' ? r.sequences : r.samples) {
    for (const e of s.events) ids.push(isMissing(e) ? -1 : Number(events[e.index]?.[idField]))
    for (const k of s.joinKeys) keys.push(k === null ? 'null' : String(k))
  }
  return { ids, keys }
}

function runSuite(suite: Suite): void {
  const { schema } = buildSchema({ mappings: suite.mapping, events: suite.events, inferStrings: 'text+keyword' })
  describe(suite.file, () => {
    for (const c of cases(suite.file)) {
      const kind = c.query.trim().split(/\s/)[0]
      if (kind !== 'sequence' && kind !== 'sample') continue
      if (!suite.kinds.includes(kind)) continue
      const reason = suite.skip?.[c.name]
      it.skipIf(reason !== undefined)(c.name, () => {
        const settings: Partial<EqlSettings> = {
          ...suite.settings,
          size: c.size ?? 50,
          ...(c.max_samples_per_key === undefined ? {} : { maxSamplesPerKey: c.max_samples_per_key }),
        }
        const compiled = compileEql(c.query, { schema, settings })
        expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
        if (compiled.program === null) return
        const got = outcome(runEql(compiled.program, suite.events), suite.events, suite.idField)
        const expected = c.expected_event_ids
        const alternatives = Array.isArray(expected[0]) ? (expected as number[][]) : [expected as number[]]
        expect(alternatives.map((a) => a.map(Number))).toContainEqual(got.ids)
        if (c.join_keys !== undefined) expect(got.keys).toEqual(c.join_keys.map(String))
      })
    }
  })
}

const endgame = data('test_data.json').map((e) => ({
  ...e,
  // Elasticsearch's loader turns Windows FILETIME ticks into epoch millis (integer division)
  '@timestamp': Math.floor(Number(e['timestamp']) / 10000) - 11644473600000,
}))

runSuite({
  file: 'test_missing_events.toml',
  events: data('missing-events.data'),
  mapping: mapping('missing-events.mapping'),
  idField: 'sequence',
  settings: { tiebreakerField: 'sequence' },
  kinds: ['sequence'],
})
runSuite({
  file: 'test_extra.toml',
  events: data('extra.data'),
  mapping: mapping('extra.mapping'),
  idField: 'sequence',
  settings: { tiebreakerField: 'sequence' },
  kinds: ['sequence', 'sample'],
})
// test_sample.toml searches three indices at once; one merged mapping stands in for the three
// (they differ in field names, which merge cleanly, and in the @timestamp_pretty format).
const sampleMapping = (): unknown => {
  const props: Record<string, unknown> = {}
  for (const f of ['sample1.mapping', 'sample2.mapping', 'sample3.mapping']) {
    Object.assign(props, (mapping(f) as { properties: Record<string, unknown> }).properties)
  }
  props['@timestamp_pretty'] = { type: 'date', format: 'dd-MM-yyyy||yyyy-MM-dd' }
  return { properties: props }
}

runSuite({
  file: 'test_sample.toml',
  events: [...data('sample1.data'), ...data('sample2.data'), ...data('sample3.data')],
  mapping: sampleMapping(),
  idField: 'id',
  settings: {},
  kinds: ['sample'],
})
runSuite({
  file: 'test_sample_multi.toml',
  events: data('sample-multi.data'),
  mapping: mapping('sample-multi.mapping'),
  idField: 'id',
  settings: {},
  kinds: ['sample'],
})
runSuite({
  file: 'test_queries.toml',
  events: endgame,
  mapping: mapping('endgame-140.mapping'),
  idField: 'serial_event_id',
  settings: { tiebreakerField: 'serial_event_id' },
  kinds: ['sequence'],
})
runSuite({
  file: 'additional_test_queries.toml',
  events: endgame,
  mapping: mapping('endgame-140.mapping'),
  idField: 'serial_event_id',
  settings: { tiebreakerField: 'serial_event_id' },
  kinds: ['sequence'],
})
