// Owned by the events pipeline (engineer U3): only they edit this file after the store split.
import type { EventsLoaded } from '../worker/protocol'
import type { SliceCreator } from './store'

/**
 * The events the rule runs over. Pasted or small events are text (kept for the editor, sent to the
 * worker whole); a large file is streamed into the worker by effects-events.ts and the store keeps
 * only its summary — the page never holds a 100 MB string. The text the user typed is never
 * dropped by a file load: it stays in `eventsText` and comes back with `useEventsText`.
 */

/** A file whose events are the current dataset (held in the worker only). */
export interface EventsFileSummary {
  readonly name: string
  readonly size: number
}

/** A file load in progress: what the worker has read so far. */
export interface EventsLoadState {
  readonly name: string
  readonly size: number
  readonly bytes: number
  readonly events: number
  readonly problems: number
}

/**
 * A file's events just became current and the first run over them has not reported yet: the load
 * bar stays, full, saying so, so progress shows from the first byte to the results.
 */
export interface EventsSettling {
  readonly name: string
  readonly size: number
  readonly events: number
}

/** Files the user dropped or picked, for the effects to load (File objects are references, not text). */
export interface EventsLoadRequest {
  readonly seq: number
  readonly files: readonly File[]
}

export interface EventsSlice {
  readonly eventsText: string
  /** where the events text came from, shown next to the events box */
  readonly eventsSource: string | null
  /** what the worker made of the current events (text or file) */
  readonly eventsInfo: EventsLoaded | null
  /** set while the current events are a streamed file rather than `eventsText` */
  readonly eventsFile: EventsFileSummary | null
  /** a file load in progress */
  readonly eventsLoad: EventsLoadState | null
  /** a file load that finished, until the first run over its events reports */
  readonly eventsSettling: EventsSettling | null
  /** why the last file load did not finish (cancelled, unreadable), until the next load or edit */
  readonly eventsLoadNote: string | null
  /** the latest files to load (effects-events.ts starts a load when `seq` changes) */
  readonly eventsLoadRequest: EventsLoadRequest | null
  /** bumped by `cancelEventsLoad` */
  readonly eventsCancelRequests: number

  editEvents(text: string, source?: string | null): void
  /** the user dropped or picked files */
  loadEventsFiles(files: readonly File[]): void
  cancelEventsLoad(): void
  /** back from a loaded file to the text in the editor */
  useEventsText(): void
  /** effects: the worker parsed the current events */
  finishEvents(info: EventsLoaded): void
  /** effects: a file load started or progressed */
  progressEventsLoad(load: EventsLoadState): void
  /** effects: the file's events are now current (the first run over them is still to come) */
  finishEventsLoad(file: EventsFileSummary, info: EventsLoaded): void
  /** effects: the first run over a loaded file reported */
  settleEventsLoad(): void
  /** effects: the file load stopped; the previous events are still current */
  failEventsLoad(note: string): void
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
    eventsFile: null,
    eventsLoad: null,
    eventsSettling: null,
    eventsLoadNote: null,
    eventsLoadRequest: null,
    eventsCancelRequests: 0,

    // Marks the run status at once, like every input edit (see run-slice.ts). Editing text makes
    // the text current again, replacing a loaded file.
    editEvents: (eventsText, source = null) => set({ eventsText, eventsSource: source, eventsFile: null, eventsLoadNote: null, status: 'running' }),
    loadEventsFiles: (files) =>
      set((s) => (files.length === 0 ? {} : { eventsLoadRequest: { seq: (s.eventsLoadRequest?.seq ?? 0) + 1, files }, eventsLoadNote: null })),
    cancelEventsLoad: () => set((s) => ({ eventsCancelRequests: s.eventsCancelRequests + 1 })),
    useEventsText: () => set((s) => (s.eventsFile ? { eventsFile: null } : {})),
    finishEvents: (eventsInfo) => set({ eventsInfo }),
    progressEventsLoad: (eventsLoad) => set({ eventsLoad, eventsSettling: null }),
    finishEventsLoad: (eventsFile, eventsInfo) =>
      set({ eventsFile, eventsInfo, eventsLoad: null, eventsSettling: { name: eventsFile.name, size: eventsFile.size, events: eventsInfo.eventCount } }),
    settleEventsLoad: () => set((s) => (s.eventsSettling ? { eventsSettling: null } : {})),
    failEventsLoad: (eventsLoadNote) => set({ eventsLoad: null, eventsSettling: null, eventsLoadNote }),
  })
