import { useMemo } from 'react'
import { usePlayground } from '../use-playground'
import { matchCountText, type ResultKind } from './format-results'
import { excludedCounts, excludedText } from './report-view'

/**
 * `3 matches of 1,204 events · 2 excluded (1 by the query, 1 by an exception) · 12 ms`: starts
 * with the number of matches (tests and people read that first). The excluded part counts events
 * the query's own exclusions took out (from the analysis of the run's query, once it arrives) and
 * events an exception item took out (from the run). The time is the run's wall time as the page
 * saw it, else the worker's. Not a live region (its time changes on every run): RunAnnouncer
 * says the settled count.
 */
export function MatchCount({ kind, matches, eventCount }: { kind: ResultKind; matches: number; eventCount: number }) {
  const ms = usePlayground((s) => s.runMs ?? s.report?.elapsedMs ?? 0)
  const running = usePlayground((s) => s.status === 'running')
  const report = usePlayground((s) => s.report)
  const analysis = usePlayground((s) => s.analysis)
  // once per report or analysis, not per store change: it walks the excluded list
  const counts = useMemo(() => (report === null ? null : excludedCounts(report, analysis)), [report, analysis])
  const excluded = counts === null ? '' : excludedText(counts)
  const text = matchCountText(kind, matches, eventCount, ms)
  const cut = text.lastIndexOf(' · ')
  return (
    <p className="match-count" data-testid="match-count" data-stale={running ? 'true' : undefined}>
      {excluded === '' || cut < 0 ? (
        text
      ) : (
        <>
          {text.slice(0, cut)}
          <span
            className="excluded-count"
            data-testid="excluded-count"
            data-by-query={counts?.byQuery}
            data-by-exception={counts?.byException}
          >{` · ${excluded}`}</span>
          {text.slice(cut)}
        </>
      )}
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
