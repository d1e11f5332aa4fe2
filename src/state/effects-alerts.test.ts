import { describe, expect, it } from 'vitest'
import { DEFAULT_SCHEDULE, type RuleDocument } from '../engine'
import { EMPTY_TOTALS } from '../engine/alerts/simulate-rule-types'
import type { Outcome } from '../worker/client'
import type { AlertsReport, AlertsRequestFields } from '../worker/protocol'
import { alertsReportFor } from './alerts-slice'
import { connectAlerts, type AlertsEngine } from './effects-alerts'
import { ManualTimers } from './manual-timers'
import { createPlaygroundStore } from './store'
import { fakeRunReport } from './fake-run-report'

type Body = Omit<AlertsRequestFields, 'kind' | 'eventsVersion' | 'budgetMs'>

/** An engine whose alerts replies the test releases by hand. */
class FakeEngine implements AlertsEngine {
  readonly asked: { body: Body; resolve: (o: Outcome<AlertsReport>) => void }[] = []
  alerts(body: Body): Promise<Outcome<AlertsReport>> {
    return new Promise((resolve) => this.asked.push({ body, resolve }))
  }
}

const report = fakeRunReport

const simulated = (query: string, alerts: number, eventsVersion = 1): AlertsReport => ({
  eventsVersion,
  query,
  language: 'eql',
  simulation: { ruleType: 'eql', schedule: DEFAULT_SCHEDULE, executions: [], alerts: [], totals: { ...EMPTY_TOTALS, alerts }, diagnostics: [], stopped: false },
  alertsTruncated: false,
})

const RULE: RuleDocument = { name: 'R', type: 'eql', language: 'eql', query: 'any where a == 1', interval: '5m', from: 'now-6m', extra: {} }

const tick = () => new Promise((r) => setTimeout(r, 0))

function setup() {
  const store = createPlaygroundStore({ query: 'any where a == 1', eventsText: '{}' })
  const engine = new FakeEngine()
  const timers = new ManualTimers()
  const stop = connectAlerts(store, engine, { timers })
  store.getState().finishRun(report(store.getState().query))
  return { store, engine, timers, stop }
}

describe('connectAlerts', () => {
  it('simulates nothing while the view is closed', () => {
    const { store, engine, timers } = setup()
    store.getState().editAbout({ rule: RULE })
    store.getState().setAlertsAnchor(60_000)
    store.getState().finishRun(report(store.getState().query))
    timers.flush()
    expect(engine.asked).toHaveLength(0)
  })

  it('simulates the document once the view opens, and stores the answer', async () => {
    const { store, engine, timers } = setup()
    store.getState().editAbout({ rule: RULE })
    store.getState().showAlerts(true)
    timers.flush()
    expect(engine.asked.map((x) => x.body)).toEqual([{ language: 'eql', query: 'any where a == 1', settings: {}, rule: RULE }])
    expect(store.getState().alertsStatus).toBe('running')
    engine.asked[0]?.resolve({ status: 'ok', result: simulated('any where a == 1', 3) })
    await tick()
    expect(store.getState().alertsStatus).toBe('idle')
    expect(alertsReportFor(store.getState())?.simulation.totals.alerts).toBe(3)
  })

  it('simulates again when the rule, the exception items or the anchor change, and drops an answer for old inputs', async () => {
    const { store, engine, timers } = setup()
    store.getState().showAlerts(true)
    timers.flush()
    store.getState().editAbout({ rule: { ...RULE, interval: '10m' } })
    engine.asked[0]?.resolve({ status: 'ok', result: simulated('any where a == 1', 3) })
    await tick()
    expect(store.getState().alertsReport).toBeNull()
    timers.flush()
    expect(engine.asked[1]?.body.rule?.interval).toBe('10m')
    store.getState().setAlertsAnchor(120_000)
    timers.flush()
    expect(engine.asked[2]?.body.anchor).toBe(120_000)
    store.getState().setExceptions([{ name: 'x', entries: [{ field: 'a', type: 'exists', operator: 'included' }] }])
    timers.flush()
    expect(engine.asked[3]?.body.exceptions).toHaveLength(1)
    engine.asked[3]?.resolve({ status: 'ok', result: simulated('any where a == 1', 1) })
    await tick()
    expect(store.getState().alertsReport?.simulation.totals.alerts).toBe(1)
  })

  it('waits for the run of an edited query, debounced, and simulates the text that ran', () => {
    const { store, engine, timers } = setup()
    store.getState().showAlerts(true)
    timers.flush()
    store.getState().editQuery('any where a == 3')
    timers.flush()
    expect(engine.asked).toHaveLength(1)
    store.getState().finishRun(report('any where a == 3'))
    timers.flush()
    expect(engine.asked.map((x) => x.body.query)).toEqual(['any where a == 1', 'any where a == 3'])
  })

  it('stops asking when the view closes, and says why when the worker could not simulate', async () => {
    const { store, engine, timers } = setup()
    store.getState().showAlerts(true)
    store.getState().showAlerts(false)
    timers.flush()
    expect(engine.asked).toHaveLength(0)
    store.getState().showAlerts(true)
    timers.flush()
    engine.asked[0]?.resolve({ status: 'failed', failure: { code: 'timeout', message: 'over budget' } })
    await tick()
    expect(store.getState()).toMatchObject({ alertsStatus: 'failed', alertsFailure: 'over budget' })
  })

  it('is not left running when the edited query fails to run and no simulation follows', async () => {
    const { store, engine, timers } = setup()
    store.getState().showAlerts(true)
    timers.flush()
    store.getState().editQuery('any where a == 3')
    store.getState().failRun({ code: 'timeout', message: 'over budget' })
    timers.flush()
    engine.asked[0]?.resolve({ status: 'ok', result: simulated('any where a == 1', 3) })
    await tick()
    expect(engine.asked).toHaveLength(1)
    expect(store.getState()).toMatchObject({ alertsStatus: 'idle', alertsReport: null })
  })

  it('stops once disconnected', () => {
    const { store, engine, timers, stop } = setup()
    store.getState().showAlerts(true)
    stop()
    timers.flush()
    expect(engine.asked).toHaveLength(0)
  })

  it('waits a longer quiet time over a large event set (a simulation there would hold up the next keystroke)', () => {
    const store = createPlaygroundStore({ query: 'any where a == 1', eventsText: '{}' })
    const manual = new ManualTimers()
    const delays: number[] = []
    const timers = { setTimeout: (fn: () => void, ms: number) => (delays.push(ms), manual.setTimeout(fn)), clearTimeout: () => manual.clearTimeout() }
    connectAlerts(store, new FakeEngine(), { timers })
    store.getState().showAlerts(true)
    store.getState().finishRun(report(store.getState().query, { eventCount: 200_000 }))
    store.getState().finishRun(report(store.getState().query, { eventCount: 10 }))
    expect(delays.slice(-2)).toEqual([1000, 250])
  })
})
