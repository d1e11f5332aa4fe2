import { makeDiagnostic, type CodeDef, type Diagnostic, type Params } from '../diagnostics/diagnostic'
import { span } from '../source/span'
import { evaluateDateMath, isDateMathProblem, parseDateMath, type DateMathExpr } from './date-math'
import type { RuleSchedule } from './types'

/**
 * Reading a rule's schedule the way Kibana validates it. Diagnostics have span 0,0: the values
 * come from the rule's metadata, not from the query text.
 */

/** Stable codes of the schedule simulation (message templates in words). */
export const SCHEDULE_CODES = {
  SCH001: { code: 'SCH001', severity: 'error', template: 'interval "{value}" is not a whole number of seconds, minutes, hours or days such as "5m", "30s", "1h" or "1d"' },
  SCH002: { code: 'SCH002', severity: 'error', template: 'from "{value}" is not date math relative to the run: {problem} (e.g. "now-6m", "now-1h/h")' },
  SCH003: { code: 'SCH003', severity: 'error', template: 'to "{value}" is not date math relative to the run: {problem} (e.g. "now")' },
  SCH004: { code: 'SCH004', severity: 'error', template: 'the window is empty: from "{from}" is not before to "{to}"' },
  SCH005: { code: 'SCH005', severity: 'error', template: 'max_signals {value} is not a whole number of at least 1; {used} is used' },
  SCH006: { code: 'SCH006', severity: 'warning', template: 'the events span more than {max} executions: only the first {max} are simulated (up to {until})' },
  SCH007: { code: 'SCH007', severity: 'warning', template: 'the look-back ({lookBack}) is shorter than the interval ({interval}): events between two windows are seen by no run' },
  SCH008: { code: 'SCH008', severity: 'warning', template: '{count} of {total} events have no usable time ({field}): they are in no window' },
} as const satisfies Record<string, CodeDef>

export type ScheduleCode = keyof typeof SCHEDULE_CODES

export function scheduleDiagnostic(code: ScheduleCode, params?: Params): Diagnostic {
  return makeDiagnostic(SCHEDULE_CODES[code], span(0, 0), params)
}

const INTERVAL = /^([1-9][0-9]*)([smhd])$/
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const

/**
 * Milliseconds of a rule `interval`, or undefined. Kibana's alerting framework accepts exactly
 * `<positive integer><s|m|h|d>` (no spaces, no leading zero, no weeks, no `ms`): the same here.
 */
export function parseInterval(text: string): number | undefined {
  const m = INTERVAL.exec(text)
  if (m === null) return undefined
  const n = Number(m[1])
  const unit = m[2] as keyof typeof UNIT_MS
  const ms = n * UNIT_MS[unit]
  return Number.isSafeInteger(ms) ? ms : undefined
}

/** A schedule whose values were all understood (see `parseSchedule`). */
export interface ParsedSchedule {
  readonly schedule: RuleSchedule
  readonly intervalMs: number
  readonly from: DateMathExpr
  readonly to: DateMathExpr
  /** max_signals used (the schedule's, or the default when it was not valid) */
  readonly maxSignals: number
}

/** Kibana's default cap, used when max_signals is invalid (with SCH005). */
export const DEFAULT_MAX_SIGNALS = 100

/**
 * Checks a schedule: interval (SCH001), from (SCH002), to (SCH003, default "now"), a non-empty
 * window (SCH004), max_signals (SCH005: falls back to 100), and warns when the look-back is
 * shorter than the interval (SCH007). `parsed` is undefined when an error leaves no usable window.
 */
export function parseSchedule(schedule: RuleSchedule): { parsed?: ParsedSchedule; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const intervalMs = parseInterval(schedule.interval)
  if (intervalMs === undefined) diagnostics.push(scheduleDiagnostic('SCH001', { value: schedule.interval }))
  const from = parseDateMath(schedule.from)
  if (isDateMathProblem(from)) diagnostics.push(scheduleDiagnostic('SCH002', { value: schedule.from, problem: from.problem }))
  const toText = schedule.to ?? 'now'
  const to = parseDateMath(toText)
  if (isDateMathProblem(to)) diagnostics.push(scheduleDiagnostic('SCH003', { value: toText, problem: to.problem }))
  let maxSignals = schedule.maxSignals
  if (!Number.isSafeInteger(maxSignals) || maxSignals < 1) {
    maxSignals = DEFAULT_MAX_SIGNALS
    diagnostics.push(scheduleDiagnostic('SCH005', { value: String(schedule.maxSignals), used: maxSignals }))
  }
  if (intervalMs === undefined || isDateMathProblem(from) || isDateMathProblem(to)) return { diagnostics }
  // The window's length can vary with rounding ("now-1d/d"), so judge it at a reference run:
  // the epoch is as good as any and keeps the check deterministic.
  const probe = 0
  const span0 = evaluateDateMath(to, probe) - evaluateDateMath(from, probe)
  if (!(span0 > 0)) {
    diagnostics.push(scheduleDiagnostic('SCH004', { from: schedule.from, to: toText }))
    return { diagnostics }
  }
  if (span0 < intervalMs) {
    diagnostics.push(scheduleDiagnostic('SCH007', { lookBack: describeMs(span0), interval: schedule.interval }))
  }
  return { parsed: { schedule, intervalMs, from, to, maxSignals }, diagnostics }
}

/** "6m", "1h30m", "45s": a duration in words for messages. */
export function describeMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms)
  const parts: string[] = []
  let rest = Math.round(ms)
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`)
      rest %= size
    }
  }
  if (rest > 0 || parts.length === 0) parts.push(`${rest}ms`)
  return parts.join('')
}
