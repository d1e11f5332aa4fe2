import { useMemo } from 'react'
import type { Diagnostic } from '../engine'
import { revealInQueryEditor } from '../editor/editor-handle'
import { offsetToPositionIn } from '../editor/markers'
import { usePlayground } from './use-playground'
import '../editor/shell.css'

/**
 * The problems list under the query editor: one entry per diagnostic of the latest run, with its
 * code, line:column and message. Activating an entry selects the span in the query editor and
 * focuses it. Shows nothing while a newer edit is still running, so a position never points into
 * text that has changed since (the editor's markers do the same).
 */
export function ProblemsList() {
  const report = usePlayground((s) => s.report)
  const query = usePlayground((s) => s.query)
  const current = report !== null && report.query === query
  const diagnostics: readonly Diagnostic[] = current ? report.diagnostics : []
  const toPosition = useMemo(() => offsetToPositionIn(current ? report.query : ''), [current, report])
  if (diagnostics.length === 0) return null
  return (
    <ul aria-label="Problems" className="problems-list">
      {diagnostics.map((d, i) => {
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
