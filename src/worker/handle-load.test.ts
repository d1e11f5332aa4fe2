import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql, compileKql, eqlSettings, formatKql, parseEventsText, runEql, runKql } from '../engine'
import { formatEql } from '../engine/eql/parser'
import { createEventsReader } from '../engine/events/events-reader'
import { GrowingTimes } from './dataset'
import { createHandler, type EngineApi } from './handle'
import { PROTOCOL_VERSION, type Reply, type Request, type ResultMap } from './protocol'

/**
 * A streamed load (the lines way, the scan way, schema typed chunk by chunk) must leave the worker
 * exactly where sending the same text whole leaves it: same events, problems, inferred fields and
 * run results.
 */

const engine = { buildSchema, compileEql, compileKql, eqlSettings, formatEql, formatKql, parseEventsText, runEql, runKql, createEventsReader }

type Body<K extends Request['kind']> = Omit<Extract<Request, { kind: K }>, 'id' | 'protocol' | 'kind'>

function setup() {
  const handle = createHandler(engine as EngineApi<unknown, unknown>, { now: () => 0 })
  let id = 1
  return <K extends Request['kind']>(kind: K, body: Body<K>): ResultMap[K] => {
    const r: Reply = handle({ ...body, kind, id: id++, protocol: PROTOCOL_VERSION })
    if (!r.ok) throw new Error(`${kind} failed: ${r.failure.code} ${r.failure.message}`)
    return r.result as ResultMap[K]
  }
}

const lines = [
  JSON.stringify({ '@timestamp': '2026-01-01T00:00:00Z', event: { category: 'process' }, process: { name: 'a' }, custom: { n: 1, s: 'x' } }),
  JSON.stringify({ '@timestamp': '2026-01-01T00:00:01Z', event: { category: 'process' }, process: { name: 'é' }, custom: { n: 'now text' } }),
  '{"broken": ',
  JSON.stringify({ hits: { hits: [{ _id: '1', _index: 'i', _source: { '@timestamp': '2026-01-01T00:00:02Z', event: { category: 'process' }, process: { name: 'b' }, extra: true } }] } }),
  JSON.stringify({ '@timestamp': '2026-01-01T00:00:03Z', event: { category: 'file' }, file: { size: 2.5 } }, null, 2),
  JSON.stringify({ '@timestamp': '2026-01-01T00:00:04Z', event: { category: 'process' }, process: { name: 'a', pid: 7 } }),
]
const TEXT = lines.join('\n') + '\n'

function streamed(chunkBytes: number) {
  const send = setup()
  const bytes = new TextEncoder().encode(TEXT)
  send('beginEvents', { datasetVersion: 3, name: 'x.ndjson', size: bytes.length })
  for (let at = 0; at < bytes.length; at += chunkBytes) send('appendEvents', { datasetVersion: 3, chunk: bytes.slice(at, at + chunkBytes).buffer })
  return { send, loaded: send('endEvents', { datasetVersion: 3 }) }
}

describe('streamed load against the same text sent whole', () => {
  const whole = setup()
  const wholeLoaded = whole('setEvents', { version: 3, text: TEXT })
  const query = { eventsVersion: 3, language: 'eql' as const, query: 'process where process.name == "a" and custom.n == 1', settings: {}, displayLimit: 10 }

  it('finds the events, the bad line and the inferred and mixed fields', () => {
    expect(wholeLoaded.eventCount).toBe(5)
    expect(wholeLoaded.problems.map((p) => p.line)).toEqual([3])
    const codes = wholeLoaded.schemaDiagnostics.map((d) => d.code)
    expect(codes).toContain('SCHEMA001')
    expect(codes).toContain('SCHEMA007')
  })

  for (const size of [1, 5, 64, 1 << 20]) {
    it(`chunks of ${size} bytes: same reply, events and run`, () => {
      const { send, loaded } = streamed(size)
      expect({ ...loaded, name: undefined, bytes: undefined }).toEqual({ ...wholeLoaded, name: undefined, bytes: undefined })
      expect(send('getEvents', { eventsVersion: 3, from: 0, count: 10 }).items).toEqual(whole('getEvents', { eventsVersion: 3, from: 0, count: 10 }).items)
      const [a, b] = [send('run', query), whole('run', query)]
      expect(a.matchedIndexes).toEqual(b.matchedIndexes)
      // the histogram's timestamps were read during the load
      expect(a.histogram).toEqual(b.histogram)
      expect(a.histogram?.all.reduce((x, y) => x + y, 0)).toBe(5)
    })
  }

  it('a run with mappings over a streamed set types the fields the mappings leave out as the whole text does', () => {
    const { send } = streamed(7)
    const withMappings = { ...query, settings: { mappings: { 'custom.n': 'keyword' } } }
    const a = send('run', withMappings)
    const b = whole('run', withMappings)
    expect(a.diagnostics).toEqual(b.diagnostics)
    expect(a.matchedIndexes).toEqual(b.matchedIndexes)
  })
})

describe('GrowingTimes', () => {
  it('keeps every value pushed across its doublings, NaN included', () => {
    const t = new GrowingTimes()
    for (let i = 0; i < 3000; i++) t.push(i === 7 ? NaN : i * 2)
    const out = t.finish()
    expect(out.length).toBe(3000)
    expect([out[0], out[6], out[2999]]).toEqual([0, 12, 5998])
    expect(Number.isNaN(out[7])).toBe(true)
  })
})
