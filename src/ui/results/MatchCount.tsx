import { usePlayground } from '../use-playground'
import { matchCountText, type ResultKind } from './format-results'

/**
 * `3 matches of 1,204 events · 12 ms`: starts with the number of matches (tests and people read
 * that first). The time is the run's wall time as the page saw it, else the worker's.
 */
export function MatchCount({ kind, matches, eventCount }: { kind: ResultKind; matches: number; eventCount: number }) {
  const ms = usePlayground((s) => s.runMs ?? s.report?.elapsedMs ?? 0)
  const running = usePlayground((s) => s.status === 'running')
  return (
    <p className="match-count" data-testid="match-count" aria-live="polite" data-stale={running ? 'true' : undefined}>
      {matchCountText(kind, matches, eventCount, ms)}
    </p>
  )
}

/** The "Only matches" switch: hides non-matching events instead of dimming them. */
export function OnlyMatchesToggle({ disabled }: { disabled?: boolean }) {
  const onlyMatches = usePlayground((s) => s.onlyMatches)
  const setOnlyMatches = usePlayground((s) => s.setOnlyMatches)
  return (
    <label className="only-matches">
      <input type="checkbox" checked={onlyMatches} disabled={disabled} onChange={(e) => setOnlyMatches(e.target.checked)} />
      Only matches
    </label>
  )
}
