import { describe, expect, it } from 'vitest'
import { eventTimes, eventTimesWithSource, timeRangeOf } from './schedule-event-times'
import { scheduleExecutions } from './schedule-executions'
import { simulateSchedule, type CapMode } from './simulate-schedule'
import type { Detection, Execution, RuleSchedule } from './types'

const at = (hms: string): number => Date.parse(`2024-01-01T${hms}Z`)
const hm = (t: number): string => new Date(t).toISOString().slice(11, 19)

/** A query-like rule type: every event in the window is a detection keyed by its index. */
function eachEvent(times: Float64Array, calls: { exec: number; inWindow: number[] }[] = []) {
  return (mask: Uint8Array, execution: Execution): Detection[] => {
    const inWindow: number[] = []
    mask.forEach((v, i) => {
      if (v === 1) inWindow.push(i)
    })
    calls.push({ exec: execution.index, inWindow })
    return inWindow.map((i) => ({ key: `e${i}`, eventIndexes: [i], time: times[i] ?? Number.NaN }))
  }
}

function simulate(schedule: RuleSchedule, stamps: (string | null)[], capMode?: CapMode) {
  const events = stamps.map((s) => (s === null ? {} : { '@timestamp': `2024-01-01T${s}Z` }))
  const times = eventTimes(events, schedule)
  const range = timeRangeOf(times) ?? { from: Number.NaN, to: Number.NaN }
  const { executions } = scheduleExecutions(schedule, range)
  const calls: { exec: number; inWindow: number[] }[] = []
  const sim = simulateSchedule({ schedule, times, executions, detect: eachEvent(times, calls), capMode })
  const runs = sim.executions.map((o) => ({
    run: hm(o.execution.runAt),
    seen: o.eventsInWindow,
    alerts: o.alerts.map((d) => d.key),
    duplicates: o.duplicates.map((d) => `${d.detection.key}@${d.firstExecution}`),
    dropped: o.dropped.map((d) => d.key),
    atCap: o.atCap,
  }))
  return { sim, runs, calls }
}

const base: RuleSchedule = { interval: '5m', from: 'now-5m', maxSignals: 100 }

describe('simulateSchedule', () => {
  it('window edges: an event exactly at windowTo of one run is at windowFrom of the next (both inclusive)', () => {
    const { runs, sim } = simulate(base, ['00:05:00', '00:04:59.999', '00:05:00.001'])
    expect(runs).toEqual([
      { run: '00:05:00', seen: 2, alerts: ['e1', 'e0'], duplicates: [], dropped: [], atCap: false },
      { run: '00:10:00', seen: 2, alerts: ['e2'], duplicates: ['e0@0'], dropped: [], atCap: false },
    ])
    expect(sim.totals).toMatchObject({ executions: 2, alerts: 3, duplicates: 1, dropped: 0 })
  })

  it('overlapping look-back (now-9m every 5m): an event seen by two runs is one alert and one duplicate', () => {
    const { runs, sim } = simulate({ ...base, from: 'now-9m' }, ['00:07:00'])
    expect(runs).toEqual([
      { run: '00:10:00', seen: 1, alerts: ['e0'], duplicates: [], dropped: [], atCap: false },
      { run: '00:15:00', seen: 1, alerts: [], duplicates: ['e0@0'], dropped: [], atCap: false },
    ])
    expect(sim.totals.alerts).toBe(1)
    expect(sim.totals.duplicates).toBe(1)
  })

  it('cap reached: the oldest detections are written, the rest dropped; a later overlapping run writes a dropped one', () => {
    const { runs, sim } = simulate({ ...base, from: 'now-9m', maxSignals: 2 }, ['00:08:00', '00:07:00', '00:06:00'])
    expect(runs).toEqual([
      // sorted by time ascending, as the engine's search: 00:06 (e2) and 00:07 (e1) fit
      { run: '00:10:00', seen: 3, alerts: ['e2', 'e1'], duplicates: [], dropped: ['e0'], atCap: true },
      // the look-back still covers 00:08: never written, so new here — the engine writes it now
      { run: '00:15:00', seen: 3, alerts: ['e0'], duplicates: ['e2@0', 'e1@0'], dropped: [], atCap: false },
    ])
    expect(sim.totals).toMatchObject({ alerts: 3, duplicates: 2, dropped: 1, neverWritten: 0, executionsAtCap: 1 })
  })

  it('cap reached without overlap: the dropped detection is never written', () => {
    const { runs, sim } = simulate({ ...base, maxSignals: 2 }, ['00:06:00', '00:07:00', '00:08:00'])
    expect(runs).toEqual([{ run: '00:10:00', seen: 3, alerts: ['e0', 'e1'], duplicates: [], dropped: ['e2'], atCap: true }])
    expect(sim.totals).toMatchObject({ alerts: 2, dropped: 1, neverWritten: 1, executionsAtCap: 1 })
  })

  it('duplicates do not take a place under the cap (query rule: pages until max_signals NEW alerts)', () => {
    // run 00:10 writes e0, e1 (cap 2); run 00:15 sees e0, e1 again plus e2, e3: both new fit
    const { runs } = simulate({ ...base, from: 'now-9m', maxSignals: 2 }, ['00:07:00', '00:08:00', '00:11:00', '00:12:00'])
    expect(runs[1]).toMatchObject({ alerts: ['e2', 'e3'], duplicates: ['e0@0', 'e1@0'], dropped: [] })
  })

  it("eql ('search-hits'): the search returns max_signals hits, duplicates included, so they do take places", () => {
    const { runs, sim } = simulate({ ...base, from: 'now-9m', maxSignals: 2 }, ['00:07:00', '00:08:00', '00:11:00', '00:12:00'], 'search-hits')
    expect(runs[1]).toMatchObject({ alerts: [], duplicates: ['e0@0', 'e1@0'], dropped: ['e2', 'e3'], atCap: true })
    // 00:11 and 00:12 are written by the 00:20 run (window 00:11–00:20)
    expect(runs[2]).toMatchObject({ run: '00:20:00', alerts: ['e2', 'e3'] })
    expect(sim.totals.neverWritten).toBe(0)
  })

  it('a key seen twice within one run is written once', () => {
    const times = new Float64Array([at('00:01:00'), at('00:02:00')])
    const { executions } = scheduleExecutions(base, { from: at('00:01:00'), to: at('00:02:00') })
    const sim = simulateSchedule({
      schedule: base,
      times,
      executions,
      detect: () => [
        { key: 'seq', eventIndexes: [0, 1], time: at('00:02:00') },
        { key: 'seq', eventIndexes: [0, 1], time: at('00:02:00') },
      ],
    })
    expect(sim.executions[0]?.alerts).toHaveLength(1)
    expect(sim.executions[0]?.duplicates).toEqual([{ detection: expect.objectContaining({ key: 'seq' }), firstExecution: 0 }])
  })

  it('passes each window as a mask, skips empty windows, and counts events in no window', () => {
    // look-back 1m every 5m: 00:02 falls between windows (SCH007's gap)
    const { calls, sim } = simulate({ ...base, from: 'now-1m' }, ['00:04:30', '00:02:00', null, '00:09:30', '00:14:00'])
    expect(calls).toEqual([
      { exec: 0, inWindow: [0] },
      { exec: 1, inWindow: [3] },
      { exec: 2, inWindow: [4] },
    ])
    expect(sim.totals).toMatchObject({ executions: 3, alerts: 3, eventsWithoutTime: 1, eventsInNoWindow: 1 })
    expect(sim.diagnostics.map((d) => d.code)).toEqual(['SCH008'])
    expect(sim.diagnostics[0]?.message).toBe('1 of 5 events have no usable time (@timestamp): they are in no window')
  })

  it('hands the window indexes by time with the mask', () => {
    const times = new Float64Array([at('00:04:00'), at('00:01:00'), at('00:07:00'), at('00:03:00')])
    const { executions } = scheduleExecutions(base, { from: at('00:01:00'), to: at('00:07:00') })
    const seen: number[][] = []
    simulateSchedule({
      schedule: base,
      times,
      executions,
      detect: (mask, _execution, indexes) => {
        seen.push([...indexes])
        expect([...indexes].every((i) => mask[i] === 1)).toBe(true)
        expect(mask.reduce((n, v) => n + v, 0)).toBe(indexes.length)
        return []
      },
    })
    expect(seen).toEqual([[1, 3, 0], [2]])
  })

  it('an empty event set: no executions, no detections, zero totals', () => {
    const { sim, calls } = simulate(base, [])
    expect(calls).toEqual([])
    expect(sim.executions).toEqual([])
    expect(sim.totals).toEqual({
      executions: 0,
      alerts: 0,
      duplicates: 0,
      dropped: 0,
      neverWritten: 0,
      executionsAtCap: 0,
      eventsWithoutTime: 0,
      eventsInNoWindow: 0,
    })
  })

  it('timestamp_override decides the windows, with and without the @timestamp fallback', () => {
    const events = [
      { '@timestamp': '2024-01-01T00:01:00Z', event: { ingested: '2024-01-01T00:08:00Z' } },
      { '@timestamp': '2024-01-01T00:02:00Z' },
    ]
    const run = (schedule: RuleSchedule) => {
      const times = eventTimes(events, schedule)
      const { executions } = scheduleExecutions(schedule, timeRangeOf(times) ?? { from: Number.NaN, to: Number.NaN })
      return simulateSchedule({ schedule, times, executions, detect: eachEvent(times) }).executions.map((o) => [hm(o.execution.runAt), o.alerts.map((d) => d.key)])
    }
    expect(run(base)).toEqual([['00:05:00', ['e0', 'e1']]])
    expect(run({ ...base, timestampOverride: 'event.ingested' })).toEqual([
      ['00:05:00', ['e1']],
      ['00:10:00', ['e0']],
    ])
    expect(run({ ...base, timestampOverride: 'event.ingested', timestampOverrideFallbackDisabled: true })).toEqual([['00:10:00', ['e0']]])
  })

  it('with an override and its fallback, a capped run keeps events that have the override first (missing sorts last)', () => {
    const schedule: RuleSchedule = { ...base, maxSignals: 1, timestampOverride: 'event.ingested' }
    const events = [
      { '@timestamp': '2024-01-01T00:01:00Z', event: { ingested: '2024-01-01T00:08:00Z' } },
      { '@timestamp': '2024-01-01T00:06:00Z' },
    ]
    const { times, fallback } = eventTimesWithSource(events, schedule)
    expect([...fallback]).toEqual([0, 1])
    const { executions } = scheduleExecutions(schedule, timeRangeOf(times) ?? { from: Number.NaN, to: Number.NaN })
    const keys = (f?: Uint8Array) =>
      simulateSchedule({ schedule, times, executions, detect: eachEvent(times), fallback: f }).executions.map((o) => [o.alerts.map((d) => d.key), o.dropped.map((d) => d.key)])
    // the engine's order: e0 (has event.ingested) before e1 (no override, although 00:06 < 00:08)
    expect(keys(fallback)).toEqual([[['e0'], ['e1']]])
    // by time alone, e1 would win
    expect(keys()).toEqual([[['e1'], ['e0']]])
  })

  it('stops before an execution when asked, and says so', () => {
    let polls = 0
    const times = new Float64Array([at('00:01:00'), at('00:07:00'), at('00:12:00')])
    const { executions } = scheduleExecutions(base, { from: at('00:01:00'), to: at('00:12:00') })
    expect(executions).toHaveLength(3)
    const sim = simulateSchedule({ schedule: base, times, executions, detect: eachEvent(times), shouldStop: () => ++polls > 2 })
    expect(sim.stopped).toBe(true)
    expect(sim.executions).toHaveLength(2)
    expect(sim.totals).toMatchObject({ executions: 2, alerts: 2 })
    expect(simulateSchedule({ schedule: base, times, executions, detect: eachEvent(times) }).stopped).toBeUndefined()
  })

  it('an invalid max_signals is reported once (by scheduleExecutions) and the default 100 used', () => {
    const schedule = { ...base, maxSignals: 0 }
    expect(scheduleExecutions(schedule, { from: at('00:01:00'), to: at('00:02:00') }).diagnostics.map((d) => d.code)).toEqual(['SCH005'])
    const { sim } = simulate(schedule, ['00:01:00', '00:02:00', '00:03:00'])
    expect(sim.diagnostics).toEqual([])
    expect(sim.totals).toMatchObject({ alerts: 3, dropped: 0, executionsAtCap: 0 })
  })
})
