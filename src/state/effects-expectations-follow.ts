import type { EngineClient } from '../worker/client'
import { applyPlacement, marksToPlace, needsPlacing, sameMarks } from './expectations-follow'
import type { PlaygroundState, PlaygroundStore } from './store'

/**
 * Keeps the marks (expected outcomes) on their events (see expectations-follow.ts): after a run
 * finishes on events the marks were not placed on yet (new or edited events, an opened
 * document), and whenever a mark without a fingerprint appears (the user marked an event), asks
 * the worker where each mark's event is, and stores the answer if the marks and the events are
 * still those it was asked about.
 */

/** The part of EngineClient this effect uses (tests pass a fake). */
export type FingerprintEngine = Pick<EngineClient, 'fingerprint'>

/** The events version the marks should be placed on now, or null while there is none to trust. */
function currentVersion(s: PlaygroundState): number | null {
  // A finished run is on the events the worker holds; while running, the report may be older.
  return s.status === 'idle' && s.report !== null ? s.report.eventsVersion : null
}

/** Connects the placing of marks to the store; returns a function that stops it. */
export function connectExpectationsFollow(store: PlaygroundStore, engine: FingerprintEngine): () => void {
  let asked: { version: number; expectations: unknown; lost: unknown } | null = null

  const maybeAsk = (s: PlaygroundState): void => {
    const version = currentVersion(s)
    const { expectations, lostExpectations: lost } = s
    if (version === null || !needsPlacing(expectations, lost, s.expectationsEventsVersion, version)) return
    if (asked && asked.version === version && asked.expectations === expectations && asked.lost === lost) return
    asked = { version, expectations, lost }
    void engine.fingerprint(version, marksToPlace(expectations, lost)).then((o) => {
      const now = store.getState()
      // Changed meanwhile: the change itself asks again.
      if (now.expectations !== expectations || now.lostExpectations !== lost) return
      if (o.status !== 'ok') {
        // The worker moved on to other events (or failed): positions stay as they are for this
        // version, so the check is not left pending; the next run on new events asks again.
        if (o.status === 'failed' && now.report?.eventsVersion === version) now.followExpectations({ expectations, lost, eventsVersion: version })
        return
      }
      const next = applyPlacement(expectations, lost, o.result.marks)
      const same = sameMarks(next.expectations, expectations) && sameMarks(next.lost, lost)
      now.followExpectations(same ? { expectations, lost, eventsVersion: version } : { ...next, eventsVersion: version })
      // What was just stored is placed: asking about it again would only confirm it.
      const placed = store.getState()
      asked = { version, expectations: placed.expectations, lost: placed.lostExpectations }
    })
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.status === previous.status &&
      state.report === previous.report &&
      state.expectations === previous.expectations &&
      state.lostExpectations === previous.lostExpectations
    ) return
    maybeAsk(state)
  })
  maybeAsk(store.getState())
  return unsubscribe
}
