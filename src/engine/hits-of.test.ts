import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parse } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { compileEql } from './eql/compile-eql'
import { runEql } from './eql/run-eql'
import { eqlSettings } from './eql/settings'
import { parseEventsText } from './events/parse-events'
import { hitsOf } from './hits-of'
import { compileKql } from './kql/compile-kql'
import { runKql } from './kql/run-kql'
import { NO_HITS, type RunResult } from './result'
import { buildSchema } from './schema/build-schema'

/**
 * Hits on demand are the run's hits: for every case of our fixture suites that expects results,
 * a run with `hits: false` matches the same events as a run with hits, carries no hit lists, and
 * `hitsOf` (same program, same event, same stage) gives back exactly the run's FieldHit values.
 */
const FIXTURES = resolve(__dirname, '../fixtures')
type Table = Record<string, unknown>

function suiteFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.toml'))
    .sort()
    .map((n) => join(dir, n))
}

/** [event index, stage, hits] of every matched event of a result, in result order. */
function rows(result: RunResult | null): [number, number, unknown][] {
  if (result === null) return []
  if (result.kind === 'events') return result.events.map((e) => [e.index, 0, e.hits])
  const groups = result.kind === 'sequences' ? result.sequences : result.samples
  return groups.flatMap((g) => g.events.flatMap((e, stage): [number, number, unknown][] => ('missing' in e ? [] : [[e.index, stage, e.hits]])))
}

describe('hitsOf gives the run its own hits', () => {
  const files = [...suiteFiles(join(FIXTURES, 'eql')), ...suiteFiles(join(FIXTURES, 'kql'))]

  // matched events compared over all suites: a test that compared nothing would prove nothing
  let total = 0

  it('finds the suites', () => {
    expect(files.length).toBeGreaterThan(20)
  })

  for (const file of files) {
    it(file.slice(FIXTURES.length + 1), () => {
      const doc = parse(readFileSync(file, 'utf8')) as Table
      const s = (doc['suite'] ?? {}) as Table
      const events = parseEventsText(readFileSync(resolve(dirname(file), String(s['events'])), 'utf8')).events
      const mappings = (s['mappings'] ?? {}) as Record<string, string>
      const schema = buildSchema({ ecs: true, mappings, events }).schema
      const rawNow = s['now']
      const now = typeof rawNow === 'string' ? Date.parse(rawNow) : rawNow instanceof Date ? rawNow.getTime() : undefined
      const settings = eqlSettings({
        eventCategoryField: typeof s['event_category_field'] === 'string' ? s['event_category_field'] : 'event.category',
        timestampField: typeof s['timestamp_field'] === 'string' ? s['timestamp_field'] : '@timestamp',
        tiebreakerField: typeof s['tiebreaker_field'] === 'string' && s['tiebreaker_field'] !== '' ? s['tiebreaker_field'] : null,
      })
      let compared = 0
      for (const c of (doc['cases'] ?? []) as Table[]) {
        if (!Array.isArray(c['expected_event_ids'])) continue
        const query = String(c['query'])
        const label = `${String(c['name'])}: ${query}`
        let withHits: RunResult | null
        let without: RunResult | null
        let program
        if (c['language'] === 'kql') {
          const compiled = compileKql(query, { schema, settings: now === undefined ? {} : { now } })
          if (compiled.program === null) continue
          program = compiled.program
          withHits = runKql(program, events).result
          without = runKql(program, events, { hits: false }).result
        } else {
          const size = typeof c['size'] === 'number' ? c['size'] : typeof c['size'] === 'bigint' ? Number(c['size']) : null
          const perKey = typeof c['max_samples_per_key'] === 'number' ? c['max_samples_per_key'] : typeof c['max_samples_per_key'] === 'bigint' ? Number(c['max_samples_per_key']) : 1
          const compiled = compileEql(query, { schema, settings: { ...settings, size, maxSamplesPerKey: perKey } })
          if (compiled.program === null) continue
          program = compiled.program
          withHits = runEql(program, events).result
          without = runEql(program, events, { hits: false }).result
        }
        const a = rows(withHits)
        const b = rows(without)
        expect(b.map(([i, st]) => [i, st]), label).toEqual(a.map(([i, st]) => [i, st]))
        for (const [, , hits] of b) expect(hits, label).toBe(NO_HITS)
        for (const [index, stage, hits] of a) {
          expect(hitsOf(program, events[index], stage), `${label} #${index} stage ${stage}`).toEqual(hits)
          compared++
        }
      }
      total += compared
    })
  }

  it('compared the hits of many matched events', () => {
    expect(total).toBeGreaterThan(200)
  })

  it('a missing or unknown stage has no hits', () => {
    const schema = buildSchema({ ecs: true, events: [] }).schema
    const { program } = compileEql('sequence by host.id with maxspan=1m [process where true] ![file where true] [process where true]', { schema, settings: eqlSettings({}) })
    expect(program).not.toBeNull()
    if (program === null) return
    expect(hitsOf(program, { event: { category: 'file' } }, 1)).toEqual([])
    expect(hitsOf(program, { event: { category: 'process' } }, 9)).toEqual([])
  })
})
