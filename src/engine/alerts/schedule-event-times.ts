import { parseDateMillis } from '../values/date-parse'
import { compileGetter, forEachValue } from '../values/field-getter'
import type { RuleSchedule } from './types'

/** The field every event is judged on without an override. */
export const DEFAULT_TIMESTAMP_FIELD = '@timestamp'

/**
 * The time each event is judged on by the schedule (epoch ms), NaN when it has none.
 *
 * As the detection engine's range filter does:
 * - no `timestampOverride`: `@timestamp`;
 * - with an override and the fallback on (Kibana's default, `timestamp_override_fallback_disabled`
 *   false): the override field when the event has it, else `@timestamp` (the engine's filter is
 *   "override in range, OR override missing AND @timestamp in range");
 * - with the fallback disabled: the override field only; events without it are in no window.
 *
 * Values are parsed with the engine's date parsing (`strict_date_optional_time||epoch_millis`,
 * the default date mapping). A value that does not parse counts as missing (an index with
 * `ignore_malformed` leaves such a field unindexed, so `exists` does not see it either). A field
 * with several values is judged on its earliest one: the engine's search sorts ascending on it,
 * which uses the minimum. (A range query would match when ANY value is in the window; events
 * with several timestamps are rare enough that this simplification is documented, not modelled.)
 */
export function eventTimes(events: readonly unknown[], schedule: TimeSettings): Float64Array {
  return eventTimesWithSource(events, schedule).times
}

type TimeSettings = Pick<RuleSchedule, 'timestampOverride' | 'timestampOverrideFallbackDisabled'>

/**
 * `eventTimes`, plus which events were judged on the @timestamp FALLBACK because they lack the
 * override (1 = fallback). The engine's search sorts on the override first, and an event without
 * it sorts after every event that has it (Elasticsearch puts missing values last), whatever its
 * @timestamp: that order decides which detections a capped run keeps (see simulateSchedule).
 */
export function eventTimesWithSource(events: readonly unknown[], schedule: TimeSettings): { times: Float64Array; fallback: Uint8Array } {
  const times = new Float64Array(events.length)
  const fallbackUsed = new Uint8Array(events.length)
  const override = schedule.timestampOverride?.trim()
  const primary = compileGetter(override !== undefined && override !== '' ? override : DEFAULT_TIMESTAMP_FIELD)
  const fallback =
    override !== undefined && override !== '' && override !== DEFAULT_TIMESTAMP_FIELD && schedule.timestampOverrideFallbackDisabled !== true
      ? compileGetter(DEFAULT_TIMESTAMP_FIELD)
      : undefined
  for (let i = 0; i < events.length; i++) {
    const event = events[i]
    let t = earliest(primary(event))
    if (Number.isNaN(t) && fallback !== undefined) {
      t = earliest(fallback(event))
      if (!Number.isNaN(t)) fallbackUsed[i] = 1
    }
    times[i] = t
  }
  return { times, fallback: fallbackUsed }
}

function earliest(values: unknown): number {
  let best = Number.NaN
  forEachValue(values, (v) => {
    const t = parseDateMillis(v)
    if (t !== undefined && Number.isFinite(t) && !(t >= best)) best = t
  })
  return best
}

/** The earliest and latest event time, or undefined when no event has a time. */
export function timeRangeOf(times: Float64Array): { from: number; to: number } | undefined {
  let from = Number.POSITIVE_INFINITY
  let to = Number.NEGATIVE_INFINITY
  for (const t of times) {
    if (Number.isNaN(t)) continue
    if (t < from) from = t
    if (t > to) to = t
  }
  return from <= to ? { from, to } : undefined
}

/** How many events have no time (NaN). */
export function countWithoutTime(times: Float64Array): number {
  let n = 0
  for (const t of times) if (Number.isNaN(t)) n++
  return n
}
