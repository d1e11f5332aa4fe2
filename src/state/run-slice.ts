import { DEFAULT_RUN_BUDGET_MS } from '../worker/client'
import type { Failure, RunReport } from '../worker/protocol'
import type { SliceCreator } from './store'

/**
 * The latest run: its status, report or failure. Only the effects (effects.ts) call the mark/finish
 * actions; components call `runNow` and read the rest.
 */

/** `running` from the edit until its result arrives; `error` when the last run gave no result. */
export type RunStatus = 'idle' | 'running' | 'error'

export interface RunSlice {
  readonly status: RunStatus
  /** the latest completed run for the current inputs; null before the first or after a failure */
  readonly report: RunReport | null
  /** why the latest run produced no report (timeout, crash, engine bug) */
  readonly failure: Failure | null
  /** wall time of the latest run as the page saw it (request to reply), ms; null before one */
  readonly runMs: number | null
  /** the watchdog's budget for one run, in ms */
  readonly runBudgetMs: number
  /** bumped by `runNow`; the effects run at once (no debounce) when it changes */
  readonly runNowRequests: number
  /**
   * bumped whenever a run ends (report, failure or cleared): the results panel shows it as
   * `data-report-seq`, which the browser bench and journeys wait on to know a keystroke's run is
   * on screen even when its matches equal the previous run's
   */
  readonly reportSeq: number

  changeRunBudget(ms: number): void
  /** Ctrl/Cmd+Enter: run the current inputs now, skipping the debounce */
  runNow(): void
  /** effects: a run for the current inputs was sent */
  markRunning(): void
  /** effects: the current run finished (`runMs`: its wall time as the page saw it) */
  finishRun(report: RunReport, runMs?: number): void
  /** effects: the current run could not be served */
  failRun(failure: Failure): void
  /** effects: nothing to run (empty query) */
  clearResults(): void
}

export interface RunInit {
  readonly runBudgetMs?: number
}

/** A run has a result to show only when there is no error diagnostic. */
function hasErrorDiagnostic(report: RunReport): boolean {
  return report.diagnostics.some((d) => d.severity === 'error')
}

export const createRunSlice =
  (init: RunInit = {}): SliceCreator<RunSlice> =>
  (set) => ({
    // Any inputs at all mean a run is due; `running` until the first one answers.
    status: 'running',
    report: null,
    failure: null,
    runMs: null,
    runBudgetMs: init.runBudgetMs ?? DEFAULT_RUN_BUDGET_MS,
    runNowRequests: 0,
    reportSeq: 0,

    changeRunBudget: (runBudgetMs) => set({ runBudgetMs, status: 'running' }),
    runNow: () => set((s) => ({ runNowRequests: s.runNowRequests + 1, status: 'running' })),
    markRunning: () => set({ status: 'running' }),
    finishRun: (report, runMs) =>
      set((s) => ({ report, failure: null, runMs: runMs ?? report.elapsedMs, status: hasErrorDiagnostic(report) ? 'error' : 'idle', reportSeq: s.reportSeq + 1 })),
    failRun: (failure) => set((s) => ({ report: null, failure, status: 'error', reportSeq: s.reportSeq + 1 })),
    clearResults: () => set((s) => ({ report: null, failure: null, status: 'idle', reportSeq: s.reportSeq + 1 })),
  })
