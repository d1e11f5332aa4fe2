import type { Schema } from '../schema/types'
import { bucketReader, combinations, comboKey, inWindow, type BucketReader, type BucketValue } from './detect-values'
import type { ThresholdParams } from './rule-params'
import type { Detection } from './types'

/**
 * The threshold rule type over one execution's window, as the detection engine's aggregation
 * builds it:
 * - matched events with a time in [from, to] are grouped by the values of the threshold fields
 *   (a composite aggregation, one terms source per field): a multi-valued field puts the event in
 *   one group per distinct value, several fields in one group per combination; an event missing a
 *   group field (or whose value the field does not index) is in no group; no fields: one group of
 *   every event;
 * - a group alerts when its event count is >= `value` and, with a cardinality condition, the
 *   number of distinct values of that field among its events is >= the condition's value (the
 *   engine aggregates the first condition only; rule-params keeps one);
 * - details: the group's terms, count, cardinality, `from` = its earliest event time; the
 *   detection's time (the alert's original time) is its LATEST event time, as the engine sets
 *   the alert's @timestamp to the bucket's max timestamp.
 *
 * Re-alerting across overlapping windows: the engine keeps a "signal history" per group (terms ->
 * the original time of the group's last alert) and excludes from later searches every event that
 * matches those terms and is not newer than that time. Pass `history` (thresholdHistoryAfter over
 * the alerts earlier executions wrote) to model it; without it, events are counted again, and the
 * key (`t:<terms>@<latest time>`) only folds a group that found exactly the same latest event.
 */
export interface ThresholdHistoryEntry {
  readonly terms: readonly { readonly field: string; readonly value: unknown }[]
  /** the original time of the group's last alert: events of the group at or before it are not counted again */
  readonly lastSignalTimestamp: number
}

/** Signal history by group (the terms part of a threshold detection's key). */
export type ThresholdHistory = ReadonlyMap<string, ThresholdHistoryEntry>

export interface DetectThresholdOptions {
  /** field types (group values as the field indexes them); unmapped fields read as keywords */
  readonly schema?: Schema
  readonly history?: ThresholdHistory
}

interface Group {
  readonly terms: readonly BucketValue[]
  readonly events: number[]
  readonly distinct: Set<string>
  min: number
  max: number
}

export function detectThreshold(
  params: ThresholdParams,
  matched: readonly number[],
  events: readonly unknown[],
  times: Float64Array,
  window: { readonly from: number; readonly to: number },
  opts: DetectThresholdOptions = {},
): Detection[] {
  const readers = params.fields.map((f) => bucketReader(f, opts.schema))
  const card = params.cardinality[0]
  const cardReader = card === undefined ? undefined : bucketReader(card.field, opts.schema)
  const excluded = historyFilter(opts.history, opts.schema)
  const groups = new Map<string, Group>()
  for (const i of matched) {
    if (!inWindow(times, i, window.from, window.to)) continue
    const event = events[i]
    const t = times[i] ?? Number.NaN
    if (excluded(event, t)) continue
    for (const combo of combinations(readers.map((r) => r(event)))) {
      const k = comboKey(combo)
      let g = groups.get(k)
      if (g === undefined) {
        g = { terms: combo, events: [], distinct: new Set(), min: t, max: t }
        groups.set(k, g)
      }
      g.events.push(i)
      if (t < g.min) g.min = t
      if (t > g.max) g.max = t
      if (cardReader !== undefined) for (const v of cardReader(event)) g.distinct.add(v.key)
    }
  }
  const out: Detection[] = []
  for (const [k, g] of groups) {
    if (g.events.length < params.value) continue
    if (card !== undefined && g.distinct.size < card.value) continue
    out.push({
      key: `t:${k}@${g.max}`,
      eventIndexes: g.events,
      time: g.max,
      details: {
        kind: 'threshold',
        terms: g.terms.map((v, n) => ({ field: params.fields[n] ?? '', value: v.value })),
        count: g.events.length,
        ...(card === undefined ? {} : { cardinality: [{ field: card.field, value: g.distinct.size }] }),
        from: g.min,
      },
    })
  }
  return out
}

/** The group part of a threshold detection's key (`t:<group>@<time>`), or undefined for other keys. */
export function thresholdGroupOf(key: string): string | undefined {
  if (!key.startsWith('t:')) return undefined
  const at = key.lastIndexOf('@')
  return at < 0 ? undefined : key.slice(2, at)
}

/**
 * The signal history after an execution wrote `alerts` (threshold detections): each group's entry
 * becomes the alert's original time. Entries older than `windowFrom` of the next run could be
 * dropped (the engine prunes them); keeping them changes nothing, as those events are outside it.
 */
export function thresholdHistoryAfter(history: ThresholdHistory | undefined, alerts: readonly Detection[]): Map<string, ThresholdHistoryEntry> {
  const next = new Map<string, ThresholdHistoryEntry>(history ?? [])
  for (const a of alerts) {
    const group = thresholdGroupOf(a.key)
    if (group === undefined || a.details?.kind !== 'threshold') continue
    const before = next.get(group)
    if (before !== undefined && before.lastSignalTimestamp >= a.time) continue
    next.set(group, { terms: a.details.terms, lastSignalTimestamp: a.time })
  }
  return next
}

/**
 * The engine's history filter: must_not (every term of an entry AND time <= its last signal).
 * A term matches when ANY value of the event's field equals it, so a multi-valued event already
 * counted for one group is left out of its other groups too, as the engine's term query does.
 */
function historyFilter(history: ThresholdHistory | undefined, schema: Schema | undefined): (event: unknown, t: number) => boolean {
  if (history === undefined || history.size === 0) return () => false
  const readers = new Map<string, BucketReader>()
  const readerOf = (field: string): BucketReader => {
    let r = readers.get(field)
    if (r === undefined) readers.set(field, (r = bucketReader(field, schema)))
    return r
  }
  const entries = [...history.values()].map((e) => ({
    last: e.lastSignalTimestamp,
    terms: e.terms.map((term) => ({ read: readerOf(term.field), value: String(term.value) })),
  }))
  return (event, t) => entries.some((e) => t <= e.last && e.terms.every((term) => term.read(event).some((v) => String(v.value) === term.value)))
}
