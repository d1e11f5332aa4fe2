import { useId, useState } from 'react'
import type { SimulatedAlert } from '../../engine'
import { AlertItem } from './AlertItem'

/** Alerts rendered before "Show more": the worker copies back at most its ALERT_LIMIT anyway. */
const PAGE = 100

/**
 * The alerts written, in run then write order, each expandable to its `kibana.alert.*` document.
 * Says so when the worker sent fewer alert documents than were written (totals stay complete).
 */
export function AlertList({ alerts, total, truncated }: { alerts: readonly SimulatedAlert[]; total: number; truncated: boolean }) {
  const [shown, setShown] = useState(PAGE)
  const headingId = useId()
  if (alerts.length === 0) {
    return <p className="hint" data-testid="alerts-none">No alerts: no run of the rule found anything to write.</p>
  }
  return (
    <div className="alerts-list-box">
      <h3 className="alerts-heading" id={headingId}>Alerts</h3>
      {truncated && (
        <p className="alerts-note">
          Showing the first {alerts.length.toLocaleString('en-US')} of {total.toLocaleString('en-US')} alerts.
        </p>
      )}
      <ol className="alerts-list" aria-labelledby={headingId} data-testid="alert-list">
        {alerts.slice(0, shown).map((a) => <AlertItem key={a.id} alert={a} />)}
      </ol>
      {shown < alerts.length && (
        <button type="button" className="alerts-more" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, alerts.length - shown)} more
        </button>
      )}
    </div>
  )
}
