import { describe, expect, it } from 'vitest'
import type { AlertsReport } from '../worker/protocol'
import { EMPTY_TOTALS } from '../engine/alerts/simulate-rule-types'
import { DEFAULT_SCHEDULE } from '../engine'
import { alertsReportFor } from './alerts-slice'
import { createPlaygroundStore } from './store'

const report = (query: string, eventsVersion = 1): AlertsReport => ({
  eventsVersion,
  query,
  language: 'eql',
  simulation: { ruleType: 'eql', schedule: DEFAULT_SCHEDULE, executions: [], alerts: [], totals: EMPTY_TOTALS, diagnostics: [], stopped: false },
  alertsTruncated: false,
})

describe('alerts slice', () => {
  it('opens and closes the view, and sets the runs anchor', () => {
    const store = createPlaygroundStore()
    expect(store.getState()).toMatchObject({ alertsOpen: false, alertsAnchor: null, alertsStatus: 'idle' })
    store.getState().showAlerts(true)
    store.getState().setAlertsAnchor(60_000)
    expect(store.getState()).toMatchObject({ alertsOpen: true, alertsAnchor: 60_000 })
    store.getState().showAlerts(false)
    expect(store.getState().alertsOpen).toBe(false)
  })

  it('shows a simulation only for the current query, language and the events of the latest run', () => {
    const store = createPlaygroundStore({ query: 'any where a == 1' })
    store.getState().finishAlerts(report('any where a == 1'))
    expect(alertsReportFor(store.getState())).not.toBeNull()
    store.getState().editQuery('any where a == 2')
    expect(alertsReportFor(store.getState())).toBeNull()
    store.getState().editQuery('any where a == 1')
    store.getState().finishRun({ query: 'any where a == 1', language: 'eql', eventsVersion: 2, eventCount: 0, diagnostics: [], result: null, matchedIndexes: [], runId: 0, events: [], eventHits: [], histogram: null, elapsedMs: 0 })
    expect(alertsReportFor(store.getState())).toBeNull()
    store.getState().finishAlerts(report('any where a == 1', 2))
    expect(alertsReportFor(store.getState())).not.toBeNull()
  })

  it('records a failure until the next simulation starts', () => {
    const store = createPlaygroundStore()
    store.getState().failAlerts('over budget')
    expect(store.getState()).toMatchObject({ alertsStatus: 'failed', alertsFailure: 'over budget' })
    store.getState().startAlerts()
    expect(store.getState()).toMatchObject({ alertsStatus: 'running', alertsFailure: null })
    store.getState().finishAlerts(report('x'))
    expect(store.getState()).toMatchObject({ alertsStatus: 'idle', alertsReport: report('x') })
  })
})
