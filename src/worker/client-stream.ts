import type { Outcome, RequestBody } from './client-types'
import type { EventsLoaded, EventsProgress, Failure, ResultMap } from './protocol'

/**
 * Streaming a file into the worker: the file is read in slices of `chunkBytes` and each slice's
 * buffer is *transferred* to the worker, which decodes and reads it incrementally. This thread
 * never decodes the text nor holds more than a few chunks, so a 100 MB file costs the page a few
 * megabytes and stays responsive.
 * Two chunks are in flight at a time: the worker's reply to one is its progress report and the
 * pacing, and the next is already waiting in the worker's queue when it has read one.
 */

/** How the caller follows and stops a streamed load. */
export interface StreamOptions {
  /** shown in messages and the events summary (default: the File's name) */
  readonly name?: string
  /** called after each chunk the worker has read */
  readonly onProgress?: (progress: EventsProgress) => void
  readonly signal?: AbortSignal
  /** bytes per chunk (default 1 MiB) */
  readonly chunkBytes?: number
}

type StreamKind = 'beginEvents' | 'appendEvents' | 'endEvents' | 'cancelEvents'
type Send = <B extends RequestBody<StreamKind>>(body: B, transfer?: Transferable[]) => Promise<Outcome<ResultMap[B['kind']]>>

interface StreamArgs {
  readonly blob: Blob
  readonly version: number
  readonly name: string
  readonly chunkBytes?: number | undefined
}

/** Awaited mode: replies drive progress, cancellation and the outcome. */
interface RequestMode extends StreamArgs {
  readonly request: Send
  readonly onProgress?: ((p: EventsProgress) => void) | undefined
  readonly signal?: AbortSignal | undefined
  /** called right before `endEvents` is sent: from then on runs reference the new dataset */
  readonly onEnd?: () => void
}

/** Replay mode (a fresh worker after a restart): posted in order, nobody waits on the replies. */
interface PostMode extends StreamArgs {
  readonly post: (body: RequestBody<'beginEvents' | 'appendEvents' | 'endEvents'>, transfer?: Transferable[]) => void
}

export const DEFAULT_CHUNK_BYTES = 1 << 20

const cancelled: Failure = { code: 'cancelled', message: 'Loading the events was cancelled; the previous events are kept.' }

/**
 * The blob's bytes in chunks of `size` (the last may be smaller), each a fresh buffer: a slice of
 * the blob read with `arrayBuffer()`, which the browser fills off this thread, so the page never
 * copies the bytes itself (regrouping a stream's pieces cost ~2 ms of main thread per MiB). The
 * next chunk is already being read while the caller works with this one.
 */
export async function* chunksOf(blob: Blob, size: number): AsyncGenerator<ArrayBuffer> {
  const read = (at: number): Promise<ArrayBuffer> | null => {
    if (at >= blob.size) return null
    const p = blob.slice(at, at + size).arrayBuffer()
    // a read-ahead nobody awaits (the caller stopped early) must not be an unhandled rejection
    p.catch(() => undefined)
    return p
  }
  let next = read(0)
  for (let at = 0; next !== null; at += size) {
    const current: ArrayBuffer = await next
    next = read(at + size)
    yield current
  }
}

export function streamBlob(args: RequestMode): Promise<Outcome<EventsLoaded>>
export function streamBlob(args: PostMode): Promise<void>
export async function streamBlob(args: RequestMode | PostMode): Promise<Outcome<EventsLoaded> | void> {
  const size = Math.max(1, args.chunkBytes ?? DEFAULT_CHUNK_BYTES)
  const { version } = args
  if ('post' in args) {
    args.post({ kind: 'beginEvents', datasetVersion: version, name: args.name, size: args.blob.size })
    for await (const chunk of chunksOf(args.blob, size)) args.post({ kind: 'appendEvents', datasetVersion: version, chunk }, [chunk])
    args.post({ kind: 'endEvents', datasetVersion: version })
    return
  }
  const { request, signal } = args
  const stop = async (): Promise<Outcome<EventsLoaded>> => {
    await request({ kind: 'cancelEvents', datasetVersion: version })
    return { status: 'failed', failure: cancelled }
  }
  if (signal?.aborted) return { status: 'failed', failure: cancelled }
  const begun = await request({ kind: 'beginEvents', datasetVersion: version, name: args.name, size: args.blob.size })
  if (begun.status !== 'ok') return begun
  args.onProgress?.(begun.result)
  // Two chunks in flight: the worker finds the next chunk waiting when it has read one, while this
  // thread reads the one after from the file; each reply is still the progress of its chunk.
  let inFlight: Promise<Outcome<EventsProgress>> | null = null
  /** the settled previous chunk: undefined to go on, else what the stream ends with */
  const settle = async (step: Promise<Outcome<EventsProgress>>): Promise<Outcome<EventsLoaded> | undefined> => {
    const o = await step
    if (o.status !== 'ok') return o.status === 'superseded' ? { status: 'superseded' } : o
    if (signal?.aborted) return await stop()
    args.onProgress?.(o.result)
    return undefined
  }
  try {
    for await (const chunk of chunksOf(args.blob, size)) {
      if (signal?.aborted) return await stop()
      const sent = request({ kind: 'appendEvents', datasetVersion: version, chunk }, [chunk])
      const ended = inFlight === null ? undefined : await settle(inFlight)
      inFlight = sent
      if (ended) return ended
    }
  } catch (err) {
    // Reading the file failed (moved, permissions changed): the worker drops the partial load.
    await request({ kind: 'cancelEvents', datasetVersion: version })
    return { status: 'failed', failure: { code: 'bad-request', message: `The file could not be read: ${err instanceof Error ? err.message : String(err)}` } }
  }
  if (inFlight !== null) {
    const ended = await settle(inFlight)
    if (ended) return ended
  }
  if (signal?.aborted) return await stop()
  args.onEnd?.()
  return request({ kind: 'endEvents', datasetVersion: version })
}
