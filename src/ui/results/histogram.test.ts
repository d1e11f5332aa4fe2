import { describe, expect, it } from 'vitest'
import { bucketsOf, bucketTooltip, histogramSummary, layoutHistogram, type TimeBucket } from './histogram'

const T0 = Date.UTC(2026, 10, 23, 10)
const MIN = 60_000
const bucket = (i: number, count: number, matched: number): TimeBucket => ({ start: T0 + i * 5 * MIN, end: T0 + (i + 1) * 5 * MIN, count, matched })

describe('layoutHistogram', () => {
  const buckets = [bucket(0, 100, 0), bucket(1, 50, 10), bucket(2, 0, 0), bucket(3, 1, 1)]
  const layout = layoutHistogram(buckets, { width: 400, height: 40, gap: 2 })

  it('gives each bucket an equal slot and scales heights to the fullest bucket', () => {
    expect(layout.maxCount).toBe(100)
    expect(layout.bars.map((b) => b.x)).toEqual([1, 101, 201, 301])
    expect(layout.bars.map((b) => b.width)).toEqual([98, 98, 98, 98])
    expect(layout.bars.map((b) => b.height)).toEqual([40, 20, 0, 1])
    expect(layout.bars.map((b) => b.y)).toEqual([0, 20, 40, 39])
  })

  it('draws the matched part from the baseline, never taller than its bar', () => {
    expect(layout.bars.map((b) => b.matchedHeight)).toEqual([0, 4, 0, 1])
    expect(layout.bars[1]?.matchedY).toBe(36)
  })

  it('keeps a lone event visible among many', () => {
    const l = layoutHistogram([bucket(0, 100_000, 0), bucket(1, 1, 0)], { width: 100, height: 40 })
    expect(l.bars[1]?.height).toBe(1)
  })

  it('lays out nothing for no buckets', () => {
    expect(layoutHistogram([], { width: 100, height: 40 }).bars).toEqual([])
  })
})

describe('tooltips', () => {
  it('names the UTC range and both counts', () => {
    expect(bucketTooltip(bucket(1, 40, 3))).toBe('2026-11-23 10:05:00 – 10:10:00: 40 events, 3 matches')
    expect(bucketTooltip({ start: T0, end: T0 + 86_400_000, count: 1, matched: 1 })).toBe('2026-11-23 10:00:00 – 2026-11-24 10:00:00: 1 event, 1 match')
  })

  it('summarises the strip', () => {
    expect(histogramSummary([bucket(0, 1000, 2), bucket(1, 204, 1)])).toBe('1,204 events over time in 2 buckets, 3 matched')
  })
})

describe('bucketsOf', () => {
  it('turns parallel counts into buckets', () => {
    expect(bucketsOf({ from: 1000, bucketMs: 10, all: [3, 0], matched: [1] })).toEqual([
      { start: 1000, end: 1010, count: 3, matched: 1 },
      { start: 1010, end: 1020, count: 0, matched: 0 },
    ])
  })
})
