import type { KeyValue } from './program'
import type { TupleMap } from './run-join-keys'

/**
 * Missing-event stages `![...]` (spec 8.5). Positive stages are matched as if the missing ones were
 * not there; each completed candidate is then checked against the events of each missing stage
 * that share its join key tuple (the candidate's tuple looked up among the missing stage's own
 * keys). Comparisons use millisecond timestamps and strict bounds: an event in the same
 * millisecond as a positive event never counts.
 */

/** Millisecond timestamps of one missing stage's events, per key tuple, ascending. */
export type MissingTimes = TupleMap<number[]>

/** Where a missing stage sits: how many positive stages come before it, and whose events it uses. */
export interface MissingSlot {
  /** 0: leading, positiveCount: trailing, otherwise between positive `after-1` and `after` */
  readonly after: number
  readonly times: MissingTimes
}

/** Index of the first element greater than x. */
function upperBound(a: readonly number[], x: number): number {
  let lo = 0
  let hi = a.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((a[mid] as number) <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Index of the first element greater than or equal to x. */
function lowerBound(a: readonly number[], x: number): number {
  let lo = 0
  let hi = a.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((a[mid] as number) < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Whether a candidate survives its missing stages. `times[k]` is the millisecond timestamp of the
 * candidate's k-th positive event.
 *
 * Middle stages: any event strictly between the neighbouring positive events discards it.
 * Leading/trailing stages: L is the latest leading event strictly before the first positive event,
 * T the earliest trailing event strictly after the last one; the candidate is kept when some window
 * of length maxspan covering the positive events contains neither: no L, or no T, or the gap
 * between them (or between L and the last positive event, T and the first) exceeds maxspan.
 */
export function keepsMissing(
  times: readonly number[],
  tuple: readonly KeyValue[],
  slots: readonly MissingSlot[],
  maxspanMillis: number | null,
): boolean {
  const P = times.length
  const first = times[0] as number
  const last = times[P - 1] as number
  let hasLeading = false
  let hasTrailing = false
  let L = -Infinity
  let T = Infinity
  for (const slot of slots) {
    const list = slot.times.get(tuple)
    if (slot.after === 0) hasLeading = true
    else if (slot.after === P) hasTrailing = true
    if (list === undefined || list.length === 0) continue
    if (slot.after === 0) {
      const k = lowerBound(list, first) - 1
      if (k >= 0) L = Math.max(L, list[k] as number)
    } else if (slot.after === P) {
      const k = upperBound(list, last)
      if (k < list.length) T = Math.min(T, list[k] as number)
    } else {
      const a = times[slot.after - 1] as number
      const b = times[slot.after] as number
      const k = upperBound(list, a)
      if (k < list.length && (list[k] as number) < b) return false
    }
  }
  const foundL = L !== -Infinity
  const foundT = T !== Infinity
  if (!foundL && !foundT) return true
  // without maxspan (the checker requires one with missing stages) no window can escape them
  const span = maxspanMillis ?? Infinity
  if (hasLeading && hasTrailing) return !foundL || !foundT || T - L > span
  if (hasLeading) return !foundL || last - L > span
  if (hasTrailing) return !foundT || T - first > span
  return true
}
