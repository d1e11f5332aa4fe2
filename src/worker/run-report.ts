import type { FieldHit, RunResult, SequenceMatch } from '../engine'
import { timestampsOf, type Dataset } from './dataset'
import type { EventHits, Histogram, ReportGroup, ReportResult } from './protocol'

/**
 * The per-event data of a run report, derived from the engine's result in one pass: which events
 * take part in a match (for "only matches" and row states), the match structure without hits,
 * the first page of matched events with their hits, and the timeline histogram. The hits of any
 * other event come later, for the rows in view (run-hits.ts).
 */

export const DEFAULT_HISTOGRAM_BUCKETS = 60

/** Each matched event once, with its hits and stage, in result order (sequence stages in stage order). */
export function matchedEvents(result: RunResult | null): { index: number; stage: number; hits: readonly FieldHit[] }[] {
  if (!result) return []
  const out: { index: number; stage: number; hits: readonly FieldHit[] }[] = []
  const seen = new Set<number>()
  const add = (index: number, stage: number, hits: readonly FieldHit[]): void => {
    if (seen.has(index)) return
    seen.add(index)
    out.push({ index, stage, hits })
  }
  switch (result.kind) {
    case 'events':
      for (const e of result.events) add(e.index, 0, e.hits)
      break
    case 'sequences':
    case 'samples':
      for (const s of result.kind === 'sequences' ? result.sequences : result.samples) {
        s.events.forEach((e, stage) => {
          if (!('missing' in e)) add(e.index, stage, e.hits)
        })
      }
      break
    default:
      return assertNever(result)
  }
  return out
}

/** The matched events a result references, in result order, deduplicated, capped for display. */
export function pickEvents(result: RunResult | null, events: readonly unknown[], limit: number): [number, unknown][] {
  return firstMatched(result, limit).map((i) => [i, events[i]])
}

/** The first `limit` distinct matched event indexes, in result order (stops early: no pass over all). */
function firstMatched(result: RunResult | null, limit: number): number[] {
  const out: number[] = []
  const max = Math.max(0, limit)
  if (!result || max === 0) return out
  if (result.kind === 'events') {
    for (const e of result.events) {
      if (out.length >= max) break
      out.push(e.index)
    }
    return out
  }
  const seen = new Set<number>()
  for (const g of result.kind === 'sequences' ? result.sequences : result.samples) {
    for (const e of g.events) {
      if ('missing' in e || seen.has(e.index)) continue
      seen.add(e.index)
      out.push(e.index)
      if (out.length >= max) return out
    }
  }
  return out
}

/** Every matched event index once, ascending. */
export function matchedIndexesOf(result: RunResult | null): number[] {
  if (!result) return []
  if (result.kind === 'events') {
    // distinct by construction; a typed sort is several times faster than Array#sort on 100,000
    return Array.from(Int32Array.from(result.events, (e) => e.index).sort())
  }
  const seen = new Set<number>()
  for (const g of result.kind === 'sequences' ? result.sequences : result.samples) for (const e of g.events) if (!('missing' in e)) seen.add(e.index)
  return Array.from(Int32Array.from(seen).sort())
}

/** The result's match structure without hits (what the report carries). */
export function reportResult(result: RunResult | null): ReportResult | null {
  if (!result) return null
  const group = (g: SequenceMatch): ReportGroup => ({ joinKeys: g.joinKeys, events: g.events.map((e) => ('missing' in e ? { missing: true as const } : { index: e.index })) })
  switch (result.kind) {
    case 'events':
      return { kind: 'events', count: result.events.length }
    case 'sequences':
      return { kind: 'sequences', sequences: result.sequences.map(group) }
    case 'samples':
      return { kind: 'samples', samples: result.samples.map(group) }
    default:
      return assertNever(result)
  }
}

export interface PerEventData {
  readonly result: ReportResult | null
  readonly matchedIndexes: readonly number[]
  readonly events: readonly (readonly [number, unknown])[]
  readonly eventHits: readonly (EventHits | null)[]
  readonly histogram: Histogram | null
}

/** The report's per-event part; `hitsFor` answers the first page's hits (the run held for its hits). */
export function perEventData(
  result: RunResult | null,
  dataset: Dataset,
  hitsFor: (index: number, event: unknown) => EventHits | null,
  options: { displayLimit: number; timestampField: string; buckets?: number },
): PerEventData {
  const matchedIndexes = matchedIndexesOf(result)
  const first = firstMatched(result, options.displayLimit)
  const events = first.map((i): [number, unknown] => [i, dataset.events[i]])
  const eventHits = events.map(([i, e]) => hitsFor(i, e))
  const histogram = buildHistogram(timestampsOf(dataset, options.timestampField), matchedIndexes, options.timestampField, options.buckets ?? DEFAULT_HISTOGRAM_BUCKETS)
  return { result: reportResult(result), matchedIndexes, events, eventHits, histogram }
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
