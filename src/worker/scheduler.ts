import { mergeAnalyses, type AnalyzeRange } from './handle-analyze'
import type { Analysis } from './protocol-analyze'
import { PROTOCOL_VERSION, type Failure, type Reply, type RequestKind } from './protocol'

/**
 * The worker's order of work. A worker answers one message at a time and cannot be pre-empted, so
 * a keystroke's run that arrives while a 200,000-event analysis scans (1.5–3 s, measured by
 * scripts/bench/edit-latency.ts) would wait for all of it. So:
 * - requests the user is waiting on (runs, event windows, completion, hover, loads…) are answered
 *   as soon as they arrive, in arrival order;
 * - background requests (analyze, compare, alerts, fingerprint) are queued and answered one at a
 *   time, each after a yield to the event loop, so messages already waiting go first;
 * - an analysis is answered in slices of the events of about `sliceMs` each (handle-analyze.ts
 *   `range`), with a yield between slices, then merged: a run waits for one slice at most;
 *   fingerprints of a new event set are made in slices the same way (handle-fingerprint.ts `warm`);
 * - a newer analyze, compare or alerts request replaces a queued or half-done one of its kind
 *   (the client only wants the newest: its tickets settle the older as superseded), which is
 *   answered `cancelled` at once so every request still gets exactly one reply.
 * The budget of a sliced analysis counts the time spent on its slices, not the runs in between.
 *
 * One piece of work is started here, not asked for by the page: after the first run on a newly
 * loaded event set, a completion request whose answer nobody reads is queued in the background.
 * The editor's first completion or hover on a set builds the index of its fields and values over
 * every event (handle.ts `editorRequest`: ~3 µs an event, 150 ms at 10,000 events on a busy
 * machine), which the keystroke that asked for it — and its run — would otherwise wait for.
 */

/** Kinds answered in the background, after any request that arrived before the yield. */
const BACKGROUND: ReadonlySet<RequestKind> = new Set<RequestKind>(['analyze', 'compare', 'alerts', 'fingerprint'])
/** Background kinds where a newer request replaces an older one (latest wins in the client). */
const REPLACEABLE: ReadonlySet<RequestKind> = new Set<RequestKind>(['analyze', 'compare', 'alerts'])

export interface SchedulerOptions {
  /** the dispatcher (handle.ts createHandler) */
  readonly handle: (data: unknown) => Reply
  /** sends a reply to the page */
  readonly post: (reply: Reply) => void
  /** runs `fn` in a later task, after the messages already queued (the worker uses a MessageChannel) */
  readonly later: (fn: () => void) => void
  readonly now: () => number
  /** aimed duration of one analysis slice (default 16 ms) */
  readonly sliceMs?: number
}

type Message = Record<string, unknown> & { readonly id: number; readonly kind: RequestKind }

/** A sliced request in progress (an analysis, or fingerprinting the events). */
interface Slicing {
  from: number
  size: number
  spentMs: number
  /** ms per event, smoothed over the slices so far (0: none measured yet) */
  pace: number
  readonly parts: Analysis[]
}

interface Task {
  readonly message: Message
  slicing?: Slicing
  /** the scheduler's own request: its reply is not posted */
  readonly internal?: true
}

/** A completion that builds the editor's field-value index of the current event set (see above). */
const WARM_EDITOR: Message = { id: -1, protocol: PROTOCOL_VERSION, kind: 'complete', language: 'eql', text: '', offset: 0 }

/** The first slice: small enough for a sequence analysis on a slow machine (~15 µs an event). */
const FIRST_SLICE = 1024
const MAX_SLICE = 1 << 18

/** Makes the worker's message handler; it answers every message exactly once. */
export function createScheduler(options: SchedulerOptions): (data: unknown) => void {
  const { handle, post, later, now } = options
  const sliceMs = options.sliceMs ?? 16
  const queue: Task[] = []
  let pumping = false
  /** a newly loaded event set whose editor index is built after its first run */
  let warmAfterRun: number | null = null

  const cancelled = (id: number): Reply => {
    const failure: Failure = { code: 'cancelled', message: 'A newer request of the same kind replaced this one.' }
    return { id, ok: false, failure }
  }

  const schedule = (): void => {
    if (pumping || queue.length === 0) return
    pumping = true
    later(pump)
  }

  function pump(): void {
    pumping = false
    const task = queue[0]
    if (task === undefined) return
    const kind = task.message.kind
    let done = true
    if (task.internal) handle(task.message)
    else if (kind === 'analyze') done = analyzeSlice(task)
    else if (kind === 'fingerprint') done = fingerprintSlice(task)
    else post(handle(task.message))
    if (done) queue.shift()
    schedule()
  }

  /** Answers one slice; true when the analysis is complete (and its reply posted). */
  function analyzeSlice(task: Task): boolean {
    const s = (task.slicing ??= { from: 0, size: FIRST_SLICE, spentMs: 0, pace: 0, parts: [] })
    const budget = typeof task.message['budgetMs'] === 'number' ? task.message['budgetMs'] : Infinity
    const range: AnalyzeRange = { from: s.from, to: s.from + s.size }
    const started = now()
    const reply = handle({ ...task.message, range, ...(budget === Infinity ? {} : { budgetMs: Math.max(0, budget - s.spentMs) }) })
    const took = now() - started
    s.spentMs += took
    if (!reply.ok || reply.kind !== 'analyze') {
      post(reply)
      return true
    }
    const part = reply.result
    s.parts.push(part)
    s.from = range.to
    const failed = part.diagnostics.some((d) => d.severity === 'error')
    if (part.stopped || failed || s.from >= part.eventCount || s.spentMs >= budget) {
      const limit = (key: string): number | undefined => (typeof task.message[key] === 'number' ? task.message[key] : undefined)
      const merged = mergeAnalyses(s.parts, { nearMissLimit: limit('nearMissLimit'), excludedLimit: limit('excludedLimit') }) ?? part
      post({ ...reply, result: s.spentMs >= budget && s.from < part.eventCount ? { ...merged, stopped: true } : merged })
      return true
    }
    resize(s, took, range.to - range.from)
    return false
  }

  /**
   * Fingerprints the next range of events (handle-fingerprint.ts `warm`) and places the marks if
   * that is enough; true when answered. Fingerprints are cached per event set, so later requests
   * on the same events answer from the cache in their first slice.
   */
  function fingerprintSlice(task: Task): boolean {
    const s = (task.slicing ??= { from: 0, size: FIRST_SLICE, spentMs: 0, pace: 0, parts: [] })
    const warm = { from: s.from, to: s.from + s.size }
    const started = now()
    const reply = handle({ ...task.message, warm })
    const took = now() - started
    s.spentMs += took
    s.from = warm.to
    const sliceSize = warm.to - warm.from
    const asked = Array.isArray(task.message['marks']) ? task.message['marks'].length : 0
    if (!reply.ok || reply.kind !== 'fingerprint' || reply.result.marks.length === asked || s.from >= reply.result.eventCount) {
      post(reply)
      return true
    }
    resize(s, took, sliceSize)
    return false
  }

  /**
   * Aims the next slice at sliceMs from the pace of the slices so far, changing its size at most
   * twofold. The pace is smoothed (half the last slice's, half the earlier ones'): one slice swings
   * with a GC pause or a busy machine, and the first ones are slow while the JIT warms up.
   */
  function resize(s: Slicing, tookMs: number, events: number): void {
    const last = tookMs / Math.max(1, events)
    s.pace = s.pace === 0 ? last : (s.pace + last) / 2
    const aimed = s.pace > 0 ? sliceMs / s.pace : s.size * 2
    s.size = Math.round(Math.max(256, s.size / 2, Math.min(MAX_SLICE, s.size * 2, aimed)))
  }

  return (data: unknown): void => {
    const kind = typeof data === 'object' && data !== null ? (data as { kind?: unknown }).kind : undefined
    const id = typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : undefined
    if (typeof kind !== 'string' || typeof id !== 'number' || !BACKGROUND.has(kind as RequestKind)) {
      const reply = handle(data)
      post(reply)
      if (reply.ok && (reply.kind === 'setEvents' || reply.kind === 'endEvents')) warmAfterRun = reply.result.version
      if (reply.ok && reply.kind === 'run' && reply.result.eventsVersion === warmAfterRun) {
        warmAfterRun = null
        queue.push({ message: WARM_EDITOR, internal: true })
        schedule()
      }
      return
    }
    const message = data as Message
    if (REPLACEABLE.has(message.kind)) {
      for (let i = queue.length - 1; i >= 0; i--) {
        const old = queue[i]
        if (old !== undefined && old.message.kind === message.kind) {
          queue.splice(i, 1)
          post(cancelled(old.message.id))
        }
      }
    }
    queue.push({ message })
    schedule()
  }
}
