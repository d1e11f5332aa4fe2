import { simulateRule, type EqlSettings, type Schema } from '../engine'
import { ALERT_LIMIT, type AlertsReport, type AlertsRequestFields } from './protocol-alerts'
import type { RunSettings } from './protocol'

/**
 * The worker's answer to `alerts` (protocol-alerts.ts), apart from handle.ts so the dispatcher
 * only gains one `case`. Never throws on user input: problems are the simulation's diagnostics.
 */

export interface AlertsContext {
  readonly events: readonly unknown[]
  readonly eventsVersion: number
  readonly schema: Schema
  /** clock for the budget; injectable for tests */
  readonly now: () => number
}

/**
 * Simulates the rule's executions over the dataset (src/engine/alerts simulateRule). The budget
 * ends the simulation as partial (`simulation.stopped`) instead of failing it: the runs done so
 * far are still worth showing. Only the alert documents are cut to the limit (they are what costs
 * to copy back); executions and totals stay whole so counts never lie.
 */
export function simulateAlerts(req: AlertsRequestFields, ctx: AlertsContext): AlertsReport {
  const deadline = req.budgetMs === undefined ? Infinity : ctx.now() + req.budgetMs
  let stopped = false
  const shouldStop = (): boolean => (stopped ||= ctx.now() > deadline)
  const simulation = simulateRule({
    rule: req.rule,
    language: req.language,
    query: req.query,
    events: ctx.events,
    schema: ctx.schema,
    settings: eqlOnly(req.settings),
    shouldStop,
    ...(req.exceptions === undefined ? {} : { exceptions: req.exceptions }),
    ...(req.anchor === undefined ? {} : { anchor: req.anchor }),
  })
  const limit = Math.max(0, req.alertLimit ?? ALERT_LIMIT)
  const alertsTruncated = simulation.alerts.length > limit
  return {
    eventsVersion: ctx.eventsVersion,
    query: req.query,
    language: req.language,
    simulation: alertsTruncated ? { ...simulation, alerts: simulation.alerts.slice(0, limit) } : simulation,
    alertsTruncated,
  }
}

/** The EQL settings of a run's settings (KQL settings and mappings are not EQL's), as handle.ts's. */
function eqlOnly(settings: RunSettings): Partial<EqlSettings> {
  const { kql: _kql, mappings: _mappings, ...eql } = settings
  return eql
}
