import type { Schema } from '../engine'
import type { AlertsReport, AlertsRequestFields } from './protocol-alerts'

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

export function simulateAlerts(req: AlertsRequestFields, ctx: AlertsContext): AlertsReport | null {
  void req
  void ctx
  return null
}
