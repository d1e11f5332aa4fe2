import type { EngineClient } from '../worker/client'
import type { CompareSide } from '../worker/protocol-compare'
import { backgroundQuietMs, realTimers, runSettingsOf, type DebounceTimers } from './effects'
import type { PlaygroundState, PlaygroundStore } from './store'

/**
 * Runs the comparison of the compare panel (compare-slice.ts) while the panel is open: when it
 * opens, when the other version changes, and after each finished run of the current query (an
 * edit, new events, new settings or exceptions all end in a new run report), debounced so typing
 * compares only where the user stopped. A reply is stored only when the query, language, other
 * version and events are still those it was asked for. A closed panel costs nothing.
 */

/** The part of EngineClient this effect uses (tests pass a fake). */
export type CompareEngine = Pick<EngineClient, 'compare'>

export interface CompareEffectOptions {
  /** quiet time before comparing (default 250 ms) */
  readonly debounceMs?: number
  /** quiet time over a large event set (default 1 s; see backgroundQuietMs) */
  readonly largeDebounceMs?: number
  readonly timers?: DebounceTimers
}

/** The panel is open with a version to compare against, and the current query has run. */
function wanted(state: PlaygroundState): boolean {
  return state.openPanel === 'compare' && state.compareOther !== null && state.report !== null && state.query.trim() !== ''
}

/** Connects the compare requests to the store; returns a function that stops them. */
export function connectCompare(store: PlaygroundStore, engine: CompareEngine, options: CompareEffectOptions = {}): () => void {
  const debounceMs = options.debounceMs ?? 250
  const timers = options.timers ?? realTimers
  let timer: unknown

  const send = (): void => {
    timer = undefined
    const state = store.getState()
    const other = state.compareOther
    if (!wanted(state) || other === null || state.report === null) return
    const { query, language } = state
    const eventsVersion = state.report.eventsVersion
    const settings = runSettingsOf(state)
    // Side A is the document as it runs (its exceptions included); B is a bare query on the same settings.
    const a: CompareSide = { language, query, settings, ...(state.exceptions.length > 0 ? { exceptions: state.exceptions } : {}) }
    const b: CompareSide = { language: other.language, query: other.query, settings }
    state.startCompare()
    void engine.compare({ a, b }).then((o) => {
      if (o.status === 'superseded') return
      const now = store.getState()
      // Stale: an input changed while the worker compared; the newer comparison is on its way.
      const stale = now.query !== query || now.language !== language || now.compareOther !== other || now.report?.eventsVersion !== eventsVersion
      if (stale) return
      if (o.status === 'failed') now.failCompare(o.failure.message)
      else if (o.result.eventsVersion === eventsVersion) now.finishCompare(o.result)
    })
  }

  const schedule = (): void => {
    if (timer !== undefined) timers.clearTimeout(timer)
    const state = store.getState()
    timer = wanted(state) ? timers.setTimeout(send, backgroundQuietMs(state.report?.eventCount ?? 0, debounceMs, options.largeDebounceMs)) : undefined
  }

  const unsubscribe = store.subscribe((state, previous) => {
    const opened = state.openPanel === 'compare' && previous.openPanel !== 'compare'
    if (opened || state.compareOther !== previous.compareOther || (state.openPanel === 'compare' && state.report !== previous.report)) schedule()
  })
  if (wanted(store.getState())) schedule()

  return () => {
    unsubscribe()
    if (timer !== undefined) timers.clearTimeout(timer)
  }
}
