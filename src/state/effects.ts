import type { EngineClient } from '../worker/client'
import type { RunSettings } from '../worker/protocol'
import type { PlaygroundState, PlaygroundStore } from './store'

/**
 * The store's side effects on the engine worker: runs as you type. An edit is sent at once when no
 * run is in flight; while one is, only the latest edit is kept and sent when its reply arrives (one
 * run in flight at a time, so the worker never queues runs nobody will see). Large event texts are
 * the exception: re-parsing megabytes per keystroke is waste (about 17 ms per MB), so their edits
 * wait for a short quiet time. Events are sent only when their text changed, and a reply is applied
 * only if no input changed since its request was sent (the client already drops superseded
 * replies; this also covers an edit kept for later). Ctrl/Cmd+Enter (runNow) sends at once.
 */

/** The part of EngineClient the effects use (tests pass a fake). */
export type EngineLike = Pick<EngineClient, 'setEvents' | 'run' | 'setRunBudget'>

/** Injectable timers so tests control the debounce. */
export interface DebounceTimers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface EffectsOptions {
  /** quiet time after an edit of a large event text, and before the first run (default 150 ms) */
  readonly debounceMs?: number
  /** an event text longer than this (in characters) is large (default 1 Mi) */
  readonly largeEventsChars?: number
  readonly timers?: DebounceTimers
}

/** The page's timers (the effects' default; tests pass manual ones). */
export const realTimers: DebounceTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
}

/** Event sets above this many events are large for background work (default of backgroundQuietMs). */
export const LARGE_EVENT_COUNT = 50_000

/**
 * The quiet time before a background request the worker answers in one piece (compare, alerts):
 * 250 ms, or 1 s over a large event set. Why: a worker cannot be pre-empted, and at 200,000
 * events an alerts simulation takes 200-400 ms and a comparison ~100 ms (scripts/bench/
 * edit-latency.ts), so one started during a short pause in typing delays the next keystroke's run
 * by that much; a longer pause makes that rare. (Analyses and fingerprints are answered in slices
 * with runs in between, src/worker/scheduler.ts, so their 250 ms is enough.)
 */
export function backgroundQuietMs(eventCount: number, quietMs = 250, largeQuietMs = 1000): number {
  return eventCount > LARGE_EVENT_COUNT ? Math.max(quietMs, largeQuietMs) : quietMs
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
  const eventsDebounceMs = options.debounceMs ?? 150
  const largeEventsChars = options.largeEventsChars ?? 1 << 20
  const timers = options.timers ?? realTimers
  let timer: unknown
  let generation = 0
  let eventsSent: string | null = null
  /** the latest run sent; its settling sends an edit kept meanwhile */
  let runTicket = 0
  let inFlight = false
  /** an edit arrived while a run was in flight */
  let kept = false
  let stopped = false
  /**
   * The events text when the latest file load was asked for. While that file is loading or
   * current and the text is unchanged, the file is the dataset: sending the text would replace it
   * (a restored document whose file streams in again would otherwise lose it to its own text).
   */
  let textAtFileLoad: string | null = null

  const flush = (): void => {
    if (timer !== undefined) timers.clearTimeout(timer)
    timer = undefined
    kept = false
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
    const ticket = ++runTicket
    inFlight = true
    void engine.run(state.query, runSettingsOf(state), { language: state.language, exceptions: state.exceptions }).then((o) => {
      if (current()) {
        if (o.status === 'ok') store.getState().finishRun(o.result, performance.now() - started)
        // After failed events the run cannot find them; the events failure is the one to show.
        else if (o.status === 'failed' && !(eventsFailed && o.failure.code === 'unknown-events')) store.getState().failRun(o.failure)
      }
      if (ticket !== runTicket) return // a newer run was sent meanwhile (runNow): its reply sends what is kept
      inFlight = false
      if (kept && timer === undefined && !stopped) flush()
    })
  }

  /** An input changed: send now, keep it for the reply in flight, or wait out a large text's quiet time. */
  const changed = (eventsEdited: boolean): void => {
    if (eventsEdited && store.getState().eventsText.length > largeEventsChars) {
      if (timer !== undefined) timers.clearTimeout(timer)
      timer = timers.setTimeout(flush, eventsDebounceMs)
      return
    }
    if (timer !== undefined) return // a large text's quiet time is running: its flush sends this too
    if (inFlight) kept = true
    else flush()
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.eventsLoadRequest !== previous.eventsLoadRequest) textAtFileLoad = state.eventsText
    const now = state.runNowRequests !== previous.runNowRequests
    if (!now && !inputsChanged(state, previous)) return
    generation++
    // Ctrl/Cmd+Enter: the user asked for this run; waiting would feel broken.
    if (now) flush()
    else changed(state.eventsText !== previous.eventsText)
  })
  // The first run waits a moment: the page's start-up may still ask for a file load (a restored
  // document's file), which must not be replaced by the document's text.
  timer = timers.setTimeout(flush, eventsDebounceMs)

  return () => {
    stopped = true
    unsubscribe()
    if (timer !== undefined) timers.clearTimeout(timer)
  }
}
