import { describe, expect, it } from 'vitest'
import { parseDateMath } from './date-math'
import { parseDateBound } from './date-parse'
import { civilFromDays, daysFromCivil } from './date-calendar'

const t = (s: string): number => Date.parse(s)
const NOW = t('2024-05-15T13:45:30.250Z') // a Wednesday

describe('parseDateBound', () => {
  it('fills missing time fields with their maximum when rounding up', () => {
    expect(parseDateBound('2018-04-03', true)).toBe(t('2018-04-03T23:59:59.999Z'))
    expect(parseDateBound('2018-04-03', false)).toBe(t('2018-04-03T00:00:00.000Z'))
    expect(parseDateBound('2018-04-03T10:20', true)).toBe(t('2018-04-03T10:20:59.999Z'))
    expect(parseDateBound('2018-04-03T10:20:30.5Z', true)).toBe(t('2018-04-03T10:20:30.500Z'))
    // ES's documented oddity: missing month/day are not rounded up
    expect(parseDateBound('2018', true)).toBe(t('2018-01-01T23:59:59.999Z'))
    expect(parseDateBound('1522713600000', true)).toBe(1522713600000)
    expect(parseDateBound('03-04-2018', true, 'dd-MM-yyyy')).toBe(t('2018-04-03T23:59:59.999Z'))
  })
})

describe('parseDateMath', () => {
  it('evaluates now with offsets and rounding', () => {
    expect(parseDateMath('now', { now: NOW })).toBe(NOW)
    expect(parseDateMath('now-2w', { now: NOW })).toBe(NOW - 14 * 86400000)
    expect(parseDateMath('now+1h', { now: NOW })).toBe(NOW + 3600000)
    expect(parseDateMath('now/d', { now: NOW })).toBe(t('2024-05-15T00:00:00Z'))
    expect(parseDateMath('now/d', { now: NOW, roundUp: true })).toBe(t('2024-05-15T23:59:59.999Z'))
    expect(parseDateMath('now-1d/d', { now: NOW })).toBe(t('2024-05-14T00:00:00Z'))
    expect(parseDateMath('now/w', { now: NOW })).toBe(t('2024-05-13T00:00:00Z'))
    expect(parseDateMath('now/M', { now: NOW, roundUp: true })).toBe(t('2024-05-31T23:59:59.999Z'))
    expect(parseDateMath('now/y', { now: NOW })).toBe(t('2024-01-01T00:00:00Z'))
    expect(parseDateMath('now/H', { now: NOW })).toBe(t('2024-05-15T13:00:00Z'))
    expect(parseDateMath('now/m', { now: NOW })).toBe(t('2024-05-15T13:45:00Z'))
  })

  it('clamps month arithmetic to the month length', () => {
    expect(parseDateMath('2024-01-31||+1M', { now: NOW })).toBe(t('2024-02-29T00:00:00Z'))
    expect(parseDateMath('2023-01-31||+1M', { now: NOW })).toBe(t('2023-02-28T00:00:00Z'))
    expect(parseDateMath('2024-02-29||+1y', { now: NOW })).toBe(t('2025-02-28T00:00:00Z'))
    expect(parseDateMath('2024-03-31||-13M', { now: NOW })).toBe(t('2023-02-28T00:00:00Z'))
  })

  it('accepts anchors with or without math', () => {
    expect(parseDateMath('2018-04-03', { now: NOW, roundUp: true })).toBe(t('2018-04-03T23:59:59.999Z'))
    expect(parseDateMath('2018-04-03||/M', { now: NOW })).toBe(t('2018-04-01T00:00:00Z'))
  })

  it('rejects malformed expressions', () => {
    for (const bad of ['now-', 'now-1x', 'now/', 'now*2', 'later', '2018-13-01||+1d', 'now 1d']) {
      expect(parseDateMath(bad, { now: NOW })).toBeUndefined()
    }
  })
})

describe('calendar', () => {
  it('round-trips day counts', () => {
    for (const d of [-719468, -1, 0, 1, 59, 365, 11016, 2932896]) {
      const c = civilFromDays(d)
      expect(daysFromCivil(c.year, c.month, c.day)).toBe(d)
    }
  })
})
