import type { Diagnostic, RuleSimulation } from '../../engine'
import { alertsReportFor } from '../../state/alerts-slice'
import { usePlayground } from '../use-playground'
import { AlertList } from './AlertList'
import { AlertsTimeline } from './AlertsTimeline'
import { ExecutionsTable } from './ExecutionsTable'
import { explainTotals, scheduleText, summaryText } from './alerts-format'
import './alerts.css'

/**
 * The alerts the rule would raise over the loaded events, as the detection engine would write
 * them: the totals, the schedule, what could not be simulated (in words), a strip of alerts per
 * run, the runs, and the alert documents. Reads only the store; the effect asks the worker while
 * the view is open. `data-alerts-status` and `data-alert-count` are for tests and tools to wait on.
 */
export function AlertsView() {
  const report = usePlayground(alertsReportFor)
  const status = usePlayground((s) => s.alertsStatus)
  const failure = usePlayground((s) => s.alertsFailure)
  const sim = report?.simulation
  return (
    <section
      className="alerts-view"
      aria-label="Alerts"
      data-testid="alerts-view"
      data-alerts-status={status}
      data-alert-count={sim?.totals.alerts}
      aria-busy={status === 'running'}
    >
      {status === 'failed' && (
        <p className="alerts-failure" role="alert">
          The alerts could not be simulated: {failure ?? 'the worker did not answer'}.
        </p>
      )}
      {sim === undefined ? (
        status !== 'failed' && (
          <p className="hint">
            {status === 'running' ? "Simulating the rule's runs…" : 'No simulation for the current query yet: it runs once the query runs without errors.'}
          </p>
        )
      ) : (
        <SimulationBody sim={sim} truncated={report?.alertsTruncated === true} stale={status === 'running'} />
      )}
    </section>
  )
}

function SimulationBody({ sim, truncated, stale }: { sim: RuleSimulation; truncated: boolean; stale: boolean }) {
  return (
    <div className="alerts-body" data-stale={stale ? 'true' : undefined}>
      <p className="alerts-summary" data-testid="alerts-summary" aria-live="polite">{summaryText(sim)}</p>
      <p className="alerts-schedule" data-testid="alerts-schedule">{scheduleText(sim.ruleType, sim.schedule)}</p>
      {sim.ruleType === null && (
        <p className="alerts-not-simulated" data-testid="alerts-not-simulated">
          The playground cannot simulate this rule; the problems below say why.
        </p>
      )}
      <DiagnosticsList diagnostics={sim.diagnostics} />
      {sim.stopped && <p className="alerts-note">The simulation reached its time budget: what is shown covers the runs done so far.</p>}
      <OutsideNote sim={sim} />
      {explainTotals(sim).map((line) => (
        <p key={line} className="alerts-note" data-testid="alerts-explain">{line}</p>
      ))}
      {sim.executions.length > 0 && <AlertsTimeline executions={sim.executions} />}
      {sim.executions.length > 0 && <ExecutionsTable executions={sim.executions} />}
      <AlertList alerts={sim.alerts} total={sim.totals.alerts} truncated={truncated} />
    </div>
  )
}

/** Events the runs never judged, so an analyst knows why an event that matches raised nothing. */
function OutsideNote({ sim }: { sim: RuleSimulation }) {
  const t = sim.totals
  const parts = [
    t.excepted > 0 ? `${t.excepted} taken out by exception items` : '',
    t.filteredOut > 0 ? `${t.filteredOut} left out by the rule's filters` : '',
    t.eventsWithoutTime > 0 ? `${t.eventsWithoutTime} without a usable time (in no window)` : '',
    t.eventsInNoWindow > 0 ? `${t.eventsInNoWindow} between windows (the look-back is shorter than the interval)` : '',
  ].filter((p) => p !== '')
  if (parts.length === 0) return null
  return <p className="alerts-note" data-testid="alerts-outside">Events: {parts.join('; ')}.</p>
}

function DiagnosticsList({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  if (diagnostics.length === 0) return null
  return (
    <ul className="alerts-diagnostics" aria-label="Simulation problems" data-testid="alerts-diagnostics">
      {diagnostics.map((d, i) => (
        <li key={i} className={`alerts-diagnostic is-${d.severity}`}>
          <span className="alerts-diagnostic-severity">{d.severity}</span> {d.message} <code>{d.code}</code>
        </li>
      ))}
    </ul>
  )
}
