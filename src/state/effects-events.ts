import type { EngineClient } from '../worker/client'
import type { EventsProgress } from '../worker/protocol'
import type { EventsLoadState } from './events-slice'
import { refuseEventsFiles, type AdmissionOptions } from './file-admission'
import type { PlaygroundStore } from './store'

/**
 * The store's side effects for event files: files the user dropped or picked are either read as
 * text into the editor (small ones: the user can then edit them) or streamed into the worker in
 * chunks with progress and cancel (large ones: the page never holds their text). When a file's
 * events become current the effects ask for a run (`runNow`); going back from a file to the text
 * sends the text again. Event *text* edits are sent by effects.ts (the client never sends the same
 * text twice), so a query edit never re-sends events.
 */

/** The part of EngineClient these effects use (tests pass a fake). */
export type EventsEngine = Pick<EngineClient, 'setEvents' | 'streamEvents'>

export interface EventsEffectsOptions {
  /** files up to this many bytes in total go into the editor as text (default 1 MiB) */
  readonly editableBytes?: number
  /** the size limit and sniffed bytes of file-admission.ts (tests make them small) */
  readonly admission?: AdmissionOptions
}

export const DEFAULT_EDITABLE_BYTES = 1 << 20

/** "a.ndjson", "a.ndjson + b.json": how a load is named in the summary and messages. */
export function nameOf(files: readonly File[]): string {
  return files.map((f) => f.name).join(' + ')
}

/** Several files as one input, a line break between them so the last line of one stays its own. */
export function joinFiles(files: readonly File[]): Blob {
  const first = files[0]
  if (files.length === 1 && first) return first
  return new Blob(files.flatMap((f, i) => (i === 0 ? [f] : ['\n', f])))
}

function progressState(name: string, p: EventsProgress): EventsLoadState {
  return { name, size: p.size, bytes: p.bytes, events: p.events, problems: p.problems }
}

/** Starts handling event files for `store` through `engine`; returns a function that stops it. */
export function connectEvents(store: PlaygroundStore, engine: EventsEngine, options: EventsEffectsOptions = {}): () => void {
  const editable = options.editableBytes ?? DEFAULT_EDITABLE_BYTES
  let active: AbortController | null = null
  /** while a loaded file's first run is awaited: the report sequence number before it was asked */
  let settleAfter: number | null = null

  const load = async (files: readonly File[]): Promise<void> => {
    active?.abort()
    settleAfter = null
    const mine = new AbortController()
    active = mine
    const name = nameOf(files)
    const size = files.reduce((n, f) => n + f.size, 0)
    const actions = () => store.getState()
    // Too large or not text: refused before reading (beyond the first KBs), the events kept.
    const refusal = await refuseEventsFiles(files, options.admission)
    if (active !== mine) return
    if (refusal !== null) {
      active = null
      actions().failEventsLoad(refusal)
      return
    }
    if (size <= editable) {
      // A file can still go away between its first KBs and this read (moved, deleted, revoked).
      const texts = await Promise.all(files.map((f) => f.text())).catch((e: unknown) => e instanceof Error ? e : new Error(String(e)))
      if (active !== mine) return
      active = null
      if (texts instanceof Error) {
        actions().failEventsLoad(`${name} could not be read (${texts.message}); the previous events are kept.`)
        return
      }
      actions().editEvents(texts.join('\n'), name)
      return
    }
    actions().progressEventsLoad({ name, size, bytes: 0, events: 0, problems: 0 })
    const outcome = await engine.streamEvents(joinFiles(files), {
      name,
      signal: mine.signal,
      onProgress: (p) => {
        if (active === mine) actions().progressEventsLoad(progressState(name, p))
      },
    })
    if (active !== mine) return // a newer load took over and shows its own progress
    active = null
    if (outcome.status === 'ok') {
      actions().finishEventsLoad({ name, size }, outcome.result)
      settleAfter = actions().reportSeq
      actions().runNow()
    } else if (outcome.status === 'failed') {
      const cancelled = outcome.failure.code === 'cancelled'
      actions().failEventsLoad(cancelled ? `Loading ${name} was cancelled; the previous events are kept.` : `${name} could not be loaded: ${outcome.failure.message}`)
    } else actions().failEventsLoad(`Loading ${name} was replaced by newer events.`)
  }

  /** From a loaded file back to the editor's text: the worker must hold the text again. */
  const backToText = (): void => {
    void engine.setEvents(store.getState().eventsText).then((o) => {
      if (o.status === 'ok' && !store.getState().eventsFile) store.getState().finishEvents(o.result)
    })
    store.getState().runNow()
  }

  const unsubscribe = store.subscribe((state, previous) => {
    // the first report after the file became current (finished, failed or cleared) ends the load bar
    if (settleAfter !== null && state.reportSeq !== settleAfter) {
      settleAfter = null
      state.settleEventsLoad()
    }
    if (state.eventsLoadRequest !== previous.eventsLoadRequest && state.eventsLoadRequest) void load(state.eventsLoadRequest.files)
    if (state.eventsCancelRequests !== previous.eventsCancelRequests) active?.abort()
    // An edit of the text (editEvents) is sent by effects.ts; only a bare switch back is ours.
    if (previous.eventsFile && !state.eventsFile && state.eventsText === previous.eventsText) backToText()
  })

  return () => {
    unsubscribe()
    active?.abort()
  }
}
