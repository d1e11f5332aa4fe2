import type { EventsReader } from '../engine/events/events-reader'
import { createInference, rememberInference } from '../engine/schema/infer-from-events'
import { absorb, DEFAULT_TIMESTAMP_FIELD, GrowingTimes, makeDataset, progressOf, type Dataset, type StreamLoad } from './dataset'
import type * as P from './protocol'

/**
 * The streamed load of a file (beginEvents, appendEvents, endEvents, cancelEvents): the worker
 * decodes each transferred chunk with a streaming decoder and reads it incrementally, so no
 * whole-file string ever exists; endEvents hands the finished dataset to `commit`. At most one load
 * is in progress: a newer begin replaces it, as only the latest file the user chose matters.
 */

/** Why a request was refused: the dispatcher turns it into a failure reply. */
export interface LoadRefusal {
  readonly refused: P.Failure
}

export interface LoadHandlers {
  beginEvents(req: P.BeginEventsRequest): P.EventsProgress | LoadRefusal
  appendEvents(req: P.AppendEventsRequest): P.EventsProgress | LoadRefusal
  endEvents(req: P.EndEventsRequest): P.EventsLoaded | LoadRefusal
  cancelEvents(req: P.CancelEventsRequest): P.ResultMap['cancelEvents']
}

export function createLoadHandlers(createReader: (() => EventsReader) | undefined, commit: (next: Dataset) => P.EventsLoaded): LoadHandlers {
  let load: StreamLoad | null = null

  const loadOf = (version: number): StreamLoad | LoadRefusal =>
    load && load.version === version ? load : { refused: { code: 'unknown-events', message: `No load of events version ${version} is in progress (it was cancelled or replaced).` } }

  return {
    beginEvents(req) {
      if (!createReader) return { refused: { code: 'not-available', message: 'Streamed loading is not available in this engine build.' } }
      load = { version: req.datasetVersion, name: req.name, size: req.size, bytes: 0, decoder: new TextDecoder('utf-8'), reader: createReader(), events: [], problems: [], problemCount: 0, inference: createInference(), times: new GrowingTimes() }
      return progressOf(load)
    },
    appendEvents(req) {
      const l = loadOf(req.datasetVersion)
      if ('refused' in l) return l
      const text = typeof req.chunk === 'string' ? req.chunk : l.decoder.decode(new Uint8Array(req.chunk), { stream: true })
      l.bytes += typeof req.chunk === 'string' ? req.chunk.length : req.chunk.byteLength
      absorb(l, l.reader.push(text))
      return progressOf(l)
    },
    endEvents(req) {
      const l = loadOf(req.datasetVersion)
      if ('refused' in l) return l
      load = null
      absorb(l, l.reader.push(l.decoder.decode()))
      absorb(l, l.reader.end())
      // the schema's inference over these events is already done: commit's buildSchema reuses it
      rememberInference(l.events, l.inference)
      const next = makeDataset(l.version, l.events, l.problems, { name: l.name, bytes: l.bytes })
      // the histogram's timestamps were read with the events, while they were fresh in cache
      next.timestamps.set(DEFAULT_TIMESTAMP_FIELD, l.times.finish())
      return commit({ ...next, problemCount: l.problemCount })
    },
    cancelEvents(req) {
      const cancelled = load !== null && load.version === req.datasetVersion
      if (cancelled) load = null
      return { datasetVersion: req.datasetVersion, cancelled }
    },
  }
}
