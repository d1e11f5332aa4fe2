/**
 * When the announcer speaks: only once the outcome has held for a quiet time, so a screen reader
 * hears the settled result of a burst of typing rather than one sentence per keystroke; never the
 * same sentence twice in a row; and the event set's "Loaded …" only once per event set. Timers
 * are injected so the unit test drives time by hand (as the store's effects do).
 */
import { eventsAnnouncement, joinAnnouncements } from './run-announcement'

/** How long an outcome must stay the same before it is said: longer than a typing pause. */
export const ANNOUNCE_QUIET_MS = 700

export interface AnnounceTimers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** The event set as the announcer sees it: compared by identity (a new load is a new object). */
export interface LoadedEvents {
  readonly eventCount: number
  readonly problems: readonly unknown[]
  readonly problemCount?: number
}

export interface AnnounceQueue {
  /** the current outcome (null: a run in flight or nothing to say) and event set */
  update(outcome: string | null, events: LoadedEvents | null): void
  dispose(): void
}

export function createAnnounceQueue(say: (text: string) => void, timers: AnnounceTimers, quietMs = ANNOUNCE_QUIET_MS): AnnounceQueue {
  let handle: unknown = null
  let lastSaid = ''
  let lastEvents: LoadedEvents | null = null
  const cancel = (): void => {
    if (handle !== null) timers.clearTimeout(handle)
    handle = null
  }
  return {
    update(outcome, events) {
      cancel()
      if (outcome === null) return
      handle = timers.setTimeout(() => {
        handle = null
        const loaded = events !== null && events !== lastEvents ? eventsAnnouncement(events) : null
        lastEvents = events
        const text = joinAnnouncements([loaded, outcome])
        if (text === lastSaid) return
        lastSaid = text
        say(text)
      }, quietMs)
    },
    dispose: cancel,
  }
}
