import { describe, expect, it } from 'vitest'
import type { Diagnostic, EqlSettings, RunOutput, Schema } from '../engine'
import { createHandler, pickEvents, type EngineApi } from './handle'
import { PROTOCOL_VERSION, type Reply } from './protocol'

/**
 * The dispatcher over a scripted engine: protocol behaviour (dataset versions, failures, engine
 * bugs) independent of the real engine, whose end-to-end path is covered in handle.engine.test.ts.
 */
const schema: Schema = { get: () => undefined, resolve: () => undefined, names: () => [] }
const syntaxError: Diagnostic = { code: 'EQL1001', severity: 'error', message: 'bad', span: { start: 0, end: 1 } }

function fakeEngine(overrides: Partial<EngineApi<string>> = {}): EngineApi<string> & { schemaBuilds: number } {
  const api = {
    schemaBuilds: 0,
    parseEventsText: (text: string) => ({ events: text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown), problems: [] }),
    buildSchema: () => {
      api.schemaBuilds++
      return { schema, diagnostics: [] }
    },
    compileEql: (text: string) => (text === 'bad' ? { program: null, diagnostics: [syntaxError] } : { program: text, diagnostics: [] }),
    runEql: (program: string, events: readonly unknown[]): RunOutput => ({
      result: { kind: 'events', events: events.flatMap((e, index) => (JSON.stringify(e).includes(program) ? [{ index, hits: [{ field: 'n', span: { start: 0, end: program.length } }] }] : [])) },
      diagnostics: [],
      eventCount: events.length,
    }),
    eqlSettings: (p: Partial<EqlSettings>) => ({ ...p }) as EqlSettings,
    ...overrides,
  }
  return api
}

const base = { protocol: PROTOCOL_VERSION }
const run = (id: number, query: string, eventsVersion: number) => ({ ...base, id, kind: 'run', language: 'eql', query, eventsVersion, settings: {}, displayLimit: 10 })

function ok<K extends Reply>(reply: K): Extract<Reply, { ok: true }> {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.failure.code}: ${reply.failure.message}`)
  return reply
}

describe('createHandler', () => {
  it('answers ping with the protocol version', () => {
    expect(createHandler(fakeEngine())({ ...base, id: 1, kind: 'ping' })).toEqual({ id: 1, ok: true, kind: 'ping', result: { protocol: PROTOCOL_VERSION } })
  })

  it('loads events once and runs queries against them by version, building the schema once', () => {
    const engine = fakeEngine()
    const handle = createHandler(engine, { now: () => 5 })
    const loaded = ok(handle({ ...base, id: 1, kind: 'setEvents', version: 7, text: '{"n":"evil"}\n{"n":"fine"}' }))
    expect(loaded.result).toMatchObject({ version: 7, eventCount: 2, problems: [] })
    const r1 = ok(handle(run(2, 'evil', 7)))
    const r2 = ok(handle(run(3, 'fine', 7)))
    expect(r1.kind === 'run' && r1.result.events).toEqual([[0, { n: 'evil' }]])
    expect(r2.kind === 'run' && r2.result.events).toEqual([[1, { n: 'fine' }]])
    expect(engine.schemaBuilds).toBe(1)
  })

  it('returns compile diagnostics as a successful result without running', () => {
    const reply = ok(createHandler(fakeEngine())(run(1, 'bad', 0)))
    expect(reply.kind === 'run' && reply.result).toMatchObject({ query: 'bad', result: null, diagnostics: [syntaxError], events: [] })
  })

  it('refuses a run on a dataset it does not hold', () => {
    expect(createHandler(fakeEngine())(run(4, 'x', 3))).toMatchObject({ id: 4, ok: false, failure: { code: 'unknown-events' } })
  })

  it('turns an engine exception into an engine-bug failure and keeps the old dataset', () => {
    let explode = false
    const engine = fakeEngine({
      parseEventsText: (text) => {
        if (explode) throw new Error('kaboom')
        return { events: [JSON.parse(text) as unknown], problems: [] }
      },
      runEql: () => {
        throw new TypeError('undefined is not a function')
      },
    })
    const handle = createHandler(engine)
    ok(handle({ ...base, id: 1, kind: 'setEvents', version: 1, text: '{"a":1}' }))
    explode = true
    expect(handle({ ...base, id: 2, kind: 'setEvents', version: 2, text: 'x' })).toMatchObject({ id: 2, ok: false, failure: { code: 'engine-bug', message: expect.stringContaining('kaboom') } })
    expect(handle(run(3, 'a', 1))).toMatchObject({ id: 3, ok: false, failure: { code: 'engine-bug', message: expect.stringContaining('undefined is not a function') } })
  })

  it('refuses malformed requests and other protocol versions without throwing', () => {
    const handle = createHandler(fakeEngine())
    expect(handle(null)).toMatchObject({ id: -1, ok: false, failure: { code: 'bad-request' } })
    expect(handle({ id: 1, protocol: 999, kind: 'ping' })).toMatchObject({ id: 1, ok: false, failure: { code: 'bad-request', message: expect.stringContaining('999') } })
    expect(handle({ ...base, id: 2, kind: 'explode' })).toMatchObject({ id: 2, ok: false, failure: { code: 'bad-request' } })
    expect(handle({ ...base, id: 3, kind: 'run', query: 1 })).toMatchObject({ id: 3, ok: false, failure: { code: 'bad-request' } })
    expect(handle({ ...base, id: 4, kind: 'getEvents', eventsVersion: 0, from: 0, count: 1, runId: 'x' })).toMatchObject({ id: 4, ok: false, failure: { code: 'bad-request' } })
    expect(handle({ ...base, id: 5, kind: 'hitSpans', eventsVersion: 0 })).toMatchObject({ id: 5, ok: false, failure: { code: 'bad-request' } })
    expect(handle({ ...base, id: 6, kind: 'hitSpans', eventsVersion: 0, runId: 1 })).toMatchObject({ id: 6, ok: true, result: { runId: 1, spans: null } })
  })

  it('without on-demand hits in the engine, windows answer the hits its runs collected', () => {
    const handle = createHandler(fakeEngine())
    handle({ ...base, id: 1, kind: 'setEvents', version: 1, text: '{"n":"evil"}\n{"n":"fine"}\n{"n":"evil 2"}' })
    const run = handle({ ...base, id: 2, kind: 'run', eventsVersion: 1, language: 'eql', query: 'evil', settings: {}, displayLimit: 1 })
    if (!run.ok || run.kind !== 'run') throw new Error('run failed')
    expect(run.result.matchedIndexes).toEqual([0, 2])
    const hits = [{ field: 'n', span: { start: 0, end: 4 } }]
    expect(run.result.eventHits).toEqual([{ hits }])
    const win = handle({ ...base, id: 3, kind: 'getEvents', eventsVersion: 1, from: 0, count: 3, runId: run.result.runId })
    expect(win).toMatchObject({ ok: true, result: { hits: { runId: run.result.runId, items: [{ hits }, null, { hits }] } } })
  })
})

describe('pickEvents', () => {
  const events = ['a', 'b', 'c', 'd']
  it('collects sequence events in order, skipping missing placeholders and duplicates, up to the limit', () => {
    const result = {
      kind: 'sequences' as const,
      sequences: [
        { joinKeys: ['h'], events: [{ index: 2, hits: [] }, { missing: true as const }] },
        { joinKeys: ['h'], events: [{ index: 2, hits: [] }, { index: 0, hits: [] }, { index: 3, hits: [] }] },
      ],
    }
    expect(pickEvents(result, events, 10)).toEqual([[2, 'c'], [0, 'a'], [3, 'd']])
    expect(pickEvents(result, events, 2)).toEqual([[2, 'c'], [0, 'a']])
    expect(pickEvents(null, events, 2)).toEqual([])
  })
})
