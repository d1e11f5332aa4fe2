import type { FieldHit, RunResult } from '../engine'
import { timestampsOf, type Dataset } from './dataset'
import type { Histogram } from './protocol'

/**
 * The per-event data of a run report, derived from the engine's result in one pass: which events
 * take part in a match (for "only matches" and row highlighting), the hits of each, the matched
 * events copied for display, and the timeline histogram.
 */

export const DEFAULT_HISTOGRAM_BUCKETS = 60

/** Each matched event once, with its hits, in result order (sequence stages in stage order). */
export function matchedEvents(result: RunResult | null): { index: number; hits: readonly FieldHit[] }[] {
  if (!result) return []
  const out: { index: number; hits: readonly FieldHit[] }[] = []
  const seen = new Set<number>()
  const add = (index: number, hits: readonly FieldHit[]): void => {
    if (seen.has(index)) return
    seen.add(index)
    out.push({ index, hits })
  }
  switch (result.kind) {
    case 'events':
      for (const e of result.events) add(e.index, e.hits)
      break
    case 'sequences':
    case 'samples':
      for (const s of result.kind === 'sequences' ? result.sequences : result.samples) {
        for (const e of s.events) if (!('missing' in e)) add(e.index, e.hits)
      }
      break
    default:
      return assertNever(result)
  }
  return out
}

/** The matched events a result references, in result order, deduplicated, capped for display. */
export function pickEvents(result: RunResult | null, events: readonly unknown[], limit: number): [number, unknown][] {
  return matchedEvents(result)
    .slice(0, Math.max(0, limit))
    .map((m) => [m.index, events[m.index]])
}

export interface PerEventData {
  readonly matchedIndexes: readonly number[]
  readonly hits: Readonly<Record<number, readonly FieldHit[]>>
  readonly events: readonly (readonly [number, unknown])[]
  readonly histogram: Histogram | null
}

export function perEventData(result: RunResult | null, dataset: Dataset, options: { displayLimit: number; timestampField: string; buckets?: number }): PerEventData {
  const matched = matchedEvents(result)
  const hits: Record<number, readonly FieldHit[]> = {}
  for (const m of matched) hits[m.index] = m.hits
  const matchedIndexes = matched.map((m) => m.index).sort((a, b) => a - b)
  const events = matched.slice(0, Math.max(0, options.displayLimit)).map((m): [number, unknown] => [m.index, dataset.events[m.index]])
  const histogram = buildHistogram(timestampsOf(dataset, options.timestampField), matchedIndexes, options.timestampField, options.buckets ?? DEFAULT_HISTOGRAM_BUCKETS)
  return { matchedIndexes, hits, events, histogram }
}

/** Counts of all and of matched events in `buckets` equal slices of the timestamp range. */
export function buildHistogram(times: Float64Array, matchedIndexes: readonly number[], field: string, buckets: number): Histogram | null {
  let from = Infinity
  let to = -Infinity
  for (const t of times) {
    if (Number.isNaN(t)) continue
    if (t < from) from = t
    if (t > to) to = t
  }
  if (from > to) return null
  const n = Math.max(1, Math.min(1000, Math.floor(buckets)))
  // +1: the latest event must fall inside the last bucket, not on its open end
  const bucketMs = Math.max(1, Math.ceil((to - from + 1) / n))
  const all = new Array<number>(n).fill(0)
  const matched = new Array<number>(n).fill(0)
  const slot = (t: number) => Math.min(n - 1, Math.floor((t - from) / bucketMs))
  let undated = 0
  for (const t of times) {
    if (Number.isNaN(t)) undated++
    else all[slot(t)]!++
  }
  let undatedMatched = 0
  for (const i of matchedIndexes) {
    const t = times[i]
    if (t === undefined || Number.isNaN(t)) undatedMatched++
    else matched[slot(t)]!++
  }
  return { field, from, to, bucketMs, all, matched, undated, undatedMatched }
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`)
}
