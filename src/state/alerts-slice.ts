import type { AlertsReport } from '../worker/protocol'
import type { PlaygroundState, SliceCreator } from './store'

/**
 * The alerts view: what the detection engine would raise for the document's rule (its type,
 * schedule, exceptions) over the loaded events. View state of this session, never persisted or
 * shared. Only effects-alerts.ts talks to the worker, and only while the view is open (a
 * simulation walks every scheduled run, so it is not paid for when nobody looks). The view
 * (src/ui) reads the report through `alertsReportFor`, which hides a report of other inputs.
 */

/** idle: nothing asked or the answer is in; running: a simulation is on its way; failed: see `alertsFailure`. */
export type AlertsStatus = 'idle' | 'running' | 'failed'

export interface AlertsSlice {
  /** whether the alerts view is shown (simulations run only while it is) */
  readonly alertsOpen: boolean
  readonly alertsReport: AlertsReport | null
  readonly alertsStatus: AlertsStatus
  readonly alertsFailure: string | null
  /** epoch ms one run happens at; null: the default (runs on multiples of the interval since the epoch) */
  readonly alertsAnchor: number | null

  /** shows or hides the alerts view */
  showAlerts(open: boolean): void
  /** moves the runs' phase (the simulation re-runs while the view is open) */
  setAlertsAnchor(anchor: number | null): void
  /** effects: a simulation was sent */
  startAlerts(): void
  /** effects: the simulation for the current inputs arrived */
  finishAlerts(report: AlertsReport): void
  /** effects: the worker could not simulate (timeout, engine failure) */
  failAlerts(message: string): void
  /** effects: the answer was for inputs that changed and no newer simulation is coming (the query's run failed, the view closed) */
  settleAlerts(): void
}

export const createAlertsSlice = (): SliceCreator<AlertsSlice> => (set) => ({
  alertsOpen: false,
  alertsReport: null,
  alertsStatus: 'idle',
  alertsFailure: null,
  alertsAnchor: null,

  showAlerts: (alertsOpen) => set({ alertsOpen }),
  setAlertsAnchor: (alertsAnchor) => set({ alertsAnchor }),
  startAlerts: () => set({ alertsStatus: 'running', alertsFailure: null }),
  finishAlerts: (alertsReport) => set({ alertsReport, alertsStatus: 'idle', alertsFailure: null }),
  failAlerts: (alertsFailure) => set({ alertsStatus: 'failed', alertsFailure }),
  settleAlerts: () => set((s) => (s.alertsStatus === 'running' ? { alertsStatus: 'idle' } : {})),
})

/**
 * The simulation when it is for exactly the current query and language and the events of the
 * latest run; null otherwise (its alerts would be of another text or other events).
 */
export function alertsReportFor(state: Pick<PlaygroundState, 'alertsReport' | 'query' | 'language' | 'report'>): AlertsReport | null {
  const r = state.alertsReport
  if (r === null) return null
  if (r.query !== state.query || r.language !== state.language) return null
  if (state.report !== null && state.report.eventsVersion !== r.eventsVersion) return null
  return r
}
