import { useMemo, useState } from 'react'
import type { SimulatedExecution } from '../../engine'
import { executionRows, isoShort, windowText, type ExecutionRow } from './alerts-format'

/** Rows shown before "Show all": a month of busy 5-minute runs would be thousands. */
const FIRST_ROWS = 100

/**
 * The simulated runs: when each ran, its look-back window, the events in it, the alerts it wrote,
 * detections an earlier overlapping run had already written (duplicates, not written again) and
 * detections past max_signals (dropped). Runs that saw nothing are folded into one line.
 */
export function ExecutionsTable({ executions }: { executions: readonly SimulatedExecution[] }) {
  const rows = useMemo(() => executionRows(executions), [executions])
  const [all, setAll] = useState(false)
  const shown = all ? rows : rows.slice(0, FIRST_ROWS)
  return (
    // It scrolls on its own: focusable and named, so a keyboard can scroll it too (axe scrollable-region-focusable).
    <div className="alerts-executions" tabIndex={0} role="region" aria-label="Executions">
      <table data-testid="alerts-executions">
        <caption>Executions</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Run at (UTC)</th>
            <th scope="col">Window</th>
            <th scope="col">Events</th>
            <th scope="col">Alerts</th>
            <th scope="col">Duplicates</th>
            <th scope="col">Dropped</th>
            <th scope="col">At cap</th>
          </tr>
        </thead>
        <tbody>{shown.map((r) => <Row key={r.kind === 'run' ? r.execution.index : `q${r.first.index}`} row={r} />)}</tbody>
      </table>
      {shown.length < rows.length && (
        <button type="button" className="alerts-more" onClick={() => setAll(true)}>
          Show all {rows.length.toLocaleString('en-US')} rows
        </button>
      )}
    </div>
  )
}

function Row({ row }: { row: ExecutionRow }) {
  if (row.kind === 'quiet') {
    const span = row.runs === 1 ? `Run ${row.first.index + 1}` : `Runs ${row.first.index + 1}–${row.last.index + 1}`
    return (
      <tr className="is-quiet" data-testid="alerts-quiet-runs">
        <td colSpan={8}>
          {span} ({isoShort(row.first.runAt)}{row.runs > 1 ? ` – ${isoShort(row.last.runAt)}` : ''}) saw no events
        </td>
      </tr>
    )
  }
  const x = row.execution
  const dupFrom = [...new Set(x.duplicateDetections.map((d) => d.firstExecution + 1))]
  return (
    <tr data-testid="alerts-execution" className={x.atCap ? 'is-cap' : undefined}>
      <th scope="row">{x.index + 1}</th>
      {/* a space instead of the T, so a narrow pane can wrap the date above the time */}
      <td>{isoShort(x.runAt).replace('T', ' ')}</td>
      <td>{windowText(x)}</td>
      <td>{x.eventsInWindow}</td>
      <td>{x.alerts}</td>
      <td title={dupFrom.length > 0 ? `already written by run ${dupFrom.join(', ')}` : undefined}>
        {x.duplicates}
        {dupFrom.length > 0 && <span className="alerts-muted"> (run {dupFrom.join(', ')})</span>}
      </td>
      <td>
        {x.dropped}
        {x.dropped > 0 && <span className="alerts-muted"> ({droppedText(x)})</span>}
      </td>
      <td>{x.atCap ? 'yes' : ''}</td>
    </tr>
  )
}

/** "#3, #5 +2 more": the events behind the detections a run dropped at the cap (first ones). */
function droppedText(x: SimulatedExecution): string {
  const events = x.droppedDetections.map((d) => d.eventIndexes.map((i) => `#${i}`).join('+'))
  const more = events.length > 5 ? ` +${events.length - 5} more` : ''
  return `events ${events.slice(0, 5).join(', ')}${more}`
}
