import { describe, expect, it } from 'vitest'
import { EMPTY_TOTALS } from '../../engine/alerts/simulate-rule-types'
import type { RuleSimulation, SimulatedAlert, SimulatedExecution } from '../../engine'
import { alertDetailsText, allFieldsOf, executionRows, explainTotals, keyFieldsOf, scheduleText, summaryText, windowText } from './alerts-format'
import { alertBars, alertBarsSummary } from './alerts-timeline'

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0)
const MIN = 60_000

function run(index: number, events: number, alerts = 0, extra: Partial<SimulatedExecution> = {}): SimulatedExecution {
  const runAt = T0 + index * 5 * MIN
  return {
    index,
    runAt,
    windowFrom: runAt - 9 * MIN,
    windowTo: runAt,
    eventsInWindow: events,
    alerts,
    duplicates: 0,
    dropped: 0,
    atCap: false,
    alertIds: [],
    duplicateDetections: [],
    droppedDetections: [],
    ...extra,
  }
}

function sim(executions: SimulatedExecution[], totals: Partial<RuleSimulation['totals']> = {}): RuleSimulation {
  return {
    ruleType: 'query',
    schedule: { interval: '5m', from: 'now-9m', maxSignals: 100 },
    executions,
    alerts: [],
    totals: { ...EMPTY_TOTALS, ...totals },
    diagnostics: [],
    stopped: false,
  }
}

function alert(details: SimulatedAlert['detection']['details'], eventIndexes = [0], buildingBlocks = 0): SimulatedAlert {
  return {
    id: 'a',
    execution: 0,
    detection: { key: 'k', eventIndexes, time: T0, ...(details ? { details } : {}) },
    document: {},
    buildingBlocks: Array.from({ length: buildingBlocks }, () => ({})),
  }
}

describe('summary and schedule', () => {
  it('counts alerts, runs, duplicates and drops with singulars', () => {
    expect(summaryText(sim([], { alerts: 1, executions: 12, duplicates: 1, dropped: 0 }))).toBe('1 alert over 12 runs · 1 duplicate · 0 dropped at the cap')
    expect(summaryText(sim([], { alerts: 1200, executions: 1, duplicates: 3, dropped: 5 }))).toBe('1,200 alerts over 1 run · 3 duplicates · 5 dropped at the cap')
  })
  it('says the rule type and schedule, with an override and a to', () => {
    expect(scheduleText('threshold', { interval: '10m', from: 'now-1m', maxSignals: 7 })).toBe('threshold rule · every 10m, look-back now-1m, max 7')
    expect(scheduleText(null, { interval: '5m', from: 'now-6m', to: 'now-1m', maxSignals: 100, timestampOverride: 'event.ingested' })).toBe(
      'not simulated · every 5m, look-back now-6m to now-1m, max 100 (timestamp event.ingested)',
    )
  })
  it('writes a window on the run day as times, else as whole dates', () => {
    expect(windowText(run(0, 1))).toBe('11:51:00Z – 12:00:00Z')
    expect(windowText({ runAt: T0, windowFrom: T0 - 24 * 60 * MIN, windowTo: T0 })).toBe('2025-12-31T12:00:00Z – 12:00:00Z')
  })
})

describe('executionRows', () => {
  it('folds consecutive runs that saw nothing into one row and keeps the others', () => {
    const rows = executionRows([run(0, 0), run(1, 0), run(2, 3, 1), run(3, 0), run(4, 0, 0, { duplicates: 1 }), run(5, 0)])
    expect(rows.map((r) => (r.kind === 'run' ? `run ${r.execution.index}` : `quiet ${r.runs} ${r.first.index}-${r.last.index}`))).toEqual([
      'quiet 2 0-1',
      'run 2',
      'quiet 1 3-3',
      'run 4',
      'quiet 1 5-5',
    ])
  })
  it('gives no rows for no runs', () => {
    expect(executionRows([])).toEqual([])
  })
})

describe('alertDetailsText', () => {
  it('names threshold terms, count and cardinality', () => {
    const a = alert({ kind: 'threshold', terms: [{ field: 'host.name', value: 'mac-1' }], count: 3, cardinality: [{ field: 'user.name', value: 2 }], from: T0 })
    expect(alertDetailsText(a)).toBe('host.name: mac-1 · 3 events · 2 distinct user.name')
    expect(alertDetailsText(alert({ kind: 'threshold', terms: [], count: 1, from: T0 }))).toBe('all events · 1 event')
  })
  it('names new terms and a sequence with its building blocks', () => {
    expect(alertDetailsText(alert({ kind: 'new_terms', newTerms: ['root', 'mac-1'] }))).toBe('new terms: root, mac-1')
    expect(alertDetailsText(alert({ kind: 'sequence', stages: 2 }, [1, 2], 2))).toBe('sequence of 2 events, written with 2 building-block alerts')
    expect(alertDetailsText(alert(undefined))).toBe('')
  })
})

describe('fields of an alert document', () => {
  const doc = {
    'host.name': 'mac-1',
    'kibana.alert.reason': 'event on mac-1 created low alert R.',
    'kibana.alert.rule.name': 'R',
    'kibana.alert.threshold_result': { count: 2 },
    '@timestamp': '2026-01-01T12:00:00.000Z',
    'event.kind': 'signal',
  }
  it('picks the key fields it has, in reading order, objects as JSON', () => {
    expect(keyFieldsOf(doc)).toEqual([
      { field: 'kibana.alert.rule.name', value: 'R' },
      { field: 'kibana.alert.reason', value: 'event on mac-1 created low alert R.' },
      { field: '@timestamp', value: '2026-01-01T12:00:00.000Z' },
      { field: 'kibana.alert.threshold_result', value: '{"count":2}' },
    ])
  })
  it('lists every field once, key fields first, then the rest by name', () => {
    expect(allFieldsOf(doc).map((f) => f.field)).toEqual([
      'kibana.alert.rule.name',
      'kibana.alert.reason',
      '@timestamp',
      'kibana.alert.threshold_result',
      'event.kind',
      'host.name',
    ])
  })
})

describe('alertBars', () => {
  it('draws one bar per run, tallest for the most alerts, with duplicates and drops in the tooltip', () => {
    const bars = alertBars([run(0, 2, 2), run(1, 1, 0, { duplicates: 1 }), run(2, 9, 4, { dropped: 5, atCap: true })], { width: 300, height: 40, maxBars: 60 })
    expect(bars.map((b) => b.alerts)).toEqual([2, 0, 4])
    expect(bars.map((b) => b.height)).toEqual([20, 0, 40])
    expect(bars[1]?.tooltip).toBe('0 alerts · run at 2026-01-01T12:05:00Z · 1 duplicate')
    expect(bars[2]?.tooltip).toContain('5 dropped at the cap')
    expect(bars[2]?.atCap).toBe(true)
  })
  it('groups runs evenly when there are more than fit', () => {
    const runs = Array.from({ length: 10 }, (_, i) => run(i, 1, i === 9 ? 3 : 1))
    const bars = alertBars(runs, { width: 100, height: 10, maxBars: 4 })
    expect(bars.map((b) => [b.runs, b.alerts])).toEqual([[3, 3], [3, 3], [3, 3], [1, 3]])
    expect(alertBarsSummary(runs)).toBe('12 alerts in 10 of 10 runs')
    expect(alertBars([], { width: 1, height: 1, maxBars: 1 })).toEqual([])
  })
})

describe('explainTotals', () => {
  it('says nothing when there is nothing to explain', () => {
    expect(explainTotals(sim([]))).toEqual([])
  })
  it('explains duplicates from overlapping look-back and drops at the cap', () => {
    const lines = explainTotals(sim([], { duplicates: 2, dropped: 3, neverWritten: 1, executionsAtCap: 1 }))
    expect(lines).toEqual([
      'Look-back windows overlap (now-9m every 5m): 2 detections were seen again by a later run, and the engine wrote each alert once.',
      '1 run reached max_signals (100) and dropped 3 detections; 1 was never written by any run.',
    ])
    expect(explainTotals(sim([], { dropped: 1, executionsAtCap: 2 }))[0]).toBe('2 runs reached max_signals (100) and dropped 1 detection; later runs wrote them all.')
  })
})
