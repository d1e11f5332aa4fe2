import { useEffect, useMemo, useState } from 'react'
import type { Diagnostic } from '../engine'
import { revealInQueryEditor } from '../editor/editor-handle'
import { offsetToPositionIn } from '../editor/markers'
import { usePlayground } from './use-playground'
import '../editor/shell.css'

interface Shown {
  readonly query: string
  readonly diagnostics: readonly Diagnostic[]
}

const NONE: Shown = { query: '', diagnostics: [] }

/**
 * The problems list under the query editor: one entry per diagnostic of the latest run, with its
 * code, line:column and message. Activating an entry selects the span in the query editor and
 * focuses it.
 *
 * While a newer edit is still running, the previous list stays, dimmed (`data-stale`), as the
 * editor's markers stay: a list that vanished on every keystroke would make the editor above it
 * jump. Positions are those of the text the run saw; the next report replaces them.
 */
export function ProblemsList() {
  const report = usePlayground((s) => s.report)
  const query = usePlayground((s) => s.query)
  // a run that failed (stopped, crashed) has no diagnostics; the old ones no longer apply
  const failed = usePlayground((s) => s.failure !== null)
  const [last, setLast] = useState<Shown>(NONE)
  const current = report !== null && report.query === query
  useEffect(() => {
    if (report !== null && report.query === query) setLast({ query: report.query, diagnostics: report.diagnostics })
    else if (query.trim() === '') setLast(NONE)
  }, [report, query])
  const shown: Shown = current ? report : query.trim() === '' || failed ? NONE : last
  const toPosition = useMemo(() => offsetToPositionIn(shown.query), [shown.query])
  if (shown.diagnostics.length === 0) return null
  return (
    <ul aria-label="Problems" className="problems-list" data-stale={!current}>
      {shown.diagnostics.map((d, i) => {
        const { lineNumber, column } = toPosition(d.span.start)
        return (
          <li key={i} className={`problem ${d.severity}`} data-code={d.code} data-severity={d.severity}>
            <button type="button" className="problem-jump" onClick={() => revealInQueryEditor(d.span)}>
              <span className="code-name">{d.code}</span> <span className="position">{`${lineNumber}:${column}`}</span>{' '}
              <span className="message">{d.message}</span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
