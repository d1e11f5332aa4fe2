import { usePlayground } from '../use-playground'
import type { CompareReason, CompareReport, Disagreement } from '../../worker/protocol-compare'

/**
 * "They disagree on N events", then one entry per event: its summary, which side matches, and each
 * side's reason (the deciding clause as written, with the values it read). Choosing an entry
 * selects the event in the results; an event only B matches is not a match of the current query,
 * so "only matches" is turned off first or its row would stay hidden.
 */
export function DisagreementList({ report }: { report: CompareReport }) {
  const selected = usePlayground((s) => s.selectedIndex)
  // reveal: the virtualized list scrolls to rows it does not hold yet
  const revealEvent = usePlayground((s) => s.revealEvent)
  const onlyMatches = usePlayground((s) => s.onlyMatches)
  const setOnlyMatches = usePlayground((s) => s.setOnlyMatches)
  const total = report.disagreementTotal
  const choose = (d: Disagreement): void => {
    if (d.matchedBy === 'b' && onlyMatches) setOnlyMatches(false)
    revealEvent(d.eventIndex)
  }
  return (
    <div className="compare-disagreements">
      <p className="compare-headline" role="status" data-testid="compare-summary" data-disagreements={report.comparable ? total : undefined}>
        {!report.comparable
          ? 'No comparison: a version does not compile or did not finish.'
          : total === 0
            ? `They agree on all ${report.eventCount} events.`
            : `They disagree on ${total} ${total === 1 ? 'event' : 'events'}.`}
        {report.stopped && ' The comparison stopped at the run budget: the list may be incomplete.'}
      </p>
      {report.disagreements.length > 0 && (
        <ul className="compare-list" aria-label="Events the versions disagree on">
          {report.disagreements.map((d) => (
            <li key={d.eventIndex}>
              <button
                type="button"
                className="compare-entry"
                aria-current={selected === d.eventIndex ? 'true' : undefined}
                data-compare-index={d.eventIndex}
                data-matched-by={d.matchedBy}
                onClick={() => choose(d)}
              >
                <span className="compare-entry-head">
                  <span className="event-index">#{d.eventIndex}</span>
                  <span className="compare-event-summary">{d.summary}</span>
                </span>
                <Reason side="A" reason={d.a} />
                <Reason side="B" reason={d.b} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {total > report.disagreements.length && (
        <p className="hint">
          The first {report.disagreements.length} of {total} are listed.
        </p>
      )}
    </div>
  )
}

function Reason({ side, reason }: { side: 'A' | 'B'; reason: CompareReason }) {
  const c = reason.clause
  return (
    <span className={`compare-reason ${reason.match ? 'is-match' : 'is-nomatch'}`} data-side={side.toLowerCase()}>
      <span className="compare-verdict">
        {side}: {reason.match ? 'match' : 'no match'}
      </span>{' '}
      <span className="compare-why">{reason.summary}</span>
      {c !== null && c.seen.length > 0 && (
        <span className="compare-seen">
          {c.seen.map((s) => (
            <span key={s.field} className="compare-seen-field">
              <code>{s.field}</code> = {s.total === 0 ? <em>no value</em> : <code>{valuesText(s.values, s.total)}</code>}
            </span>
          ))}
        </span>
      )}
    </span>
  )
}

function valuesText(values: readonly unknown[], total: number): string {
  const shown = values.map((v) => JSON.stringify(v) ?? String(v)).join(', ')
  const more = total > values.length ? `, … (${total})` : ''
  return total === 1 ? shown : `[${shown}${more}]`
}
