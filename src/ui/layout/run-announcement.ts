/**
 * What the screen-reader announcer (RunAnnouncer.tsx) says once a run has settled: the outcome in
 * a short sentence a listener can take in without looking — not the numbers of the status line,
 * whose run time changes on every run and would make every announcement "new". Pure, locale
 * pinned like the rest of the results text.
 */
import type { Diagnostic } from '../../engine'
import type { Failure, ReportResult } from '../../worker/protocol'
import { formatCount, plural } from '../results/format-results'

/** The run state the announcement is made from (a subset of the store's run slice). */
export interface RunOutcome {
  readonly status: 'idle' | 'running' | 'error'
  readonly report: { readonly eventCount: number; readonly diagnostics: readonly Diagnostic[]; readonly result: ReportResult | null } | null
  readonly failure: Failure | null
}

/** A long error message is cut: the listener hears the gist, the problems list has the rest. */
const MAX_MESSAGE = 160

function cut(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim()
  return one.length > MAX_MESSAGE ? `${one.slice(0, MAX_MESSAGE - 1)}…` : one
}

/** `3 of 120 events match`, `1 of 1 event matches`, `No events match (of 120)`. */
function eventsText(matches: number, eventCount: number): string {
  if (matches === 0) return eventCount === 0 ? 'No events loaded' : `No events match (of ${plural(eventCount, 'event', 'events')})`
  return `${formatCount(matches)} of ${plural(eventCount, 'event', 'events')} ${matches === 1 ? 'matches' : 'match'}`
}

/** `2 sequences match`, `1 sample matches`, `No sequences match`: groups, then the events they were found in. */
function groupsText(n: number, one: string, many: string, eventCount: number): string {
  const of = ` in ${plural(eventCount, 'event', 'events')}`
  if (n === 0) return `No ${many} match${of}`
  return `${plural(n, one, many)} ${n === 1 ? 'matches' : 'match'}${of}`
}

/**
 * The sentence for a settled run, or null while a run is in flight or when there is nothing to
 * say (no query: the page shows its hint). A query error names the first error and how many
 * more there are.
 */
export function runAnnouncement(run: RunOutcome): string | null {
  // A run that could not be served (stopped by the watchdog, a crashed worker) is already said
  // at once by the results pane's alert (ResultsError.tsx): rare, and worth interrupting for.
  if (run.status === 'running' || run.failure) return null
  const report = run.report
  if (!report) return null
  const errors = report.diagnostics.filter((d) => d.severity === 'error')
  const first = errors[0]
  if (first) {
    const more = errors.length > 1 ? ` (and ${plural(errors.length - 1, 'more error', 'more errors')})` : ''
    return `Query error: ${cut(first.message)}${more}`
  }
  const result = report.result
  if (!result) return null
  switch (result.kind) {
    case 'events':
      return eventsText(result.count, report.eventCount)
    case 'sequences':
      return groupsText(result.sequences.length, 'sequence', 'sequences', report.eventCount)
    case 'samples':
      return groupsText(result.samples.length, 'sample', 'samples', report.eventCount)
  }
}

/**
 * `Loaded 5,000 events, 2 problems`: said before the run's outcome when the event set changed
 * since the last announcement (a paste, a file, an example), so the listener knows what the
 * count that follows is over.
 */
export function eventsAnnouncement(info: { readonly eventCount: number; readonly problems: readonly unknown[]; readonly problemCount?: number }): string {
  const problems = info.problemCount ?? info.problems.length
  const loaded = `Loaded ${plural(info.eventCount, 'event', 'events')}`
  return problems === 0 ? loaded : `${loaded}, ${plural(problems, 'problem', 'problems')}`
}

/** The two joined as one announcement: `Loaded 5 events. 3 of 5 events match`. */
export function joinAnnouncements(parts: readonly (string | null)[]): string {
  return parts.filter((p): p is string => p !== null && p !== '').join('. ')
}
