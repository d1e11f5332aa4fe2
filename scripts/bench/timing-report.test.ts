import { describe, expect, it } from 'vitest'
import { atLeast, atMost, formatRatio, formatTarget, formatValue, judge, percentile, renderJson, renderTable, summarize, type Row } from './timing-report'

const time = (value: number, extra: Partial<Row> = {}): Row => ({ name: 'encode', value, unit: 'ms', target: atMost(50), ...extra })
const rate = (value: number, extra: Partial<Row> = {}): Row => ({ name: 'scan', value, unit: 'events/s', target: atLeast(5_000_000), ...extra })

describe('ratio and verdict', () => {
  it('reads a time against its ceiling: taken / allowed', () => {
    expect(judge(time(21))).toEqual({ ratio: 0.42, verdict: 'ok' })
    expect(judge(time(50)).verdict).toBe('ok')
    expect(judge(time(75))).toEqual({ ratio: 1.5, verdict: 'OVER' })
  })

  it('reads a rate against its floor the same way round: <= 1 is within target', () => {
    expect(judge(rate(10_000_000))).toEqual({ ratio: 0.5, verdict: 'ok' })
    expect(judge(rate(4_000_000))).toEqual({ ratio: 1.25, verdict: 'OVER' })
    expect(judge(rate(0)).verdict).toBe('OVER')
  })

  it('judges a target only at the size it is stated for', () => {
    expect(judge(time(900, { scale: { events: 2_000, full: 200_000 } }))).toEqual({ ratio: null, verdict: 'n/a' })
    expect(judge(time(900, { scale: { events: 200_000, full: 200_000 } })).verdict).toBe('OVER')
    expect(judge(time(10, { scale: { events: 250_000, full: 200_000 } })).verdict).toBe('ok')
  })

  it('gives a row without target neither ratio nor verdict', () => {
    expect(judge({ name: 'JSON.parse', value: 1, unit: 'events/s', target: null })).toEqual({ ratio: null, verdict: null })
  })

  it('words the ratio cell', () => {
    expect(formatRatio(time(21))).toBe('0.42x of budget')
    expect(formatRatio(time(0.1))).toBe('<0.01x of budget')
    expect(formatRatio(rate(1_000_000))).toBe('5.00x of budget')
    expect(formatRatio(time(1, { scale: { events: 2_000, full: 200_000 } }))).toBe('n/a at small size')
    expect(formatRatio({ name: 'size', value: 1, unit: 'MB', target: null })).toBe('')
  })
})

describe('formatting', () => {
  it('shows each unit in its usual precision', () => {
    expect(formatValue(12_345_678.4, 'events/s')).toBe('12,345,678')
    expect(formatValue(3.456, 'ms')).toBe('3.46')
    expect(formatValue(1234.56, 'ms')).toBe('1,234.6')
    expect(formatValue(160.04, 'MB')).toBe('160.0')
    expect(formatValue(0.0123, 'ratio')).toBe('0.012')
  })

  it('writes targets with their direction, ratios without a unit', () => {
    expect(formatTarget(atMost(50), 'ms')).toBe('<= 50 ms')
    expect(formatTarget(atLeast(5_000_000), 'events/s')).toBe('>= 5,000,000 events/s')
    expect(formatTarget(atMost(1), 'ratio')).toBe('<= 1')
  })

  it('prints one aligned table under the ratio legend, verdicts last', () => {
    const table = renderTable([time(21), rate(4_000_000, { mbPerSec: 3200 }), time(1, { scale: { events: 2_000, full: 200_000 } })])
    const lines = table.split('\n')
    expect(lines[0]).toMatch(/<= 1\.00x is within target/)
    const header = lines.find((l) => l.startsWith('figure')) ?? ''
    expect(header).toMatch(/^figure\s+value\s+unit\s+MB\/s\s+target\s+ratio$/)
    const body = lines.slice(lines.indexOf(header) + 2)
    expect(body).toHaveLength(3)
    expect(body[0]).toMatch(/21\.0 {2}ms .*<= 50 ms +0\.42x of budget +ok$/)
    expect(body[1]).toMatch(/4,000,000 {2}events\/s +3,200\.0 +>= 5,000,000 events\/s +1\.25x of budget +OVER$/)
    expect(body[2]).toMatch(/n\/a at small size$/)
  })

  it('writes the same rows as JSON with ratio, verdict and size', () => {
    const rows = JSON.parse(renderJson([time(21), rate(1, { scale: { events: 2_000, full: 200_000 } })])) as unknown[]
    expect(rows).toEqual([
      { name: 'encode', value: 21, unit: 'ms', target: '<= 50', ratio: 0.42, verdict: 'ok' },
      { name: 'scan', value: 1, unit: 'events/s', target: '>= 5000000', ratio: null, verdict: 'n/a', events: 2000, fullSize: 200000 },
    ])
  })

  it('says under the legend, and on every JSON row, when times are CPU time', () => {
    expect(renderTable([time(1)], ['Times are CPU time.']).split('\n')[2]).toBe('Times are CPU time.')
    expect(JSON.parse(renderJson([time(1)], 'cpu'))).toEqual([expect.objectContaining({ clock: 'cpu' })])
  })
})

describe('timing summary', () => {
  it('takes the nearest-rank p95: of 20 edits, the 19th fastest', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1)
    expect(percentile(twenty, 95)).toBe(19)
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([], 95)).toBe(0)
  })

  it('summarises runs, keeping the first one apart (the cold one without warm-up)', () => {
    expect(summarize([5, 1, 9, 3])).toEqual({ medianMs: 4, p95Ms: 9, bestMs: 1, maxMs: 9, firstMs: 5, runs: 4 })
  })
})
