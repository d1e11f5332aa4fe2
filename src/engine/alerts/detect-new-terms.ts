import type { Schema } from '../schema/types'
import { evaluateDateMath, isDateMathProblem, parseDateMath } from './date-math'
import { bucketReader, combinations, comboKey, inWindow, type BucketValue } from './detect-values'
import type { NewTermsParams } from './rule-params'
import type { Detection } from './types'

/**
 * The new_terms rule type over one execution, as the detection engine's three phases do:
 * 1. the value combinations (one value per new_terms field) of matched events in the window
 *    [windowFrom, windowTo];
 * 2. a combination is NEW when no matched event in the history [historyFrom, windowFrom) has it:
 *    the engine aggregates each combination's first occurrence over [history start, window end]
 *    and keeps those first seen at or after the window start. An event exactly at the history
 *    start is history; one exactly at windowFrom is in the window;
 * 3. one detection per new combination: its earliest event in the window (the engine fetches the
 *    first document of the term), details {kind: 'new_terms', newTerms: the values in field order}.
 *
 * Multi-valued fields: every combination of their values counts (the engine emits one value per
 * combination through a runtime field for 2-3 fields, and terms of a multi-valued field for one).
 * An event missing any of the fields has no combination. `matched` must include the matches
 * OUTSIDE the window too (the history is searched with the same query, filters and exceptions).
 *
 * Key `n:<event index>:<combination>`: the engine's alert id hashes the event and the new terms,
 * so the same first event of the same combination seen again by an overlapping window is one alert.
 * The history start is `history_window_start` evaluated with the schedule's date math, `now` being
 * the window's end as the engine sets it (the run's start unless the rule sets `to`), unless
 * `historyFrom` is given. A history
 * start that is not date math leaves no history: every combination in the window is new.
 */
export interface NewTermsExecution {
  readonly runAt: number
  readonly windowFrom: number
  /** end of the window (inclusive); default runAt */
  readonly windowTo?: number
  /** epoch ms of history_window_start; default: evaluated here with the window's end as now */
  readonly historyFrom?: number
}

export interface DetectNewTermsOptions {
  readonly schema?: Schema
}

export function detectNewTerms(
  params: NewTermsParams,
  matched: readonly number[],
  events: readonly unknown[],
  times: Float64Array,
  execution: NewTermsExecution,
  opts: DetectNewTermsOptions = {},
): Detection[] {
  const readers = params.fields.map((f) => bucketReader(f, opts.schema))
  const windowTo = execution.windowTo ?? execution.runAt
  const comboOf = (i: number): BucketValue[][] => combinations(readers.map((r) => r(events[i])))
  const seen = new Set<string>()
  // the engine evaluates it with now = the window's end (`to`, the run's start unless `to` is set)
  const historyFrom = execution.historyFrom ?? historyStart(params.historyWindowStart, windowTo)
  if (historyFrom < execution.windowFrom) {
    for (const i of matched) {
      // history is [historyFrom, windowFrom): an event at windowFrom belongs to the window
      if (!inWindow(times, i, historyFrom, execution.windowFrom) || times[i] === execution.windowFrom) continue
      for (const c of comboOf(i)) seen.add(comboKey(c))
    }
  }
  const first = new Map<string, { index: number; time: number; combo: BucketValue[] }>()
  for (const i of matched) {
    if (!inWindow(times, i, execution.windowFrom, windowTo)) continue
    const t = times[i] ?? Number.NaN
    for (const c of comboOf(i)) {
      const k = comboKey(c)
      if (seen.has(k)) continue
      const f = first.get(k)
      // earliest event; at equal times the first in input order (the engine's sort is not stable there)
      if (f === undefined || t < f.time) first.set(k, { index: i, time: t, combo: c })
    }
  }
  const out: Detection[] = []
  for (const [k, f] of first) {
    out.push({ key: `n:${f.index}:${k}`, eventIndexes: [f.index], time: f.time, details: { kind: 'new_terms', newTerms: f.combo.map((v) => v.value) } })
  }
  return out
}

/** history_window_start with `now` at the given time; NaN (no history) when it is not date math. */
export function historyStart(historyWindowStart: string, now: number): number {
  const expr = parseDateMath(historyWindowStart)
  return isDateMathProblem(expr) ? Number.NaN : evaluateDateMath(expr, now)
}
