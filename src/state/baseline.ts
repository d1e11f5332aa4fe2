import type { QueryLanguage } from './document-slice'

/**
 * A pinned baseline: what the query matched when the user pinned it, so every later edit can be
 * read as "which events flipped". Pure data and set arithmetic; the store slice
 * (baseline-slice.ts) takes the pin, the results pane shows the flips.
 */

/** What a pin remembers of a finished run. */
export interface Baseline {
  readonly query: string
  readonly language: QueryLanguage
  /** event indexes that took part in a match, ascending (for sequences: every event of a matched sequence) */
  readonly matched: readonly number[]
  /** the dataset the pin was taken on: flips against other events would mean nothing */
  readonly eventsVersion: number
  /** epoch millis */
  readonly pinnedAt: number
}

/** The part of a run report a pin and a comparison read. */
export interface ReportForBaseline {
  readonly query: string
  readonly language: QueryLanguage
  readonly eventsVersion: number
  readonly result: unknown
  readonly matchedIndexes: readonly number[]
}

/** Events that flipped since the pin, each list ascending. */
export interface Flips {
  /** match now, did not at the pin */
  readonly gained: readonly number[]
  /** matched at the pin, do not now */
  readonly lost: readonly number[]
}

/** A baseline from a report that has a result (null when the run produced none). */
export function baselineOf(report: ReportForBaseline, pinnedAt: number): Baseline | null {
  if (report.result === null || report.result === undefined) return null
  return {
    query: report.query,
    language: report.language,
    matched: ascendingUnique(report.matchedIndexes),
    eventsVersion: report.eventsVersion,
    pinnedAt,
  }
}

/**
 * The events that flipped between the pin and the current report; null when there is nothing to
 * compare (no result, or the report is over other events than the pin).
 */
export function flips(baseline: Baseline, current: ReportForBaseline | null): Flips | null {
  if (current === null || current.result === null || current.result === undefined) return null
  if (current.eventsVersion !== baseline.eventsVersion) return null
  const now = ascendingUnique(current.matchedIndexes)
  const gained: number[] = []
  const lost: number[] = []
  // one merge pass over two ascending lists
  let i = 0
  let j = 0
  while (i < baseline.matched.length || j < now.length) {
    const a = baseline.matched[i]
    const b = now[j]
    if (b === undefined || (a !== undefined && a < b)) {
      if (a !== undefined) lost.push(a)
      i++
    } else if (a === undefined || b < a) {
      gained.push(b)
      j++
    } else {
      i++
      j++
    }
  }
  return { gained, lost }
}

/** How one event flipped, for marking its row. */
export type Flip = 'gained' | 'lost'

/** Per-event lookup of the flips (rows ask one index each). */
export function flipIndex(f: Flips | null): ReadonlyMap<number, Flip> {
  const map = new Map<number, Flip>()
  if (f === null) return map
  for (const i of f.gained) map.set(i, 'gained')
  for (const i of f.lost) map.set(i, 'lost')
  return map
}

function ascendingUnique(xs: readonly number[]): number[] {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted.filter((x, k) => k === 0 || x !== sorted[k - 1])
}
