import type { EngineClient } from '../worker/client'
import type { RunReport } from '../worker/protocol'
import { realTimers, runSettingsOf, type DebounceTimers } from './effects'
import type { PlaygroundState, PlaygroundStore } from './store'

/**
 * Asks the worker for clause coverage and near misses after each successful run of the current
 * query (debounced: typing produces runs in a burst, and an analysis evaluates every clause for
 * every event, so only the run the user stopped at is analyzed; the worker scans it in slices and
 * answers a keystroke's run between them, src/worker/scheduler.ts). A reply is stored only when the
 * query, language and events are still those it was asked for; a query with errors, an empty
 * query or a failed run clear the analysis.
 */

/** The part of EngineClient this effect uses (tests pass a fake). */
export type AnalyzeEngine = Pick<EngineClient, 'analyze'>

export interface AnalysisEffectOptions {
  /** quiet time after a run before analyzing (default 250 ms) */
  readonly debounceMs?: number
  readonly timers?: DebounceTimers
}

/** A report worth analyzing: for the current text and language, compiled and run without errors. */
function analyzable(state: PlaygroundState, report: RunReport | null): report is RunReport {
  return (
    report !== null &&
    report.result !== null &&
    report.query === state.query &&
    report.language === state.language &&
    state.query.trim() !== '' &&
    !report.diagnostics.some((d) => d.severity === 'error')
  )
}

/** Connects the analysis requests to the store; returns a function that stops them. */
export function connectAnalysis(store: PlaygroundStore, engine: AnalyzeEngine, options: AnalysisEffectOptions = {}): () => void {
  const debounceMs = options.debounceMs ?? 250
  const timers = options.timers ?? realTimers
  let timer: unknown

  const send = (): void => {
    timer = undefined
    const state = store.getState()
    const report = state.report
    if (!analyzable(state, report)) return
    const { query, language } = state
    const eventsVersion = report.eventsVersion
    void engine.analyze({ query, language, settings: runSettingsOf(state) }).then((o) => {
      if (o.status !== 'ok') return
      const now = store.getState()
      // Stale: the query, language or events changed while the worker was scanning.
      const stale = now.query !== query || now.language !== language || now.report?.eventsVersion !== eventsVersion || o.result.eventsVersion !== eventsVersion
      if (!stale) now.finishAnalysis(o.result)
    })
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.report === previous.report && state.query === previous.query && state.language === previous.language) return
    if (timer !== undefined) timers.clearTimeout(timer)
    timer = undefined
    if (state.report === previous.report) return // an edit: wait for its run
    if (!analyzable(state, state.report)) {
      state.clearAnalysis()
      return
    }
    timer = timers.setTimeout(send, debounceMs)
  })
  // A report already there (a test, or a late connection) is analyzed too.
  if (analyzable(store.getState(), store.getState().report)) timer = timers.setTimeout(send, debounceMs)

  return () => {
    unsubscribe()
    if (timer !== undefined) timers.clearTimeout(timer)
  }
}
