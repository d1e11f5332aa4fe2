import type { MatchedEvent, RunResult, SequenceMatch } from '../engine'
import type { RunReport } from '../worker/protocol'
import { compactJson, hitFields, plural } from './format'

/**
 * The matches of the latest run: a flat list for event queries, groups with their join keys for
 * sequences and samples. Every matched event carries data-match and data-event-index so tests and
 * later panels (explain, highlight) can address it.
 */
export function Results({ report }: { report: RunReport }) {
  const byIndex = new Map(report.events)
  const { result } = report
  if (!result) return null
  const total = result.kind === 'events' ? result.events.length : groupsOf(result).length
  return (
    <>
      <p className="match-count" data-testid="match-count">
        {countText(result, report.eventCount)}
      </p>
      <ul aria-label="Results" className="results">
        {result.kind === 'events'
          ? result.events.slice(0, RENDER_LIMIT).map((e) => <EventItem key={e.index} match={e} event={byIndex.get(e.index)} shown={byIndex.has(e.index)} />)
          : groupsOf(result).slice(0, RENDER_LIMIT).map((g, i) => <GroupItem key={i} n={i + 1} kind={result.kind} group={g} byIndex={byIndex} />)}
      </ul>
      {total > RENDER_LIMIT && <p className="hint">… and {total - RENDER_LIMIT} more, not listed</p>}
    </>
  )
}

/** Rendering tens of thousands of list items would freeze the page; the count stays exact. */
const RENDER_LIMIT = 500

function groupsOf(result: Exclude<RunResult, { kind: 'events' }>): readonly SequenceMatch[] {
  return result.kind === 'sequences' ? result.sequences : result.samples
}

function countText(result: RunResult, total: number): string {
  const of = ` (${plural(total, 'event', 'events')} searched)`
  if (result.kind === 'events') return plural(result.events.length, 'match', 'matches') + of
  const groups = groupsOf(result)
  const noun = result.kind === 'sequences' ? ['sequence', 'sequences'] : ['sample', 'samples']
  return plural(groups.length, noun[0] ?? '', noun[1] ?? '') + of
}

function EventItem({ match, event, shown }: { match: MatchedEvent; event: unknown; shown: boolean }) {
  const fields = hitFields(match.hits)
  return (
    <li className="event" data-match="true" data-event-index={match.index}>
      <div className="event-head">
        <span className="event-index">#{match.index}</span>
        {fields.length > 0 && <span className="hit-fields">matched: {fields.join(', ')}</span>}
      </div>
      <code className="event-json">{shown ? compactJson(event) : '(not shown: over the display limit)'}</code>
    </li>
  )
}

function GroupItem(props: { n: number; kind: 'sequences' | 'samples'; group: SequenceMatch; byIndex: ReadonlyMap<number, unknown> }) {
  const { n, kind, group, byIndex } = props
  const label = `${kind === 'sequences' ? 'Sequence' : 'Sample'} ${n}`
  return (
    <li className="group" data-group-index={n - 1}>
      <div className="group-head">
        <strong>{label}</strong>
        {group.joinKeys.length > 0 && <span className="join-keys">join keys: {group.joinKeys.map((k) => JSON.stringify(k)).join(', ')}</span>}
      </div>
      <ol aria-label={`${label} events`}>
        {group.events.map((e, i) =>
          'missing' in e ? (
            <li key={i} className="event missing" data-missing="true">
              (missing event)
            </li>
          ) : (
            <EventItem key={i} match={e} event={byIndex.get(e.index)} shown={byIndex.has(e.index)} />
          ),
        )}
      </ol>
    </li>
  )
}
