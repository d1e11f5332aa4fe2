import { describe, expect, it } from 'vitest'
import { describeMs, parseInterval, parseSchedule } from './schedule-parse'
import { DEFAULT_SCHEDULE, type RuleSchedule } from './types'

const base: RuleSchedule = { interval: '5m', from: 'now-6m', maxSignals: 100 }

function codes(schedule: RuleSchedule): string[] {
  return parseSchedule(schedule).diagnostics.map((d) => d.code)
}

describe('parseInterval (Kibana: <positive integer><s|m|h|d>)', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['90m', 5_400_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseInterval(text)).toBe(ms)
  })

  it.each(['', '5', 'm', '0m', '05m', '5 m', ' 5m', '1.5h', '1w', '1M', '5ms', '-5m', '5M', '99999999999999999999d'])('rejects %j', (text) => {
    expect(parseInterval(text)).toBeUndefined()
  })
})

describe('parseSchedule diagnostics', () => {
  it('accepts Kibana defaults without a word', () => {
    const r = parseSchedule(DEFAULT_SCHEDULE)
    expect(r.diagnostics).toEqual([])
    expect(r.parsed?.intervalMs).toBe(300_000)
    expect(r.parsed?.maxSignals).toBe(100)
  })

  it('SCH001 for an interval Kibana refuses, with span 0,0 and no usable schedule', () => {
    const r = parseSchedule({ ...base, interval: '5 minutes' })
    expect(r.parsed).toBeUndefined()
    expect(r.diagnostics).toHaveLength(1)
    expect(r.diagnostics[0]).toMatchObject({ code: 'SCH001', severity: 'error', span: { start: 0, end: 0 } })
    // one test pins the wording
    expect(r.diagnostics[0]?.message).toBe('interval "5 minutes" is not a whole number of seconds, minutes, hours or days such as "5m", "30s", "1h" or "1d"')
  })

  it('SCH002 for a from that is not now-relative date math, with the reason', () => {
    for (const from of ['6m', 'now-6x', 'now-', '2024-01-01||-1d', 'now/2h']) {
      const r = parseSchedule({ ...base, from })
      expect(r.parsed).toBeUndefined()
      expect(r.diagnostics.map((d) => d.code)).toEqual(['SCH002'])
      expect(r.diagnostics[0]?.message).toContain(`"${from}"`)
    }
  })

  it('SCH003 for a bad to; to defaults to "now"', () => {
    expect(codes({ ...base, to: 'later' })).toEqual(['SCH003'])
    expect(codes({ ...base, to: 'now' })).toEqual([])
    expect(codes(base)).toEqual([])
  })

  it('SCH004 when the window is empty or inverted', () => {
    expect(codes({ ...base, from: 'now' })).toEqual(['SCH004'])
    expect(codes({ ...base, from: 'now+1m' })).toEqual(['SCH004'])
    expect(codes({ ...base, from: 'now-6m', to: 'now-10m' })).toEqual(['SCH004'])
  })

  it('SCH005 for max_signals below 1 or not whole, falling back to 100', () => {
    for (const maxSignals of [0, -1, 1.5, Number.NaN]) {
      const r = parseSchedule({ ...base, maxSignals })
      expect(r.diagnostics.map((d) => d.code)).toEqual(['SCH005'])
      expect(r.parsed?.maxSignals).toBe(100)
    }
    expect(parseSchedule({ ...base, maxSignals: 1 }).parsed?.maxSignals).toBe(1)
  })

  it('SCH007 warns when the look-back is shorter than the interval (gaps)', () => {
    const r = parseSchedule({ ...base, interval: '10m', from: 'now-5m' })
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['SCH007', 'warning']])
    expect(r.diagnostics[0]?.message).toContain('(5m)')
    expect(r.parsed).toBeDefined()
    expect(codes({ ...base, interval: '5m', from: 'now-5m' })).toEqual([])
  })

  it('reports every bad value at once', () => {
    expect(codes({ interval: 'x', from: 'y', to: 'z', maxSignals: 0 })).toEqual(['SCH001', 'SCH002', 'SCH003', 'SCH005'])
  })

  it('describes durations compactly', () => {
    expect(describeMs(360_000)).toBe('6m')
    expect(describeMs(5_400_000)).toBe('1h30m')
    expect(describeMs(1500)).toBe('1s500ms')
    expect(describeMs(0)).toBe('0ms')
  })
})
