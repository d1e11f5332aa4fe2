// Owned by the events pipeline (engineer U3): only they edit this file after the store split.
import type { EventsLoaded } from '../worker/protocol'
import type { SliceCreator } from './store'

/** The events the rule runs over: their text, where it came from, and what the worker made of it. */
export interface EventsSlice {
  readonly eventsText: string
  /** where the events text came from, shown next to the events box */
  readonly eventsSource: string | null
  /** what the worker made of the current events text */
  readonly eventsInfo: EventsLoaded | null

  editEvents(text: string, source?: string | null): void
  /** effects: the worker parsed the current events */
  finishEvents(info: EventsLoaded): void
}

export interface EventsInit {
  readonly eventsText?: string
  readonly eventsSource?: string | null
}

export const createEventsSlice =
  (init: EventsInit = {}): SliceCreator<EventsSlice> =>
  (set) => ({
    eventsText: init.eventsText ?? '',
    eventsSource: init.eventsSource ?? null,
    eventsInfo: null,

    // Marks the run status at once, like every input edit (see run-slice.ts).
    editEvents: (eventsText, source = null) => set({ eventsText, eventsSource: source, status: 'running' }),
    finishEvents: (eventsInfo) => set({ eventsInfo }),
  })
