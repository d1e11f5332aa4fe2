import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql, compileKql, eqlSettings, formatKql, parseEventsText, runEql, runKql } from '../engine'
import type { CompletionRequest } from '../engine/complete'
import { formatEql } from '../engine/eql/parser'
import { createEventsReader } from '../engine/events/events-reader'
import { createHandler, type EngineApi } from './handle'
import { PROTOCOL_VERSION, type Reply, type Request, type ResultMap } from './protocol'

/** The request kinds beyond setEvents/run, over the real engine (the path the page takes). */
const engine = { buildSchema, compileEql, compileKql, eqlSettings, formatEql, formatKql, parseEventsText, runEql, runKql, createEventsReader }

type Body<K extends Request['kind']> = Omit<Extract<Request, { kind: K }>, 'id' | 'protocol' | 'kind'>

function setup(api: EngineApi<unknown, unknown> = engine as EngineApi<unknown, unknown>) {
  const handle = createHandler(api, { now: () => 0 })
  let id = 1
  const send = <K extends Request['kind']>(kind: K, body: Body<K>): Reply => handle({ ...body, kind, id: id++, protocol: PROTOCOL_VERSION })
  const ok = <K extends Request['kind']>(kind: K, body: Body<K>): ResultMap[K] => {
    const r = send(kind, body)
    if (!r.ok) throw new Error(`${kind} failed: ${r.failure.code} ${r.failure.message}`)
    return r.result as ResultMap[K]
  }
  return { send, ok }
}

const ev = (i: number, name: string) => ({ '@timestamp': new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), event: { category: 'process' }, process: { name } })
const ndjson = (names: string[]) => names.map((n, i) => JSON.stringify(ev(i, n))).join('\n') + '\n'

describe('streamed events', () => {
  it('reads UTF-8 bytes cut anywhere, reports bad lines with their numbers, and commits on end', () => {
    const { ok } = setup()
    const text = ndjson(['a', 'é', 'b']) + '{broken\n' + JSON.stringify(ev(9, 'c')) + '\n'
    const bytes = new TextEncoder().encode(text)
    expect(ok('beginEvents', { datasetVersion: 5, name: 'x.ndjson', size: bytes.length })).toMatchObject({ bytes: 0, events: 0 })
    let last = { bytes: 0, events: 0, problems: 0 }
    for (let at = 0; at < bytes.length; at += 13) {
      last = ok('appendEvents', { datasetVersion: 5, chunk: bytes.slice(at, at + 13).buffer })
    }
    expect(last.bytes).toBe(bytes.length)
    // before `endEvents` the old (empty) dataset is still current
    expect(ok('getEvents', { eventsVersion: 0, from: 0, count: 10 }).total).toBe(0)
    const loaded = ok('endEvents', { datasetVersion: 5 })
    expect(loaded).toMatchObject({ version: 5, eventCount: 4, name: 'x.ndjson', bytes: bytes.length, problems: [{ line: 4 }], problemCount: 1 })
    const window = ok('getEvents', { eventsVersion: 5, from: 1, count: 1 })
    expect(window.items).toEqual([[1, ev(1, 'é')]])
  })

  it('cancel drops the load and keeps the previous dataset; later chunks of it are refused', () => {
    const { ok, send } = setup()
    ok('setEvents', { version: 1, text: ndjson(['a']) })
    ok('beginEvents', { datasetVersion: 2, name: 'big', size: 0 })
    ok('appendEvents', { datasetVersion: 2, chunk: ndjson(['b', 'c']) })
    expect(ok('cancelEvents', { datasetVersion: 2 })).toEqual({ datasetVersion: 2, cancelled: true })
    expect(ok('cancelEvents', { datasetVersion: 2 })).toEqual({ datasetVersion: 2, cancelled: false })
    expect(send('appendEvents', { datasetVersion: 2, chunk: 'x' })).toMatchObject({ ok: false, failure: { code: 'unknown-events' } })
    expect(send('endEvents', { datasetVersion: 2 })).toMatchObject({ ok: false, failure: { code: 'unknown-events' } })
    expect(ok('getEvents', { eventsVersion: 1, from: 0, count: 5 }).total).toBe(1)
  })
})

describe('run reports and event windows', () => {
  const events = ndjson(['cmd.exe', 'sh', 'cmd.exe', 'ls'])

  it('EQL: matched indexes, hits and a histogram of all and matched events', () => {
    const { ok } = setup()
    ok('setEvents', { version: 1, text: events + '{"no":"timestamp"}\n' })
    const r = ok('run', { eventsVersion: 1, language: 'eql', query: 'process where process.name == "cmd.exe"', settings: {}, displayLimit: 1, histogramBuckets: 4 })
    expect(r.matchedIndexes).toEqual([0, 2])
    expect(r.events.map(([i]) => i)).toEqual([0])
    expect(r.eventHits[0]?.hits.map((h) => h.field)).toContain('process.name')
    // the hits of any other row come with its window, for the report's run
    const win = ok('getEvents', { eventsVersion: 1, from: 1, count: 2, runId: r.runId })
    expect(win.hits?.runId).toBe(r.runId)
    expect(win.hits?.items[0]).toBeNull()
    expect(win.hits?.items[1]?.hits.map((h) => h.field)).toContain('process.name')
    expect(r.histogram).toMatchObject({ field: '@timestamp', bucketMs: 751, all: [1, 1, 1, 1], matched: [1, 0, 1, 0], undated: 1, undatedMatched: 0 })
  })

  it('a run over its budget is stopped by the worker itself, which keeps its events', () => {
    let clock = 0
    const handle = createHandler(engine as EngineApi<unknown, unknown>, { now: () => clock++ })
    handle({ id: 1, protocol: PROTOCOL_VERSION, kind: 'setEvents', version: 1, text: events })
    const run = (id: number, budgetMs?: number) =>
      handle({ id, protocol: PROTOCOL_VERSION, kind: 'run', eventsVersion: 1, language: 'eql', query: 'process where true', settings: {}, displayLimit: 1, ...(budgetMs === undefined ? {} : { budgetMs }) })
    expect(run(2, 0)).toMatchObject({ ok: false, failure: { code: 'timeout', message: expect.stringMatching(/^The query ran longer than 0 ms and was stopped/) } })
    expect(run(3)).toMatchObject({ ok: true, result: { matchedIndexes: [0, 1, 2, 3] } })
  })

  it('KQL runs with its own settings', () => {
    const { ok } = setup()
    ok('setEvents', { version: 1, text: events })
    const r = ok('run', { eventsVersion: 1, language: 'kql', query: 'process.name : cmd.exe or process.name : ls', settings: { kql: { dateFormatTZ: 'UTC' } }, displayLimit: 10 })
    expect(r.language).toBe('kql')
    expect(r.matchedIndexes).toEqual([0, 2, 3])
  })

  it('getEvents by indexes (only matches) skips indexes out of range and refuses an unknown version', () => {
    const { ok, send } = setup()
    ok('setEvents', { version: 3, text: events })
    expect(ok('getEvents', { eventsVersion: 3, from: 0, count: 0, indexes: [3, 9, 0] }).items.map(([i]) => i)).toEqual([3, 0])
    expect(ok('getEvents', { eventsVersion: 3, from: 2, count: 10 }).items.map(([i]) => i)).toEqual([2, 3])
    expect(send('getEvents', { eventsVersion: 2, from: 0, count: 1 })).toMatchObject({ ok: false, failure: { code: 'unknown-events' } })
  })
})

describe('editor requests', () => {
  it('format prints both languages and says why it cannot', () => {
    const { ok } = setup()
    expect(ok('format', { language: 'eql', text: 'process   where true' }).formatted).toBe('process where true')
    expect(ok('format', { language: 'eql', text: 'process where (' })).toEqual({ formatted: null, reason: 'errors' })
    expect(ok('format', { language: 'kql', text: 'a:1   and b:2' })).toEqual({ formatted: 'a:1 and b:2', reason: null })
    expect(ok('format', { language: 'kql', text: 'a:(' })).toEqual({ formatted: null, reason: 'errors' })
  })

  it('complete and hover fail not-available without the completion engine, and map its answers with it', () => {
    expect(setup().send('complete', { language: 'eql', text: 'pro', offset: 3 })).toMatchObject({ ok: false, failure: { code: 'not-available' } })
    const asked: CompletionRequest[] = []
    const withCompletion = {
      ...engine,
      collectFieldValues: () => ({ fields: [{ name: 'process.name', count: 1, values: ['sh'] }], scanned: 1 }),
      completeAt: (req: CompletionRequest) => {
        asked.push(req)
        return { items: [{ label: 'process', kind: 'category' as const, insertText: 'process', sortText: '0' }], replace: { start: 0, end: 3 } }
      },
      hoverAt: () => ({ contents: '**process.name**', range: { start: 0, end: 4 } }),
    }
    const { ok } = setup(withCompletion as EngineApi<unknown, unknown>)
    ok('setEvents', { version: 1, text: ndjson(['sh']) })
    expect(ok('complete', { language: 'eql', text: 'pro', offset: 3 })).toEqual({ replace: { start: 0, end: 3 }, entries: [{ label: 'process', kind: 'category', insertText: 'process', sortText: '0' }] })
    expect(asked[0]?.seen?.fields[0]?.name).toBe('process.name')
    expect(ok('hover', { language: 'kql', text: 'proc', offset: 1 })).toEqual({ span: { start: 0, end: 4 }, contents: ['**process.name**'] })
  })
})
