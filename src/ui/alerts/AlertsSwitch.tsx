import { usePlayground } from '../use-playground'
import './alerts-switch.css'

/**
 * "Events | Alerts" at the top of the results: the event list the query matches, or the alerts
 * the rule would raise. Two toggle buttons in a labelled group (aria-pressed tells which is shown;
 * Tab and Enter/Space work as on any button). Kept tiny: it sits in the page's first bundle.
 */
export function AlertsSwitch() {
  const open = usePlayground((s) => s.alertsOpen)
  const show = usePlayground((s) => s.showAlerts)
  return (
    <div className="alerts-switch" role="group" aria-label="Results view" data-testid="alerts-switch">
      <button type="button" aria-pressed={!open} onClick={() => show(false)}>Events</button>
      <button type="button" aria-pressed={open} onClick={() => show(true)}>Alerts</button>
    </div>
  )
}
