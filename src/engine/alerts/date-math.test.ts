import { afterEach, describe, expect, it } from 'vitest'
import { evaluateDateMath, isDateMathProblem, parseDateMath } from './date-math'

const NOW = Date.parse('2024-03-15T10:37:12.345Z') // a Friday

function at(text: string, now = NOW): string {
  const expr = parseDateMath(text)
  if (isDateMathProblem(expr)) throw new Error(`unexpected problem for ${text}: ${expr.problem}`)
  return new Date(evaluateDateMath(expr, now)).toISOString()
}

function problem(text: string): string | undefined {
  const expr = parseDateMath(text)
  return isDateMathProblem(expr) ? expr.problem : undefined
}

describe('schedule date math', () => {
  const savedTz = process.env.TZ
  afterEach(() => {
    process.env.TZ = savedTz
  })

  it('adds and subtracts every unit from the run time', () => {
    expect(at('now')).toBe('2024-03-15T10:37:12.345Z')
    expect(at('now-6m')).toBe('2024-03-15T10:31:12.345Z')
    expect(at('now-30s')).toBe('2024-03-15T10:36:42.345Z')
    expect(at('now+2h')).toBe('2024-03-15T12:37:12.345Z')
    expect(at('now-1d')).toBe('2024-03-14T10:37:12.345Z')
    expect(at('now-2w')).toBe('2024-03-01T10:37:12.345Z')
    expect(at('now-1M')).toBe('2024-02-15T10:37:12.345Z')
    expect(at('now-1y')).toBe('2023-03-15T10:37:12.345Z')
  })

  it('reads a missing number as 1', () => {
    expect(at('now-m')).toBe(at('now-1m'))
    expect(at('now+h')).toBe(at('now+1h'))
  })

  it('rounds down to the start of the unit (the executor parses without roundUp)', () => {
    expect(at('now/s')).toBe('2024-03-15T10:37:12.000Z')
    expect(at('now/m')).toBe('2024-03-15T10:37:00.000Z')
    expect(at('now/h')).toBe('2024-03-15T10:00:00.000Z')
    expect(at('now-1h/h')).toBe('2024-03-15T09:00:00.000Z')
    expect(at('now/d')).toBe('2024-03-15T00:00:00.000Z')
    expect(at('now/M')).toBe('2024-03-01T00:00:00.000Z')
    expect(at('now/y')).toBe('2024-01-01T00:00:00.000Z')
  })

  it('starts weeks on Sunday, as moment does (not Monday as Elasticsearch does)', () => {
    expect(at('now/w')).toBe('2024-03-10T00:00:00.000Z')
    expect(new Date(Date.parse(at('now/w'))).getUTCDay()).toBe(0)
  })

  it('applies operations left to right', () => {
    expect(at('now-1d/d+2h')).toBe('2024-03-14T02:00:00.000Z')
    expect(at('now/d-1d')).toBe('2024-03-14T00:00:00.000Z')
  })

  it('clamps the day when months or years are added (calendar arithmetic, not 30-day months)', () => {
    expect(at('now-1M', Date.parse('2024-03-31T12:00:00Z'))).toBe('2024-02-29T12:00:00.000Z')
    expect(at('now-1M', Date.parse('2023-03-31T12:00:00Z'))).toBe('2023-02-28T12:00:00.000Z')
    expect(at('now+1y', Date.parse('2024-02-29T00:00:00Z'))).toBe('2025-02-28T00:00:00.000Z')
  })

  it('does not depend on the machine time zone', () => {
    const expected = [at('now/d'), at('now/w'), at('now-1M/M'), at('now+1d', Date.parse('2024-03-10T06:30:00Z'))]
    for (const tz of ['America/New_York', 'Asia/Kolkata', 'Pacific/Chatham']) {
      process.env.TZ = tz
      expect([at('now/d'), at('now/w'), at('now-1M/M'), at('now+1d', Date.parse('2024-03-10T06:30:00Z'))]).toEqual(expected)
    }
    // 2024-03-10 is a DST change in New York: a UTC day is still 24 hours
    expect(expected[3]).toBe('2024-03-11T06:30:00.000Z')
  })

  it('says in words why a text is not date math', () => {
    expect(problem('6m')).toContain('must start with "now"')
    expect(problem('2024-01-01||-1d')).toContain('absolute dates')
    expect(problem('now-6x')).toContain('"x" is not a unit')
    expect(problem('now-')).toContain('needs a unit')
    expect(problem('now/5d')).toContain('takes a unit, not a number')
    expect(problem('now*2')).toContain('is not +, - or /')
    expect(problem('now-5ms')).toBeDefined()
    expect(problem('  now-6m ')).toBeUndefined()
  })
})
