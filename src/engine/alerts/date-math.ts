import {
  addDays,
  addHours,
  addMinutes,
  addMonths,
  addSeconds,
  addWeeks,
  addYears,
  startOfDay,
  startOfHour,
  startOfMinute,
  startOfMonth,
  startOfSecond,
  startOfWeek,
  startOfYear,
} from 'date-fns'

/**
 * The date math of a rule's `from` / `to`, as Kibana's detection engine evaluates it at each run
 * (the `@kbn/datemath` grammar, with the run's start as `now`):
 *
 *   now ( (+|-) [digits] unit | / unit )*      units: s m h d w M y
 *
 * A missing number means 1 (`now-h` = `now-1h`). `/unit` rounds DOWN to the start of the unit:
 * the rule executor parses `from` and `to` without `roundUp`. Everything is UTC. Weeks start on
 * SUNDAY, as moment's default locale does (this differs from Elasticsearch's own date math, which
 * rounds `/w` to Monday). Adding months or years clamps the day (Jan 31 + 1M = Feb 28/29).
 * Absolute anchors (`2024-01-01||-1d`) and `ms` are not accepted: a rule's look-back is relative
 * to its run.
 *
 * The calendar arithmetic is date-fns's, made time-zone independent by `UtcDate` (a Date whose
 * local-time accessors are the UTC ones), so the result never depends on the machine's zone.
 */

export type DateMathUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'M' | 'y'

export type DateMathOp =
  | { readonly kind: 'add'; readonly amount: number; readonly unit: DateMathUnit }
  | { readonly kind: 'round'; readonly unit: DateMathUnit }

/** A parsed `now...` expression: apply with `evaluateDateMath`. */
export interface DateMathExpr {
  readonly text: string
  readonly ops: readonly DateMathOp[]
}

/** Why a text is not date math, in words (the caller wraps it in its diagnostic). */
export interface DateMathProblem {
  readonly problem: string
}

const UNITS = new Set<string>(['s', 'm', 'h', 'd', 'w', 'M', 'y'])

function isUnit(c: string): c is DateMathUnit {
  return UNITS.has(c)
}

/** Parses `now` followed by operations; never throws. */
export function parseDateMath(text: string): DateMathExpr | DateMathProblem {
  const s = text.trim()
  if (!s.startsWith('now')) {
    return { problem: s.includes('||') ? 'absolute dates are not accepted: start with "now"' : 'it must start with "now"' }
  }
  const ops: DateMathOp[] = []
  let i = 3
  while (i < s.length) {
    const op = s.charAt(i)
    i++
    if (op !== '+' && op !== '-' && op !== '/') return { problem: `"${op}" at position ${i} is not +, - or /` }
    let digits = ''
    while (i < s.length && /[0-9]/.test(s.charAt(i))) digits += s.charAt(i++)
    if (op === '/' && digits !== '') return { problem: 'rounding "/" takes a unit, not a number' }
    const unit = s.charAt(i)
    i++
    if (!isUnit(unit)) {
      return { problem: unit === '' ? `"${op}" at the end needs a unit (s m h d w M y)` : `"${unit}" is not a unit (s m h d w M y)` }
    }
    if (op === '/') {
      ops.push({ kind: 'round', unit })
      continue
    }
    const n = digits === '' ? 1 : Number.parseInt(digits, 10)
    if (!Number.isSafeInteger(n)) return { problem: `${digits} is too large` }
    ops.push({ kind: 'add', amount: op === '-' ? -n : n, unit })
  }
  return { text: s, ops }
}

export function isDateMathProblem(v: DateMathExpr | DateMathProblem): v is DateMathProblem {
  return 'problem' in v
}

/** Epoch ms of the expression with `now` = `now`; NaN when the result is out of Date's range. */
export function evaluateDateMath(expr: DateMathExpr, now: number): number {
  let d = new UtcDate(now)
  for (const op of expr.ops) {
    d = op.kind === 'add' ? add(d, op.amount, op.unit) : round(d, op.unit)
    if (Number.isNaN(d.getTime())) return Number.NaN
  }
  return d.getTime()
}

function add(d: UtcDate, n: number, unit: DateMathUnit): UtcDate {
  switch (unit) {
    case 's':
      return addSeconds(d, n)
    case 'm':
      return addMinutes(d, n)
    case 'h':
      return addHours(d, n)
    case 'd':
      return addDays(d, n)
    case 'w':
      return addWeeks(d, n)
    case 'M':
      return addMonths(d, n)
    case 'y':
      return addYears(d, n)
    default:
      return exhaustive(unit)
  }
}

function round(d: UtcDate, unit: DateMathUnit): UtcDate {
  switch (unit) {
    case 's':
      return startOfSecond(d)
    case 'm':
      return startOfMinute(d)
    case 'h':
      return startOfHour(d)
    case 'd':
      return startOfDay(d)
    case 'w':
      return startOfWeek(d, { weekStartsOn: 0 })
    case 'M':
      return startOfMonth(d)
    case 'y':
      return startOfYear(d)
    default:
      return exhaustive(unit)
  }
}

function exhaustive(x: never): never {
  throw new Error(`unexpected unit ${String(x)}`)
}

type Args4 = [number, number?, number?, number?]
type Args3 = [number, number?, number?]
type Args2 = [number, number?]

/**
 * A Date whose local-time fields are its UTC fields. date-fns builds its results with the
 * argument's constructor, so every step of the calendar arithmetic stays in UTC whatever the
 * machine's time zone (Kibana evaluates rule date math in UTC on a typical server).
 */
export class UtcDate extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear()
  }
  override getMonth(): number {
    return this.getUTCMonth()
  }
  override getDate(): number {
    return this.getUTCDate()
  }
  override getDay(): number {
    return this.getUTCDay()
  }
  override getHours(): number {
    return this.getUTCHours()
  }
  override getMinutes(): number {
    return this.getUTCMinutes()
  }
  override getSeconds(): number {
    return this.getUTCSeconds()
  }
  override getMilliseconds(): number {
    return this.getUTCMilliseconds()
  }
  override getTimezoneOffset(): number {
    return 0
  }
  override setFullYear(...a: Args3): number {
    return Date.prototype.setUTCFullYear.apply(this, a)
  }
  override setMonth(...a: Args2): number {
    return Date.prototype.setUTCMonth.apply(this, a)
  }
  override setDate(date: number): number {
    return this.setUTCDate(date)
  }
  override setHours(...a: Args4): number {
    return Date.prototype.setUTCHours.apply(this, a)
  }
  override setMinutes(...a: Args3): number {
    return Date.prototype.setUTCMinutes.apply(this, a)
  }
  override setSeconds(...a: Args2): number {
    return Date.prototype.setUTCSeconds.apply(this, a)
  }
  override setMilliseconds(ms: number): number {
    return this.setUTCMilliseconds(ms)
  }
}
