import { civilFromDays, daysFromCivil, daysInMonth } from './date-calendar'
import { parseDateBound } from './date-parse'

/**
 * Elasticsearch date math, as KQL range and equality queries on date fields use it:
 * `now`, or an anchor date followed by `||`, then any number of `+N<unit>` / `-N<unit>` and
 * `/<unit>` (rounding) operations; units `y M w d h H m s`. All in UTC (the detection engine's
 * time zone). Adding months or years clamps the day to the month's length (Jan 31 + 1M = Feb 28).
 * Rounding goes to the start of the unit, or with `roundUp` (upper bounds `lte`, and `gt`) to its
 * last millisecond; weeks start on Monday. The anchor is parsed with the field's format and
 * `roundUp` (see `parseDateBound`).
 */
export interface DateMathOptions {
  /** epoch millis that `now` stands for */
  readonly now: number
  /** parse as the upper bound of a range */
  readonly roundUp?: boolean
  /** the field's date format */
  readonly format?: string
}

type Unit = 'y' | 'M' | 'w' | 'd' | 'h' | 'm' | 's'

const DAY = 86_400_000
const UNIT_MS: Readonly<Record<'w' | 'd' | 'h' | 'm' | 's', number>> = { w: 7 * DAY, d: DAY, h: 3_600_000, m: 60_000, s: 1000 }

function unitOf(c: string): Unit | undefined {
  switch (c) {
    case 'y':
    case 'M':
    case 'w':
    case 'd':
    case 'h':
    case 'm':
    case 's':
      return c
    case 'H':
      return 'h'
    default:
      return undefined
  }
}

function addMonths(millis: number, months: number): number {
  const days = Math.floor(millis / DAY)
  const timeOfDay = millis - days * DAY
  const { year, month, day } = civilFromDays(days)
  const total = year * 12 + (month - 1) + months
  const y = Math.floor(total / 12)
  const m = total - y * 12 + 1
  return daysFromCivil(y, m, Math.min(day, daysInMonth(y, m))) * DAY + timeOfDay
}

function roundDown(millis: number, unit: Unit): number {
  const days = Math.floor(millis / DAY)
  switch (unit) {
    case 'y':
      return daysFromCivil(civilFromDays(days).year, 1, 1) * DAY
    case 'M': {
      const c = civilFromDays(days)
      return daysFromCivil(c.year, c.month, 1) * DAY
    }
    case 'w': {
      const monday = days - ((((days + 3) % 7) + 7) % 7) // 1970-01-01 was a Thursday
      return monday * DAY
    }
    case 'd':
    case 'h':
    case 'm':
    case 's':
      return Math.floor(millis / UNIT_MS[unit]) * UNIT_MS[unit]
  }
}

function add(millis: number, n: number, unit: Unit): number {
  switch (unit) {
    case 'y':
      return addMonths(millis, 12 * n)
    case 'M':
      return addMonths(millis, n)
    default:
      return millis + n * UNIT_MS[unit]
  }
}

/** Evaluates a date-math expression to epoch millis; undefined when it is not valid. */
export function parseDateMath(text: string, opts: DateMathOptions): number | undefined {
  const roundUp = opts.roundUp === true
  let millis: number | undefined
  let rest: string
  if (text.startsWith('now')) {
    millis = opts.now
    rest = text.slice(3)
  } else {
    const sep = text.indexOf('||')
    millis = parseDateBound(sep < 0 ? text : text.slice(0, sep), roundUp, opts.format)
    rest = sep < 0 ? '' : text.slice(sep + 2)
  }
  if (millis === undefined) return undefined
  let i = 0
  while (i < rest.length) {
    const op = rest[i]
    if (op === '/') {
      const unit = unitOf(rest[i + 1] ?? '')
      if (unit === undefined) return undefined
      millis = roundDown(millis, unit)
      if (roundUp) millis = add(millis, 1, unit) - 1
      i += 2
    } else if (op === '+' || op === '-') {
      let j = i + 1
      while (j < rest.length && (rest.charCodeAt(j) >= 48 && rest.charCodeAt(j) <= 57)) j++
      const n = j === i + 1 ? 1 : Number(rest.slice(i + 1, j)) // `+d` means `+1d`
      const unit = unitOf(rest[j] ?? '')
      if (unit === undefined) return undefined
      millis = add(millis, op === '-' ? -n : n, unit)
      i = j + 1
    } else return undefined
  }
  return millis
}
