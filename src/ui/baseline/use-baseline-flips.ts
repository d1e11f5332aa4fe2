import { flipIndex, flips, type Flip, type Flips } from '../../state/baseline'
import type { PlaygroundState } from '../../state/store'
import { usePlayground } from '../use-playground'

/**
 * The flips against the pinned baseline, computed once per (baseline, report) pair however many
 * rows ask: every visible row reads its own flip, and a diff per row per render would be wasteful.
 */
interface Cached {
  readonly baseline: PlaygroundState['baseline']
  readonly report: PlaygroundState['report']
  readonly flips: Flips | null
  readonly byEvent: ReadonlyMap<number, Flip>
}

let cache: Cached | null = null

function flipsOf(s: PlaygroundState): Cached {
  if (cache !== null && cache.baseline === s.baseline && cache.report === s.report) return cache
  const f = s.baseline === null ? null : flips(s.baseline, s.report)
  cache = { baseline: s.baseline, report: s.report, flips: f, byEvent: flipIndex(f) }
  return cache
}

/** The current flips; null when nothing is pinned or the current run cannot be compared. */
export function useBaselineFlips(): Flips | null {
  return usePlayground((s) => flipsOf(s).flips)
}

/** How one event flipped since the pin, if it did. */
export function useFlipOf(eventIndex: number): Flip | undefined {
  return usePlayground((s) => (s.baseline === null ? undefined : flipsOf(s).byEvent.get(eventIndex)))
}
