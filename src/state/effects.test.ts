import { describe, expect, it } from 'vitest'
import type { Outcome, RunOptions } from '../worker/client'
import type { EventsLoaded, RunReport, RunSettings } from '../worker/protocol'
import { connectEngine, runSettingsOf, type EngineLike } from './effects'
import { createPlaygroundStore } from './store'
import { fakeRunReport } from './fake-run-report'
import { ManualTimers } from './manual-timers'

/** An engine whose replies the test releases by hand, recording what it was asked. */
class FakeEngine implements EngineLike {
  readonly calls: string[] = []
  readonly runs: { query: string; resolve: (o: Outcome<RunReport>) => void }[] = []
  budget = 0
  setRunBudget(ms: number): void {
    this.budget = ms
  }
  setEvents(text: string): Promise<Outcome<EventsLoaded>> {
    this.calls.push(`events:${text}`)
    return Promise.resolve({ status: 'ok', result: { version: 1, eventCount: 1, problems: [], schemaDiagnostics: [] } })
  }
  run(query: string, _settings?: RunSettings, options?: RunOptions | number): Promise<Outcome<RunReport>> {
    const language = typeof options === 'object' ? options.language : undefined
    this.calls.push(language === 'kql' ? `kql:${query}` : `run:${query}`)
    return new Promise((resolve) => this.runs.push({ query, resolve }))
  }
}

const report = (over: Partial<RunReport> = {}): RunReport => fakeRunReport('q', { eventCount: 1, ...over })
const tick = () => new Promise((r) => setTimeout(r, 0))

function setup(options: { largeEventsChars?: number } = {}) {
  const store = createPlaygroundStore({ query: 'any where true', eventsText: '{}' })
  const engine = new FakeEngine()
  const timers = new ManualTimers()
  const stop = connectEngine(store, engine, { timers, ...options })
  return { store, engine, timers, stop }
}

const ok = (over: Partial<RunReport> = {}): Outcome<RunReport> => ({ status: 'ok', result: report(over) })

describe('connectEngine', () => {
  it('runs an edit at once; while a run is in flight keeps only the latest edit and sends it with the reply', async () => {
    const { store, engine, timers } = setup()
    timers.flush() // the first run waits for the page's start-up
    expect(engine.calls).toEqual(['events:{}', 'run:any where true'])
    store.getState().editQuery('process where true')
    store.getState().editQuery('process where false')
    expect(engine.calls).toHaveLength(2) // one run in flight at a time
    engine.runs[0]?.resolve(ok())
    await tick()
    expect(engine.calls).toEqual(['events:{}', 'run:any where true', 'run:process where false'])
    engine.runs[1]?.resolve(ok())
    await tick()
    store.getState().editQuery('file where true')
    expect(engine.calls.at(-1)).toBe('run:file where true') // idle: no waiting at all
    expect(timers.pending).toBeNull()
  })

  it('applies a result only when no input changed since it was requested', async () => {
    const { store, engine, timers } = setup()
    timers.flush()
    store.getState().editQuery('newer')
    engine.runs[0]?.resolve(ok())
    await tick()
    expect(store.getState()).toMatchObject({ status: 'running', report: null })
    expect(engine.calls.at(-1)).toBe('run:newer')
    engine.runs[1]?.resolve(ok({ eventCount: 9 }))
    await tick()
    expect(store.getState()).toMatchObject({ status: 'idle', report: { eventCount: 9 } })
  })

  it('shows error status for error diagnostics and for failures', async () => {
    const { store, engine, timers } = setup()
    timers.flush()
    const diag = { code: 'EQL1001', severity: 'error' as const, message: 'x', span: { start: 0, end: 1 } }
    engine.runs[0]?.resolve(ok({ diagnostics: [diag], result: null }))
    await tick()
    expect(store.getState().status).toBe('error')
    store.getState().editQuery('slow')
    engine.runs[1]?.resolve({ status: 'failed', failure: { code: 'timeout', message: 'stopped' } })
    await tick()
    expect(store.getState()).toMatchObject({ status: 'error', report: null, failure: { code: 'timeout' } })
  })

  it('a failed or superseded run still sends the edit kept meanwhile', async () => {
    const { store, engine, timers } = setup()
    timers.flush()
    store.getState().editQuery('kept')
    engine.runs[0]?.resolve({ status: 'superseded' })
    await tick()
    expect(engine.calls.at(-1)).toBe('run:kept')
  })

  it('passes the run budget to the engine and stops on unsubscribe', async () => {
    const { store, engine, timers, stop } = setup()
    store.getState().changeRunBudget(250)
    timers.flush()
    expect(engine.budget).toBe(250)
    store.getState().editQuery('kept, then stopped')
    stop()
    engine.runs[0]?.resolve(ok())
    await tick()
    store.getState().editQuery('ignored')
    timers.flush()
    expect(engine.calls).toEqual(['events:{}', 'run:any where true'])
  })

  it('an empty query runs nothing and is idle', () => {
    const { store, engine, timers } = setup()
    store.getState().editQuery('   ')
    timers.flush()
    expect(engine.calls).toEqual(['events:{}'])
    expect(store.getState().status).toBe('idle')
  })

  it('runNow runs at once, even with a run in flight, and the older reply sends nothing more', async () => {
    const { store, engine, timers } = setup()
    timers.flush()
    store.getState().editQuery('process where true')
    store.getState().runNow()
    expect(engine.calls).toEqual(['events:{}', 'run:any where true', 'run:process where true'])
    engine.runs[0]?.resolve({ status: 'superseded' })
    engine.runs[1]?.resolve(ok())
    await tick()
    expect(engine.calls).toHaveLength(3)
    expect(store.getState().status).toBe('idle')
  })

  it('switching the language re-runs with that language', async () => {
    const { store, engine, timers } = setup()
    timers.flush()
    engine.runs[0]?.resolve(ok())
    await tick()
    store.getState().setLanguage('kql')
    expect(store.getState().status).toBe('running')
    expect(engine.calls).toEqual(['events:{}', 'run:any where true', 'kql:any where true'])
  })

  it('small event texts are sent with the edit; a large one waits for a quiet time, taking query edits along', async () => {
    const { store, engine, timers } = setup({ largeEventsChars: 10 })
    timers.flush()
    engine.runs[0]?.resolve(ok())
    await tick()
    store.getState().editEvents('{"a":1}')
    expect(engine.calls.slice(-2)).toEqual(['events:{"a":1}', 'run:any where true'])
    engine.runs[1]?.resolve(ok())
    await tick()
    const big = '{"a":1}\n{"a":2}'
    store.getState().editEvents(big)
    store.getState().editQuery('process where true')
    expect(engine.calls).toHaveLength(4)
    timers.flush()
    expect(engine.calls.slice(-2)).toEqual([`events:${big}`, 'run:process where true'])
  })

  it('sends KQL now and the field-type table with the run settings', () => {
    expect(runSettingsOf({ settings: { size: 2 }, kqlSettings: { mappings: {}, now: null } })).toEqual({ size: 2 })
    expect(runSettingsOf({ settings: {}, kqlSettings: { mappings: { 'source.port': 'long' }, now: '2026-01-01T00:00:00Z' } })).toEqual({
      kql: { now: '2026-01-01T00:00:00Z' },
      mappings: { 'source.port': 'long' },
    })
  })

  it('does not send the text over a file that is loading or loaded (a restored document streams its file again)', async () => {
    const store = createPlaygroundStore({ query: 'any where true', eventsText: 'typed text' })
    const engine = new FakeEngine()
    const timers = new ManualTimers()
    connectEngine(store, engine, { timers })
    const file = new File(['{}'], 'big.ndjson')
    store.getState().loadEventsFiles([file])
    store.getState().progressEventsLoad({ name: 'big.ndjson', size: 2, bytes: 0, events: 0, problems: 0 })
    timers.flush()
    store.getState().finishEventsLoad({ name: 'big.ndjson', size: 2 }, { version: 1, eventCount: 1, problems: [], schemaDiagnostics: [] })
    engine.runs[0]?.resolve(ok())
    await tick()
    store.getState().editQuery('process where true')
    expect(engine.calls).toEqual(['run:any where true', 'run:process where true'])
    engine.runs[1]?.resolve(ok())
    await tick()
    // Editing the text makes the text the dataset again.
    store.getState().editEvents('{"a":1}')
    expect(engine.calls.at(-2)).toBe('events:{"a":1}')
  })
})
