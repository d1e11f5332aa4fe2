import type { EngineClient } from '../worker/client'
import { backgroundQuietMs, realTimers, runSettingsOf, type DebounceTimers } from './effects'
import type { PlaygroundState, PlaygroundStore } from './store'

/**
 * Runs the alert simulation of the alerts view (alerts-slice.ts) while the view is open: when it
 * opens, after each finished run of the current query (an edit, new events or settings all end in
 * a new run report), and when the rule's metadata, the exception items or the runs' anchor change
 * — debounced, so editing the schedule simulates only where the user stopped. A reply is stored
 * only when every input it was asked for is still the store's. A closed view costs nothing: a
 * simulation walks every scheduled run over the events.
 */

/** The part of EngineClient this effect uses (tests pass a fake). */
export type AlertsEngine = Pick<EngineClient, 'alerts'>

export interface AlertsEffectOptions {
  /** quiet time before simulating (default 250 ms) */
  readonly debounceMs?: number
  /** quiet time over a large event set (default 1 s; see backgroundQuietMs) */
  readonly largeDebounceMs?: number
  readonly timers?: DebounceTimers
}

/** The view is open and the current query (in its language) has run over the current events. */
function wanted(state: PlaygroundState): boolean {
  const r = state.report
  return state.alertsOpen && r !== null && r.query === state.query && r.language === state.language && state.query.trim() !== ''
}

/** The inputs a simulation depends on, by identity (store updates replace what they change). */
function inputsOf(state: PlaygroundState) {
  return {
    query: state.query,
    language: state.language,
    rule: state.rule,
    exceptions: state.exceptions,
    anchor: state.alertsAnchor,
    settings: state.settings,
    kqlSettings: state.kqlSettings,
    eventsVersion: state.report?.eventsVersion,
  }
}

type Inputs = ReturnType<typeof inputsOf>

const sameInputs = (a: Inputs, b: Inputs): boolean => (Object.keys(a) as (keyof Inputs)[]).every((k) => a[k] === b[k])

/** Connects the alerts requests to the store; returns a function that stops them. */
export function connectAlerts(store: PlaygroundStore, engine: AlertsEngine, options: AlertsEffectOptions = {}): () => void {
  const debounceMs = options.debounceMs ?? 250
  const timers = options.timers ?? realTimers
  let timer: unknown
  /** requests sent so far: the latest one's stale reply must not leave the view 'running' */
  let sent = 0

  const send = (): void => {
    timer = undefined
    const state = store.getState()
    if (!wanted(state) || state.report === null) return
    const asked = inputsOf(state)
    const { eventsVersion } = state.report
    const ticket = ++sent
    state.startAlerts()
    void engine
      .alerts({
        language: state.language,
        query: state.query,
        settings: runSettingsOf(state),
        rule: state.rule,
        ...(state.exceptions.length > 0 ? { exceptions: state.exceptions } : {}),
        ...(state.alertsAnchor !== null ? { anchor: state.alertsAnchor } : {}),
      })
      .then((o) => {
        if (o.status === 'superseded') return
        const now = store.getState()
        // Stale: an input changed while the worker simulated; a newer simulation is usually on its
        // way, but not when the change stopped it (the edited query's run failed, the view closed).
        if (!sameInputs(inputsOf(now), asked)) {
          if (ticket === sent && timer === undefined) now.settleAlerts()
          return
        }
        if (o.status === 'failed') now.failAlerts(o.failure.message)
        else if (o.result.eventsVersion === eventsVersion) now.finishAlerts(o.result)
      })
  }

  const schedule = (): void => {
    if (timer !== undefined) timers.clearTimeout(timer)
    const state = store.getState()
    timer = wanted(state) ? timers.setTimeout(send, backgroundQuietMs(state.report?.eventCount ?? 0, debounceMs, options.largeDebounceMs)) : undefined
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.alertsOpen !== previous.alertsOpen) return schedule()
    if (!state.alertsOpen) return
    const changed = state.report !== previous.report || state.rule !== previous.rule || state.exceptions !== previous.exceptions || state.alertsAnchor !== previous.alertsAnchor
    if (changed) schedule()
  })
  if (wanted(store.getState())) schedule()

  return () => {
    unsubscribe()
    if (timer !== undefined) timers.clearTimeout(timer)
  }
}
