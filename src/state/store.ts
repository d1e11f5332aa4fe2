import { createStore, type StoreApi } from 'zustand/vanilla'
import type { EqlSettings } from '../engine'
import { DEFAULT_RUN_BUDGET_MS } from '../worker/client'
import type { EventsLoaded, Failure, RunReport } from '../worker/protocol'

/**
 * The playground's one store, built by a factory so every test (and every page) gets its own.
 * Actions are verbs and only change state; talking to the worker happens in effects.ts, which
 * subscribes to this store.
 */

/** `running` from the edit until its result arrives; `error` when the last run gave no result. */
export type RunStatus = 'idle' | 'running' | 'error'

export interface PlaygroundState {
  readonly query: string
  readonly eventsText: string
  /** where the events text came from, shown next to the events box */
  readonly eventsSource: string | null
  readonly settings: Partial<EqlSettings>
  /** the watchdog's budget for one run, in ms */
  readonly runBudgetMs: number
  readonly status: RunStatus
  /** the latest completed run for the current inputs; null before the first or after a failure */
  readonly report: RunReport | null
  /** why the latest run produced no report (timeout, crash, engine bug) */
  readonly failure: Failure | null
  /** what the worker made of the current events text */
  readonly eventsInfo: EventsLoaded | null

  editQuery(query: string): void
  editEvents(text: string, source?: string | null): void
  editSettings(settings: Partial<EqlSettings>): void
  changeRunBudget(ms: number): void
  /** effects: a run for the current inputs was sent */
  markRunning(): void
  /** effects: the current run finished */
  finishRun(report: RunReport): void
  /** effects: the current run could not be served */
  failRun(failure: Failure): void
  /** effects: nothing to run (empty query) */
  clearResults(): void
  /** effects: the worker parsed the current events */
  finishEvents(info: EventsLoaded): void
}

export type PlaygroundStore = StoreApi<PlaygroundState>

export type InitialState = Partial<Pick<PlaygroundState, 'query' | 'eventsText' | 'settings' | 'runBudgetMs'>>

/** A run has a result to show only when there is no error diagnostic. */
function hasErrorDiagnostic(report: RunReport): boolean {
  return report.diagnostics.some((d) => d.severity === 'error')
}

export function createPlaygroundStore(initial: InitialState = {}): PlaygroundStore {
  return createStore<PlaygroundState>()((set) => ({
    query: initial.query ?? '',
    eventsText: initial.eventsText ?? '',
    eventsSource: null,
    settings: initial.settings ?? {},
    runBudgetMs: initial.runBudgetMs ?? DEFAULT_RUN_BUDGET_MS,
    // Any inputs at all mean a run is due; `running` until the first one answers.
    status: 'running',
    report: null,
    failure: null,
    eventsInfo: null,

    // Edits mark the state running at once (not when the debounced run is sent), so nobody reads
    // an `idle` status next to results that belong to the previous text.
    editQuery: (query) => set({ query, status: 'running' }),
    editEvents: (eventsText, source = null) => set({ eventsText, eventsSource: source, status: 'running' }),
    editSettings: (settings) => set((s) => ({ settings: { ...s.settings, ...settings }, status: 'running' })),
    changeRunBudget: (runBudgetMs) => set({ runBudgetMs, status: 'running' }),
    markRunning: () => set({ status: 'running' }),
    finishRun: (report) => set({ report, failure: null, status: hasErrorDiagnostic(report) ? 'error' : 'idle' }),
    failRun: (failure) => set({ report: null, failure, status: 'error' }),
    clearResults: () => set({ report: null, failure: null, status: 'idle' }),
    finishEvents: (eventsInfo) => set({ eventsInfo }),
  }))
}
