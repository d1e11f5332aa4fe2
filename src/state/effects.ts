import type { EngineClient } from '../worker/client'
import type { RunSettings } from '../worker/protocol'
import type { PlaygroundState, PlaygroundStore } from './store'

/**
 * The store's side effects on the engine worker: edits are debounced, events are sent only when
 * their text changed, and a reply is applied only if no input changed since its request was sent
 * (the client already drops superseded replies; this also covers edits still in the debounce).
 */

/** The part of EngineClient the effects use (tests pass a fake). */
export type EngineLike = Pick<EngineClient, 'setEvents' | 'run' | 'setRunBudget'>

/** Injectable timers so tests control the debounce. */
export interface DebounceTimers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface EffectsOptions {
  /** quiet time after the last edit before running (default 150 ms) */
  readonly debounceMs?: number
  readonly timers?: DebounceTimers
}

/** The page's timers (the effects' default; tests pass manual ones). */
export const realTimers: DebounceTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
}

const inputsChanged = (a: PlaygroundState, b: PlaygroundState): boolean =>
  a.query !== b.query ||
  a.language !== b.language ||
  a.eventsText !== b.eventsText ||
  a.settings !== b.settings ||
  a.kqlSettings !== b.kqlSettings ||
  a.exceptions !== b.exceptions ||
  a.runBudgetMs !== b.runBudgetMs

/**
 * What the worker needs besides the query: the EQL request settings at the top level, KQL's `now`
 * under `kql`, and the field-type table (both languages' schema) as `mappings`.
 */
export function runSettingsOf(state: Pick<PlaygroundState, 'settings' | 'kqlSettings'>): RunSettings {
  const { mappings, now } = state.kqlSettings
  return {
    ...state.settings,
    ...(now !== null ? { kql: { now } } : {}),
    ...(Object.keys(mappings).length > 0 ? { mappings } : {}),
  }
}

/** Starts running the store's inputs through `engine`; returns a function that stops it. */
export function connectEngine(store: PlaygroundStore, engine: EngineLike, options: EffectsOptions = {}): () => void {
  const debounceMs = options.debounceMs ?? 150
  const timers = options.timers ?? realTimers
  let timer: unknown
  let generation = 0
  let eventsSent: string | null = null
  /**
   * The events text when the latest file load was asked for. While that file is loading or
   * current and the text is unchanged, the file is the dataset: sending the text would replace it
   * (a restored document whose file streams in again would otherwise lose it to its own text).
   */
  let textAtFileLoad: string | null = null

  const flush = (): void => {
    timer = undefined
    const state = store.getState()
    const sentAt = generation
    const current = () => sentAt === generation
    engine.setRunBudget(state.runBudgetMs)
    let eventsFailed = false
    const fileIsDataset = (state.eventsLoad !== null || state.eventsFile !== null) && state.eventsText === textAtFileLoad
    if (state.eventsText !== eventsSent && !fileIsDataset) {
      eventsSent = state.eventsText
      void engine.setEvents(state.eventsText).then((o) => {
        if (o.status === 'ok' && current()) store.getState().finishEvents(o.result)
        if (o.status === 'failed') eventsSent = null // retry with the next edit
        if (o.status === 'failed' && current()) {
          eventsFailed = true
          store.getState().failRun(o.failure)
        }
      })
    }
    if (state.query.trim() === '') {
      store.getState().clearResults()
      return
    }
    store.getState().markRunning()
    const started = performance.now()
    void engine.run(state.query, runSettingsOf(state), { language: state.language, exceptions: state.exceptions }).then((o) => {
      if (!current()) return
      if (o.status === 'ok') store.getState().finishRun(o.result, performance.now() - started)
      // After failed events the run cannot find them; the events failure is the one to show.
      else if (o.status === 'failed' && !(eventsFailed && o.failure.code === 'unknown-events')) store.getState().failRun(o.failure)
    })
  }

  const schedule = (): void => {
    if (timer !== undefined) timers.clearTimeout(timer)
    timer = timers.setTimeout(flush, debounceMs)
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.eventsLoadRequest !== previous.eventsLoadRequest) textAtFileLoad = state.eventsText
    const now = state.runNowRequests !== previous.runNowRequests
    if (!now && !inputsChanged(state, previous)) return
    generation++
    if (!now) return schedule()
    // Ctrl/Cmd+Enter: the user asked for this run; waiting out the debounce would feel broken.
    if (timer !== undefined) timers.clearTimeout(timer)
    flush()
  })
  schedule()

  return () => {
    unsubscribe()
    if (timer !== undefined) timers.clearTimeout(timer)
  }
}
