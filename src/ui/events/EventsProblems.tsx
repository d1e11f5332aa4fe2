import type { EventsLoaded } from '../../worker/protocol'
import { formatCount, problemTotal } from './events-summary'

/** How many problems are listed; the rest are counted (a binary file is all problems). */
const SHOWN = 200

/**
 * What could not be read, line by line with the reason (the good events are used), and the notes
 * from building the schema (fields inferred from the events).
 */
export function EventsProblems({ info }: { info: EventsLoaded }) {
  const total = problemTotal(info)
  const shown = info.problems.slice(0, SHOWN)
  return (
    <>
      {info.schemaDiagnostics.length > 0 && (
        <ul aria-label="Field notes" className="problems">
          {info.schemaDiagnostics.map((d, i) => (
            <li key={i} data-code={d.code}>
              {d.message}
            </li>
          ))}
        </ul>
      )}
      {total > 0 && (
        <>
          <p className="hint" data-testid="events-problem-count">
            {formatCount(total)} {total === 1 ? 'line' : 'lines'} could not be read; the other events are used.
          </p>
          {/* focusable: the list scrolls (a binary paste fills it), and keyboard users must be able to scroll it */}
          <ul aria-label="Event problems" className="problems events-problems" tabIndex={0}>
            {shown.map((p, i) => (
              <li key={i} data-line={p.line}>
                {p.line !== undefined ? `line ${p.line}: ` : ''}
                {p.message}
              </li>
            ))}
          </ul>
          {total > shown.length && <p className="hint">… and {formatCount(total - shown.length)} more.</p>}
        </>
      )}
    </>
  )
}
