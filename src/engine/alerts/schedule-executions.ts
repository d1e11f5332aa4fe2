import type { Diagnostic } from '../diagnostics/diagnostic'
import { formatDateMillis } from '../values/date-parse'
import { evaluateDateMath } from './date-math'
import { parseSchedule, scheduleDiagnostic, type ParsedSchedule } from './schedule-parse'
import type { Execution, RuleSchedule } from './types'

/** At most this many executions are simulated (SCH006 beyond). */
export const MAX_EXECUTIONS = 10_000

export interface ScheduleExecutionsOptions {
  /**
   * Epoch ms of one run: every run is `anchor + k × interval`. Default 0 (the epoch), which puts
   * a 5m rule's runs on :00, :05, :10… — a real rule's runs are aligned to when it was enabled.
   */
  readonly anchor?: number
  /** cap on the number of executions (default MAX_EXECUTIONS) */
  readonly maxExecutions?: number
}

/**
 * The runs that would have covered the time range [range.from, range.to] (the events' earliest
 * and latest times, see `timeRangeOf`):
 *
 * - runs tick every `interval` on a grid aligned to `anchor`;
 * - each run's window is [from, to] evaluated with the run's start as `now`, both ends
 *   inclusive (the engine's range filter is `gte` from, `lte` to);
 * - the first run is the first tick whose window END reaches the earliest time; the last is the
 *   last tick whose window START is at or before the latest time. So every run that sees any
 *   event is simulated, including the later runs whose look-back still covers the last events
 *   (they matter: a detection dropped at the cap is written by such a run).
 *
 * Kibana's catch-up runs after downtime and the scheduler's drift are not simulated: every run
 * starts exactly on its tick. Never throws; on a bad schedule: no executions and diagnostics.
 */
export function scheduleExecutions(
  schedule: RuleSchedule,
  range: { readonly from: number; readonly to: number },
  opts: ScheduleExecutionsOptions = {},
): { executions: Execution[]; diagnostics: Diagnostic[] } {
  const { parsed, diagnostics } = parseSchedule(schedule)
  if (parsed === undefined || !Number.isFinite(range.from) || !Number.isFinite(range.to) || range.from > range.to) {
    return { executions: [], diagnostics }
  }
  const anchor = opts.anchor !== undefined && Number.isFinite(opts.anchor) ? opts.anchor : 0
  const max = Math.max(1, Math.floor(opts.maxExecutions ?? MAX_EXECUTIONS))
  const runAt = (k: number): number => anchor + k * parsed.intervalMs
  const windowTo = (k: number): number => evaluateDateMath(parsed.to, runAt(k))
  const windowFrom = (k: number): number => evaluateDateMath(parsed.from, runAt(k))

  const guess = Math.ceil((range.from - anchor) / parsed.intervalMs)
  // date math is monotone in the run time (adding and rounding down never reverse order), so
  // both ends are found by bisection — rounding such as "now-1y/y" can shift a window by far
  // more than one interval, which a step-by-step walk would pay for.
  const first = firstK(guess, (k) => windowTo(k) >= range.from)
  if (first === undefined) return { executions: [], diagnostics }
  const startsAfter = (k: number): boolean => windowFrom(k) > range.to
  // more than `max` runs (or windows past Date's range): no need to find the true last run
  const afterLast = startsAfter(first + max) ? firstK(first, startsAfter) : first + max + 1
  if (afterLast === undefined || afterLast - 1 < first) return { executions: [], diagnostics }
  const last = afterLast - 1

  let end = last
  if (last - first + 1 > max) {
    end = first + max - 1
    diagnostics.push(scheduleDiagnostic('SCH006', { max, until: formatDateMillis(runAt(end)) }))
  }
  const executions: Execution[] = []
  for (let k = first; k <= end; k++) {
    const at = runAt(k)
    executions.push({ index: k - first, runAt: at, windowFrom: windowFrom(k), windowTo: windowTo(k) })
  }
  return { executions, diagnostics }
}

/**
 * The smallest integer k with `ok(k)`, for a monotone `ok` (false…false true…true), searching
 * outward from `start`; undefined when none is found within Date's range.
 */
function firstK(start: number | undefined, ok: (k: number) => boolean): number | undefined {
  if (start === undefined || !Number.isFinite(start)) return undefined
  let lo: number
  let hi: number
  if (ok(start)) {
    hi = start
    let step = 1
    lo = start - step
    while (ok(lo)) {
      hi = lo
      step *= 2
      lo = start - step
      if (step > 2 ** 52) return undefined
    }
  } else {
    lo = start
    let step = 1
    hi = start + step
    while (!ok(hi)) {
      lo = hi
      step *= 2
      hi = start + step
      if (step > 2 ** 52) return undefined
    }
  }
  // invariant: !ok(lo), ok(hi)
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2)
    if (ok(mid)) hi = mid
    else lo = mid
  }
  return hi
}

export type { ParsedSchedule }
