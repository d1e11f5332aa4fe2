import { describe, expect, it } from 'vitest'
import type { Outcome } from '../worker/client'
import type { Analysis } from '../worker/protocol'
import { currentAnalysis } from './analysis-slice'
import { connectAnalysis, type AnalyzeEngine } from './effects-analysis'
import { createPlaygroundStore } from './store'
import { ManualTimers } from './manual-timers'
import { fakeRunReport } from './fake-run-report'

/** An engine whose analyze replies the test releases by hand. */
class FakeEngine implements AnalyzeEngine {
  readonly asked: { query: string; resolve: (o: Outcome<Analysis>) => void }[] = []
  analyze(body: Parameters<AnalyzeEngine['analyze']>[0]): Promise<Outcome<Analysis>> {
    return new Promise((resolve) => this.asked.push({ query: body.query, resolve }))
  }
}

const report = fakeRunReport
const analysis = (query: string, over: Partial<Analysis> = {}): Analysis => ({
  query,
  language: 'eql',
  eventsVersion: 1,
  eventCount: 2,
  diagnostics: [],
  coverage: [],
  nearMisses: [{ eventIndex: 1, filter: 'query', span: { start: 14, end: 18 }, text: 'a==1', leafSpan: { start: 14, end: 18 }, leafText: 'a==1' }],
  nearMissTotal: 1,
  excluded: [],
  excludedTotal: 0,
  stopped: false,
  ...over,
})
const tick = () => new Promise((r) => setTimeout(r, 0))

function setup() {
  const store = createPlaygroundStore({ query: 'any where a==1 and b==2', eventsText: '{}' })
  const engine = new FakeEngine()
  const timers = new ManualTimers()
  const stop = connectAnalysis(store, engine, { timers })
  return { store, engine, timers, stop }
}

describe('connectAnalysis', () => {
  it('analyzes the current query once its run finished, after the debounce', async () => {
    const { store, engine, timers } = setup()
    const q = store.getState().query
    store.getState().finishRun(report(q))
    expect(engine.asked).toHaveLength(0)
    timers.flush()
    expect(engine.asked.map((a) => a.query)).toEqual([q])
    engine.asked[0]?.resolve({ status: 'ok', result: analysis(q) })
    await tick()
    expect(currentAnalysis(store.getState())?.nearMisses[0]?.eventIndex).toBe(1)
  })

  it('drops a reply when the query changed while the worker was scanning', async () => {
    const { store, engine, timers } = setup()
    const q = store.getState().query
    store.getState().finishRun(report(q))
    timers.flush()
    store.getState().editQuery('any where a==2')
    engine.asked[0]?.resolve({ status: 'ok', result: analysis(q) })
    await tick()
    expect(store.getState().analysis).toBeNull()
  })

  it('does not analyze a query with errors, and clears the previous analysis', async () => {
    const { store, engine, timers } = setup()
    const q = store.getState().query
    store.getState().finishAnalysis(analysis(q))
    const error = { code: 'EQL1001', severity: 'error' as const, message: 'x', span: { start: 0, end: 1 } }
    store.getState().finishRun(report(q, { diagnostics: [error], result: null }))
    timers.flush()
    expect(engine.asked).toHaveLength(0)
    expect(store.getState().analysis).toBeNull()
  })

  it('skips a report of older text (the user typed on) until the run of the new text', () => {
    const { store, engine, timers } = setup()
    store.getState().editQuery('any where a==3')
    store.getState().finishRun(report('any where a==1 and b==2'))
    timers.flush()
    expect(engine.asked).toHaveLength(0)
    store.getState().finishRun(report('any where a==3'))
    timers.flush()
    expect(engine.asked.map((a) => a.query)).toEqual(['any where a==3'])
  })

  it('stops asking once disconnected', () => {
    const { store, engine, timers, stop } = setup()
    stop()
    store.getState().finishRun(report(store.getState().query))
    timers.flush()
    expect(engine.asked).toHaveLength(0)
  })
})

describe('currentAnalysis', () => {
  it('hides an analysis of another text, language or event set', () => {
    const store = createPlaygroundStore({ query: 'q1' })
    store.getState().finishAnalysis(analysis('q1'))
    expect(currentAnalysis(store.getState())).not.toBeNull()
    store.getState().finishRun(report('q1', { eventsVersion: 2 }))
    expect(currentAnalysis(store.getState())).toBeNull()
    store.getState().finishAnalysis(analysis('q1', { eventsVersion: 2 }))
    expect(currentAnalysis(store.getState())).not.toBeNull()
    store.getState().editQuery('q2')
    expect(currentAnalysis(store.getState())).toBeNull()
    store.getState().clearAnalysis()
    expect(store.getState().analysis).toBeNull()
  })
})
