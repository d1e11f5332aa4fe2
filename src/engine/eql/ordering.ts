import type { Indexed } from '../values/indexed-types'
import { compareIndexed } from '../values/compare-indexed'
import type { Ordering } from './program'

/**
 * Event ordinals (spec 8.1): events are ordered by (timestamp, tiebreaker, input order). Events
 * with a tiebreaker value come before those without one at the same timestamp; input order stands
 * in for Elasticsearch's implicit `_shard_doc` tiebreaker.
 *
 * Only the events that matched some filter are ordered (the caller passes them), so timestamps are
 * parsed for matches only: parsing dates is far slower than testing most filters.
 *
 * Events without a usable timestamp cannot be returned by Elasticsearch's event and sequence
 * queries (the timestamp field is required), so they are left out here and counted; the runner
 * reports the count as warning EQL3002 rather than failing the run.
 */
export interface OrderedEvents {
  /** input indexes, in order; a position in this array is the event's ordinal ("rank") */
  readonly order: Int32Array
  /** epoch milliseconds (floored) per rank */
  readonly millis: Float64Array
  /** sub-millisecond nanoseconds (0..999999) per rank; null when every value is 0 */
  readonly nanos: Float64Array | null
  /** candidates left out because they had no usable timestamp */
  readonly withoutTimestamp: number
}

const NANOS_PER_MS = 1_000_000n

/**
 * Orders `candidates` (input indexes in ascending input order) by their ordinal. When the input is
 * already in order (the usual case for exported events) no sort happens: one linear check.
 */
export function orderEvents(events: readonly unknown[], candidates: ArrayLike<number>, ordering: Ordering): OrderedEvents {
  const n = candidates.length
  const idx = new Int32Array(n)
  const ms = new Float64Array(n)
  const ns = new Float64Array(n)
  const tieReader = ordering.tiebreaker
  const ties: (Indexed | undefined)[] | null = tieReader === null ? null : []
  let count = 0
  let anyNanos = false
  for (let k = 0; k < n; k++) {
    const i = candidates[k] as number
    const ev = events[i]
    const t = ordering.timestamp(ev)
    let m: number
    let sub = 0
    if (typeof t === 'number') {
      if (!Number.isFinite(t)) continue
      m = Math.floor(t)
      // a fractional epoch-millis number keeps its sub-millisecond part for ordering
      if (m !== t) sub = Math.round((t - m) * 1e6)
    } else if (typeof t === 'bigint') {
      let q = t / NANOS_PER_MS
      let r = t - q * NANOS_PER_MS
      if (r < 0n) {
        q -= 1n
        r += NANOS_PER_MS
      }
      m = Number(q)
      sub = Number(r)
    } else continue
    if (sub !== 0) anyNanos = true
    idx[count] = i
    ms[count] = m
    ns[count] = sub
    if (ties !== null && tieReader !== null) ties.push(tieReader(ev))
    count++
  }
  const withoutTimestamp = n - count
  const cmp = (a: number, b: number): number => {
    const d = (ms[a] as number) - (ms[b] as number)
    if (d !== 0) return d
    const dn = (ns[a] as number) - (ns[b] as number)
    if (dn !== 0) return dn
    if (ties !== null) {
      const c = compareTiebreakers(ties[a], ties[b])
      if (c !== 0) return c
    }
    return (idx[a] as number) - (idx[b] as number)
  }
  let sorted = true
  for (let k = 1; k < count; k++) {
    if (cmp(k - 1, k) > 0) {
      sorted = false
      break
    }
  }
  if (sorted) {
    return {
      order: idx.subarray(0, count),
      millis: ms.subarray(0, count),
      nanos: anyNanos ? ns.subarray(0, count) : null,
      withoutTimestamp,
    }
  }
  const perm = Array.from({ length: count }, (_, k) => k).sort(cmp)
  const order = new Int32Array(count)
  const millis = new Float64Array(count)
  const nanos = anyNanos ? new Float64Array(count) : null
  for (let k = 0; k < count; k++) {
    const p = perm[k] as number
    order[k] = idx[p] as number
    millis[k] = ms[p] as number
    if (nanos !== null) nanos[k] = ns[p] as number
  }
  return { order, millis, nanos, withoutTimestamp }
}

// Events without a tiebreaker value sort after those with one (spec 8.1).
function compareTiebreakers(a: Indexed | undefined, b: Indexed | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1
  if (b === undefined) return -1
  return compareIndexed(a, b)
}

/**
 * True when the event at rank `b` is more than `maxspanMillis` after the one at rank `a`.
 * maxspan is inclusive (spec 8.4: a gap equal to maxspan passes); with nanosecond timestamps the
 * sub-millisecond parts decide the equal-millisecond case, without building the (too large for a
 * double) nanosecond difference.
 */
export function exceedsMaxspan(ev: OrderedEvents, a: number, b: number, maxspanMillis: number): boolean {
  const d = (ev.millis[b] as number) - (ev.millis[a] as number)
  if (d !== maxspanMillis) return d > maxspanMillis
  return ev.nanos !== null && (ev.nanos[b] as number) > (ev.nanos[a] as number)
}
