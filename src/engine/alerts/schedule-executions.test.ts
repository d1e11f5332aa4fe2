import { describe, expect, it } from 'vitest'
import { MAX_EXECUTIONS, scheduleExecutions } from './schedule-executions'
import type { Execution, RuleSchedule } from './types'

const at = (hms: string, day = '2024-01-01'): number => Date.parse(`${day}T${hms}Z`)
const iso = (t: number): string => new Date(t).toISOString().slice(11, 19)
const rows = (xs: readonly Execution[]): string[][] => xs.map((x) => [iso(x.runAt), iso(x.windowFrom), iso(x.windowTo)])

const s = (over: Partial<RuleSchedule> = {}): RuleSchedule => ({ interval: '5m', from: 'now-9m', maxSignals: 100, ...over })

describe('scheduleExecutions', () => {
  it('places runs on the interval grid from the first window that reaches the earliest event to the last that still starts before the latest', () => {
    const { executions, diagnostics } = scheduleExecutions(s(), { from: at('00:07:00'), to: at('00:12:00') })
    expect(diagnostics).toEqual([])
    // window end of 00:05 is before 00:07; 00:10 is the first that reaches it.
    // window start of 00:20 (00:11) is still before 00:12; 00:25 (00:16) is not.
    expect(rows(executions)).toEqual([
      ['00:10:00', '00:01:00', '00:10:00'],
      ['00:15:00', '00:06:00', '00:15:00'],
      ['00:20:00', '00:11:00', '00:20:00'],
    ])
    expect(executions.map((e) => e.index)).toEqual([0, 1, 2])
  })

  it('takes the window ends as inclusive when choosing the first and last run', () => {
    // an event exactly at 00:05:00 is reached by the 00:05 run's window end (lte)
    const first = scheduleExecutions(s({ from: 'now-5m' }), { from: at('00:05:00'), to: at('00:05:00') }).executions
    // and by the 00:10 run's window start (gte): both runs see it
    expect(rows(first)).toEqual([
      ['00:05:00', '00:00:00', '00:05:00'],
      ['00:10:00', '00:05:00', '00:10:00'],
    ])
    const justAfter = scheduleExecutions(s({ from: 'now-5m' }), { from: at('00:05:00') + 1, to: at('00:05:00') + 1 }).executions
    expect(rows(justAfter).map((r) => r[0])).toEqual(['00:10:00'])
  })

  it('aligns the grid to the anchor', () => {
    const { executions } = scheduleExecutions(s({ from: 'now-5m' }), { from: at('00:03:00'), to: at('00:04:00') }, { anchor: at('00:02:00') })
    expect(rows(executions)).toEqual([
      ['00:07:00', '00:02:00', '00:07:00'],
    ])
    // an anchor far in the past or future gives the same grid
    const far = scheduleExecutions(s({ from: 'now-5m' }), { from: at('00:03:00'), to: at('00:04:00') }, { anchor: at('00:02:00', '1990-06-01') })
    expect(rows(far.executions)).toEqual(rows(executions))
  })

  it('evaluates rounding date math at each run', () => {
    const { executions } = scheduleExecutions(s({ interval: '30m', from: 'now-1h/h' }), { from: at('01:10:00'), to: at('01:40:00') })
    expect(rows(executions)).toEqual([
      ['01:30:00', '00:00:00', '01:30:00'],
      ['02:00:00', '01:00:00', '02:00:00'],
      ['02:30:00', '01:00:00', '02:30:00'],
    ])
  })

  it('finds the runs quickly when rounding makes windows much longer than the interval', () => {
    const { executions } = scheduleExecutions(s({ interval: '1h', from: 'now-1y/y' }), { from: at('00:00:00', '2024-06-01'), to: at('00:00:00', '2024-06-01') })
    // every hourly run from 2024-06-01 to the end of 2025 looks back into 2024
    expect(executions).toHaveLength(MAX_EXECUTIONS)
    expect(new Date(executions[0]?.runAt ?? 0).toISOString()).toBe('2024-06-01T00:00:00.000Z')
  })

  it('caps the series at 10,000 executions with SCH006', () => {
    const { executions, diagnostics } = scheduleExecutions(s({ interval: '1s', from: 'now-1s' }), { from: at('00:00:00'), to: at('00:00:00', '2024-01-02') })
    expect(executions).toHaveLength(10_000)
    expect(executions[9_999]?.index).toBe(9_999)
    expect((executions[9_999]?.runAt ?? 0) - (executions[0]?.runAt ?? 0)).toBe(9_999_000)
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['SCH006', 'warning']])
    expect(diagnostics[0]?.message).toContain('10000')
  })

  it('caps a range that reaches the end of the representable time', () => {
    const { executions, diagnostics } = scheduleExecutions(s(), { from: 0, to: 8.64e15 })
    expect(executions).toHaveLength(MAX_EXECUTIONS)
    expect(diagnostics.map((d) => d.code)).toEqual(['SCH006'])
  })

  it('a smaller cap can be asked for', () => {
    const r = scheduleExecutions(s(), { from: at('00:00:00'), to: at('10:00:00') }, { maxExecutions: 3 })
    expect(r.executions).toHaveLength(3)
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SCH006'])
  })

  it('no executions for an empty event set or a bad schedule (with its diagnostics)', () => {
    expect(scheduleExecutions(s(), { from: Number.NaN, to: Number.NaN })).toEqual({ executions: [], diagnostics: [] })
    const bad = scheduleExecutions(s({ interval: '5 m' }), { from: at('00:00:00'), to: at('01:00:00') })
    expect(bad.executions).toEqual([])
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['SCH001'])
    expect(scheduleExecutions(s({ from: 'now' }), { from: at('00:00:00'), to: at('01:00:00') }).diagnostics.map((d) => d.code)).toEqual(['SCH004'])
  })

  it('one event and a one-day interval: the single run that covers it', () => {
    const { executions } = scheduleExecutions(s({ interval: '1d', from: 'now-1d' }), { from: at('13:00:00'), to: at('13:00:00') })
    expect(executions.map((e) => new Date(e.runAt).toISOString())).toEqual(['2024-01-02T00:00:00.000Z'])
  })
})
