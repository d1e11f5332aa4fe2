import type { Diagnostic } from '../diagnostics/diagnostic'
import { DEFAULT_MAX_SIGNALS, scheduleDiagnostic } from './schedule-parse'
import { DEFAULT_TIMESTAMP_FIELD } from './schedule-event-times'
import type { Detection, DuplicateDetection, Execution, ExecutionOutcome, RuleSchedule, ScheduleSimulation } from './types'

/**
 * How max_signals bounds one execution:
 * - 'new-alerts' (query, threshold, new_terms rules): the engine pages through its search
 *   results (sorted by time ascending) and writes until it has created max_signals NEW alerts;
 *   duplicates are filtered out before counting (`maxAlerts = max_signals - created so far`).
 * - 'search-hits' (eql rules): the EQL search itself asks for `size = max_signals` results and is
 *   not paged, so detections an earlier run already wrote still take a place in those results.
 */
export type CapMode = 'new-alerts' | 'search-hits'

export interface SimulateScheduleOptions {
  readonly schedule: RuleSchedule
  /** per event, the time it is judged on (see `eventTimes`); NaN = in no window */
  readonly times: Float64Array
  readonly executions: readonly Execution[]
  /**
   * The rule type over one window. `inWindow[i] === 1` when event i is in the window. The mask
   * is REUSED between calls: read it during the call, copy it to keep it. Not called for a
   * window without events (no rule type detects anything in an empty window). `indexes` lists the
   * same events by time ascending (a view, valid during the call): cheaper than scanning the mask.
   */
  readonly detect: (inWindow: Uint8Array, execution: Execution, indexes: Uint32Array) => readonly Detection[]
  /** default 'new-alerts' */
  readonly capMode?: CapMode
  /**
   * From `eventTimesWithSource`: events judged on the @timestamp fallback. In 'new-alerts' mode the
   * engine's search sorts them after all events that have the override, so a capped run keeps
   * detections of events with the override first. Without it, detections are ordered by time.
   */
  readonly fallback?: Uint8Array
  /** polled before each execution: true ends the simulation there (`stopped`, partial result) */
  readonly shouldStop?: () => boolean
}

/**
 * Runs the rule type execution by execution and does what the engine does with the results:
 * 1. detections are taken oldest first (`Detection.time` ascending, ties in the rule type's
 *    order), as the engine's search sorts on the timestamp ascending (with an override and its
 *    fallback: events without the override last, see `fallback`);
 * 2. a detection whose key an earlier run (or the same run) already WROTE is a duplicate: the
 *    engine's alert ids are deterministic and it skips alerts that exist;
 * 3. new detections past max_signals are dropped by this run. A dropped detection was never
 *    written, so a later run whose look-back still covers it sees it as new and writes it
 *    (within that run's own cap) — as the engine would.
 */
export function simulateSchedule(opts: SimulateScheduleOptions): ScheduleSimulation {
  const { schedule, times, executions, detect } = opts
  const capMode = opts.capMode ?? 'new-alerts'
  const diagnostics: Diagnostic[] = []
  // an invalid max_signals is reported once, by scheduleExecutions (SCH005); the default is used
  const maxSignals = Number.isSafeInteger(schedule.maxSignals) && schedule.maxSignals >= 1 ? schedule.maxSignals : DEFAULT_MAX_SIGNALS

  const sorted = sortedByTime(times)
  const mask = new Uint8Array(times.length)
  const covered = new Uint8Array(times.length)
  const written = new Map<string, number>()
  const droppedKeys = new Set<string>()
  const outcomes: ExecutionOutcome[] = []
  let alertsTotal = 0
  let duplicatesTotal = 0
  let droppedTotal = 0
  let atCapTotal = 0

  let stopped = false
  for (const execution of executions) {
    if (opts.shouldStop?.() === true) {
      stopped = true
      break
    }
    const lo = lowerBound(sorted, times, execution.windowFrom)
    const hi = upperBound(sorted, times, execution.windowTo)
    for (let p = lo; p < hi; p++) {
      const i = sorted[p] as number
      mask[i] = 1
      covered[i] = 1
    }
    const eventsInWindow = Math.max(0, hi - lo)
    const detections = eventsInWindow > 0 ? detect(mask, execution, sorted.subarray(lo, hi)) : []
    for (let p = lo; p < hi; p++) mask[sorted[p] as number] = 0

    const alerts: Detection[] = []
    const duplicates: DuplicateDetection[] = []
    const dropped: Detection[] = []
    oldestFirst(detections, capMode === 'new-alerts' ? opts.fallback : undefined).forEach((d, position) => {
      const first = written.get(d.key)
      if (first !== undefined) duplicates.push({ detection: d, firstExecution: first })
      else if (capMode === 'search-hits' ? position >= maxSignals : alerts.length >= maxSignals) dropped.push(d)
      else {
        alerts.push(d)
        written.set(d.key, execution.index)
      }
    })
    for (const d of dropped) droppedKeys.add(d.key)
    const atCap = dropped.length > 0 || alerts.length >= maxSignals
    outcomes.push({ execution, eventsInWindow, detections, alerts, duplicates, dropped, atCap })
    alertsTotal += alerts.length
    duplicatesTotal += duplicates.length
    droppedTotal += dropped.length
    if (atCap) atCapTotal++
  }

  let withoutTime = 0
  let inNoWindow = 0
  for (let i = 0; i < times.length; i++) {
    if (Number.isNaN(times[i])) withoutTime++
    else if (covered[i] === 0) inNoWindow++
  }
  if (withoutTime > 0) {
    const field = schedule.timestampOverride ?? DEFAULT_TIMESTAMP_FIELD
    diagnostics.push(scheduleDiagnostic('SCH008', { count: withoutTime, total: times.length, field }))
  }
  let neverWritten = 0
  for (const key of droppedKeys) if (!written.has(key)) neverWritten++

  return {
    executions: outcomes,
    ...(stopped ? { stopped } : {}),
    totals: {
      executions: outcomes.length,
      alerts: alertsTotal,
      duplicates: duplicatesTotal,
      dropped: droppedTotal,
      neverWritten,
      executionsAtCap: atCapTotal,
      eventsWithoutTime: withoutTime,
      eventsInNoWindow: inNoWindow,
    },
    diagnostics,
  }
}

/**
 * Detections in the engine's search order: events that lack the override after those that have it
 * (when `fallback` is given; a detection counts as its last event), then time ascending (NaN
 * last); stable, so ties keep the rule type's order.
 */
function oldestFirst(detections: readonly Detection[], fallback: Uint8Array | undefined): Detection[] {
  const group = (d: Detection): number => {
    const last = d.eventIndexes[d.eventIndexes.length - 1]
    return fallback === undefined || last === undefined ? 0 : (fallback[last] ?? 0)
  }
  return detections
    .map((d, i) => ({ d, i, g: group(d) }))
    .sort((a, b) => a.g - b.g || byTime(a.d.time, b.d.time) || a.i - b.i)
    .map((x) => x.d)
}

function byTime(a: number, b: number): number {
  const an = Number.isNaN(a)
  const bn = Number.isNaN(b)
  if (an || bn) return an === bn ? 0 : an ? 1 : -1
  return a - b
}

/** Indexes of the events that have a time, by time ascending. */
function sortedByTime(times: Float64Array): Uint32Array {
  const idx: number[] = []
  for (let i = 0; i < times.length; i++) if (!Number.isNaN(times[i])) idx.push(i)
  idx.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b)
  return Uint32Array.from(idx)
}

/** First position whose time is >= t (window start is inclusive: gte). */
function lowerBound(sorted: Uint32Array, times: Float64Array, t: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((times[sorted[mid] as number] as number) < t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** First position whose time is > t (window end is inclusive: lte). */
function upperBound(sorted: Uint32Array, times: Float64Array, t: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((times[sorted[mid] as number] as number) <= t) lo = mid + 1
    else hi = mid
  }
  return lo
}
