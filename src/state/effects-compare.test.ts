import { describe, expect, it } from 'vitest'
import type { Outcome } from '../worker/client'
import type { CompareReport } from '../worker/protocol'
import type { CompareRequestFields } from '../worker/protocol-compare'
import { currentComparison, type CompareOther } from './compare-slice'
import { connectCompare, type CompareEngine } from './effects-compare'
import { ManualTimers } from './manual-timers'
import { createPlaygroundStore } from './store'
import { fakeRunReport } from './fake-run-report'

/** An engine whose compare replies the test releases by hand. */
class FakeEngine implements CompareEngine {
  readonly asked: { body: Pick<CompareRequestFields, 'a' | 'b'>; resolve: (o: Outcome<CompareReport>) => void }[] = []
  compare(body: Parameters<CompareEngine['compare']>[0]): Promise<Outcome<CompareReport>> {
    return new Promise((resolve) => this.asked.push({ body, resolve }))
  }
}

const report = fakeRunReport

const PIN: CompareOther = { language: 'eql', query: 'any where a == 2', label: 'Pinned baseline', source: 'pin' }

const comparison = (a: string, b: string, eventsVersion = 1): CompareReport => {
  const side = (query: string, matched: number[]) => ({ language: 'eql' as const, query, diagnostics: [], ran: true, resultKind: 'events' as const, matched })
  const reason = (match: boolean) => ({ match, clause: null, summary: match ? 'matches' : 'no match' })
  return {
    eventsVersion,
    eventCount: 2,
    a: side(a, [0]),
    b: side(b, [1]),
    comparable: true,
    disagreements: [
      { eventIndex: 0, matchedBy: 'a', summary: '{}', a: reason(true), b: reason(false) },
      { eventIndex: 1, matchedBy: 'b', summary: '{}', a: reason(false), b: reason(true) },
    ],
    disagreementTotal: 2,
    stopped: false,
  }
}
const tick = () => new Promise((r) => setTimeout(r, 0))

function setup() {
  const store = createPlaygroundStore({ query: 'any where a == 1', eventsText: '{}' })
  const engine = new FakeEngine()
  const timers = new ManualTimers()
  const stop = connectCompare(store, engine, { timers })
  store.getState().finishRun(report(store.getState().query))
  return { store, engine, timers, stop }
}

describe('connectCompare', () => {
  it('compares nothing while the panel is closed', () => {
    const { store, engine, timers } = setup()
    store.getState().setCompareOther(PIN)
    store.getState().finishRun(report(store.getState().query))
    timers.flush()
    expect(engine.asked).toHaveLength(0)
  })

  it('compares the current query with the other version once the panel opens, and stores the answer', async () => {
    const { store, engine, timers } = setup()
    store.getState().openCompare(PIN)
    expect(store.getState().openPanel).toBe('compare')
    timers.flush()
    expect(engine.asked.map((x) => [x.body.a.query, x.body.b.query])).toEqual([['any where a == 1', PIN.query]])
    expect(store.getState().compareStatus).toBe('running')
    engine.asked[0]?.resolve({ status: 'ok', result: comparison('any where a == 1', PIN.query) })
    await tick()
    expect(store.getState().compareStatus).toBe('idle')
    expect(currentComparison(store.getState())?.disagreementTotal).toBe(2)
  })

  it('compares again after an edit has run, debounced, and drops the answer for the old text', async () => {
    const { store, engine, timers } = setup()
    store.getState().openCompare(PIN)
    timers.flush()
    store.getState().editQuery('any where a == 3')
    engine.asked[0]?.resolve({ status: 'ok', result: comparison('any where a == 1', PIN.query) })
    await tick()
    expect(store.getState().compareReport).toBeNull()
    // the edit's run finishes: one new comparison after the quiet time
    store.getState().finishRun(report('any where a == 3'))
    expect(engine.asked).toHaveLength(1)
    timers.flush()
    expect(engine.asked.map((x) => x.body.a.query)).toEqual(['any where a == 1', 'any where a == 3'])
  })

  it('compares again when the other version changes, and hides a report of the previous one', async () => {
    const { store, engine, timers } = setup()
    store.getState().openCompare(PIN)
    timers.flush()
    engine.asked[0]?.resolve({ status: 'ok', result: comparison('any where a == 1', PIN.query) })
    await tick()
    const pasted: CompareOther = { language: 'kql', query: 'a:4', label: 'Pasted query', source: 'pasted' }
    store.getState().setCompareOther(pasted)
    expect(currentComparison(store.getState())).toBeNull()
    timers.flush()
    expect(engine.asked[1]?.body.b).toMatchObject({ language: 'kql', query: 'a:4' })
  })

  it('says why when the worker could not compare', async () => {
    const { store, engine, timers } = setup()
    store.getState().openCompare(PIN)
    timers.flush()
    engine.asked[0]?.resolve({ status: 'failed', failure: { code: 'timeout', message: 'over budget' } })
    await tick()
    expect(store.getState().compareStatus).toBe('failed')
    expect(store.getState().compareFailure).toBe('over budget')
  })

  it('sends the document exception items with side A only', () => {
    const { store, engine, timers } = setup()
    store.getState().setExceptions([{ name: 'x', entries: [{ field: 'a', type: 'exists', operator: 'included' }] }])
    store.getState().finishRun(report(store.getState().query))
    store.getState().openCompare(PIN)
    timers.flush()
    expect(engine.asked[0]?.body.a.exceptions).toHaveLength(1)
    expect(engine.asked[0]?.body.b.exceptions).toBeUndefined()
  })

  it('stops comparing once disconnected', () => {
    const { store, engine, timers, stop } = setup()
    store.getState().openCompare(PIN)
    stop()
    timers.flush()
    expect(engine.asked).toHaveLength(0)
  })

  it('waits a longer quiet time over a large event set (a comparison there would hold up the next keystroke)', () => {
    const store = createPlaygroundStore({ query: 'any where a == 1', eventsText: '{}' })
    const manual = new ManualTimers()
    const delays: number[] = []
    const timers = { setTimeout: (fn: () => void, ms: number) => (delays.push(ms), manual.setTimeout(fn)), clearTimeout: () => manual.clearTimeout() }
    connectCompare(store, new FakeEngine(), { timers, largeDebounceMs: 700 })
    store.getState().openCompare(PIN)
    store.getState().finishRun(report(store.getState().query, { eventCount: 200_000 }))
    store.getState().finishRun(report(store.getState().query, { eventCount: 10 }))
    expect(delays.slice(-2)).toEqual([700, 250])
  })
})
