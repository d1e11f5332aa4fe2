import { formatBudget, overBudgetMessage, watchdogMs } from './budget'
import { streamBlob, type StreamOptions } from './client-stream'
import { NO_EVENTS_VERSION, PROTOCOL_VERSION, isReply, type Failure, type QueryLanguage, type Request, type RequestKind, type ResultMap, type RunSettings } from './protocol'

/**
 * The page's side of the engine worker. Guarantees, because the UI relies on them:
 * - every request settles exactly once: with the worker's reply, as `superseded`, or as a failure
 *   (also when the worker crashes, fails to load, or the client is disposed);
 * - latest wins per kind for runs, event sets and editor requests: a newer one settles the older
 *   one as `superseded` at once, and the older reply is dropped when it arrives (event windows and
 *   stream chunks are never superseded: each is wanted);
 * - a watchdog on runs only: a run the worker has not answered within the budget terminates the
 *   worker, a fresh one is started with the current events (re-streamed from the file when they came
 *   from one), and the run fails with a clear `timeout` message. Loading events is not a run: a
 *   run queued behind a load is armed once the load is read.
 */

export type { StreamOptions } from './client-stream'

/** How a request ended. Settling (rather than rejecting) keeps every caller's handling explicit. */
export type Outcome<T> =
  | { readonly status: 'ok'; readonly result: T }
  | { readonly status: 'failed'; readonly failure: Failure }
  | { readonly status: 'superseded' }

/** What the client needs from a worker; `spawnEngineWorker` adapts a real Worker to it. */
export interface WorkerPort {
  /** `transfer`: buffers moved (not copied) to the worker, e.g. file chunks */
  postMessage(message: Request, transfer?: Transferable[]): void
  terminate(): void
}

export interface WorkerEvents {
  onMessage(data: unknown): void
  /** the worker died or could not start; `message` is for humans */
  onError(message: string): void
}

export type SpawnWorker = (events: WorkerEvents) => WorkerPort

/** Injectable timers so tests drive the watchdog without waiting. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface ClientOptions {
  /** a run not answered within this many ms is stopped (default 3000) */
  readonly runBudgetMs?: number
  /** one event-loading request not answered within this many ms stops the worker (default 60000) */
  readonly loadBudgetMs?: number
  readonly timers?: Timers
}

/** Options of a run besides the query and settings. */
export interface RunOptions {
  readonly language?: QueryLanguage
  /** matched events copied back with the report (default 500) */
  readonly displayLimit?: number
  readonly histogramBuckets?: number
}

export const DEFAULT_RUN_BUDGET_MS = 3000
export const DEFAULT_LOAD_BUDGET_MS = 60_000

/** A request before the client numbers it (distributed over the kinds, so `kind` picks the fields). */
type Unnumbered<R> = R extends Request ? Omit<R, 'id' | 'protocol'> : never
export type RequestBody<K extends RequestKind = RequestKind> = Unnumbered<Extract<Request, { kind: K }>>

interface Pending {
  readonly request: Request
  readonly transfer?: Transferable[]
  settle(outcome: Outcome<unknown>): void
  timer?: unknown
  /** the budget the watchdog was armed with, for the message */
  budgetMs?: number
}

/** Where the current events came from, to give a fresh worker the same dataset. */
type EventsSource = { readonly kind: 'text'; readonly version: number; readonly text: string } | { readonly kind: 'blob'; readonly version: number; readonly blob: Blob; readonly name: string }

/** Kinds where only the newest request matters. */
const LATEST_WINS: ReadonlySet<RequestKind> = new Set<RequestKind>(['run', 'setEvents', 'beginEvents', 'complete', 'hover', 'format'])
/** Kinds that read events: a run queued behind one is armed when it is answered. */
const LOADING: ReadonlySet<RequestKind> = new Set<RequestKind>(['setEvents', 'appendEvents', 'endEvents'])

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
}

export { formatBudget } from './budget'

export class EngineClient {
  private readonly spawn: SpawnWorker
  private readonly timers: Timers
  private runBudgetMs: number
  private readonly loadBudgetMs: number
  /** armed while `loading` is not empty, so a worker stuck reading events cannot hang every request */
  private loadTimer: unknown
  private worker: WorkerPort | null = null
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  /** superseded runs the worker may still be executing: their watchdog keeps running */
  private readonly orphans = new Map<number, unknown>()
  /** event-loading ids the current worker has not answered: runs are armed when none is left */
  private readonly loading = new Set<number>()
  private readonly latest = new Map<RequestKind, number>()
  /** the dataset runs reference: the last one whose loading request was posted */
  private source: EventsSource | null = null
  private lastLoaded: ResultMap['setEvents'] | null = null
  private versions = NO_EVENTS_VERSION
  /** a streamed load in progress, so a newer event set can stop it */
  private stream: { readonly version: number; readonly abort: () => void } | null = null
  /** while a fresh worker is being re-streamed its file, requests wait here to keep their order */
  private held: Pending[] | null = null
  private disposed = false

  constructor(spawn: SpawnWorker, options: ClientOptions = {}) {
    this.spawn = spawn
    this.timers = options.timers ?? realTimers
    this.runBudgetMs = options.runBudgetMs ?? DEFAULT_RUN_BUDGET_MS
    this.loadBudgetMs = options.loadBudgetMs ?? DEFAULT_LOAD_BUDGET_MS
  }

  /** Changes the watchdog budget for runs sent from now on. */
  setRunBudget(ms: number): void {
    this.runBudgetMs = ms
  }

  /** The dataset version runs and event windows refer to now. */
  get eventsVersion(): number {
    return this.source?.version ?? NO_EVENTS_VERSION
  }

  /**
   * Replaces the event set with `text` (parsed in the worker); later runs reference it by version.
   * The same text as the current dataset is not sent again.
   */
  setEvents(text: string): Promise<Outcome<ResultMap['setEvents']>> {
    const s = this.source
    if (s?.kind === 'text' && s.text === text && this.lastLoaded?.version === s.version) {
      return Promise.resolve({ status: 'ok', result: this.lastLoaded })
    }
    this.stopStream()
    const version = ++this.versions
    this.source = { kind: 'text', version, text }
    return this.request({ kind: 'setEvents', version, text })
  }

  /**
   * Streams a file into the worker in chunks (transferred, never decoded or held whole on this
   * thread), reporting progress; the file's events become current when it is read. Cancel with
   * `options.signal`: the previous events stay current and the outcome is a `cancelled` failure.
   */
  streamEvents(blob: Blob, options: StreamOptions = {}): Promise<Outcome<ResultMap['endEvents']>> {
    this.stopStream()
    const version = ++this.versions
    const name = options.name ?? (blob instanceof File ? blob.name : 'events')
    const controller = new AbortController()
    options.signal?.addEventListener('abort', () => controller.abort(), { once: true })
    this.stream = { version, abort: () => controller.abort() }
    const previous = this.source
    const onEnd = () => (this.source = { kind: 'blob', version, blob, name })
    const args = { request: <B extends RequestBody>(body: B, transfer?: Transferable[]) => this.request(body, transfer), blob, version, name, onEnd }
    return streamBlob({ ...args, onProgress: options.onProgress, signal: controller.signal, chunkBytes: options.chunkBytes }).then((o) => {
      if (this.stream?.version === version) this.stream = null
      // The worker kept its previous events: runs must reference them again.
      if (o.status !== 'ok' && this.source?.version === version) this.source = previous
      return o
    })
  }

  /** Runs a query over the current event set. */
  run(query: string, settings: RunSettings = {}, options: RunOptions | number = {}): Promise<Outcome<ResultMap['run']>> {
    const o = typeof options === 'number' ? { displayLimit: options } : options
    return this.request({
      kind: 'run',
      eventsVersion: this.eventsVersion,
      language: o.language ?? 'eql',
      query,
      settings,
      displayLimit: o.displayLimit ?? 500,
      budgetMs: this.runBudgetMs,
      ...(o.histogramBuckets === undefined ? {} : { histogramBuckets: o.histogramBuckets }),
    })
  }

  /** Events `from`..`from+count` of the current set, or those at `indexes`, for rows in view. */
  getEvents(from: number, count: number, indexes?: readonly number[]): Promise<Outcome<ResultMap['getEvents']>> {
    return this.request({ kind: 'getEvents', eventsVersion: this.eventsVersion, from, count, ...(indexes ? { indexes } : {}) })
  }

  complete(body: Omit<RequestBody<'complete'>, 'kind'>): Promise<Outcome<ResultMap['complete']>> {
    return this.request({ eventsVersion: this.eventsVersion, ...body, kind: 'complete' })
  }

  hover(body: Omit<RequestBody<'hover'>, 'kind'>): Promise<Outcome<ResultMap['hover']>> {
    return this.request({ eventsVersion: this.eventsVersion, ...body, kind: 'hover' })
  }

  format(language: QueryLanguage, text: string): Promise<Outcome<ResultMap['format']>> {
    return this.request({ kind: 'format', language, text })
  }

  ping(): Promise<Outcome<ResultMap['ping']>> {
    return this.request({ kind: 'ping' })
  }

  /** Terminates the worker; pending requests fail with `disposed`. */
  dispose(): void {
    this.disposed = true
    this.stopStream()
    this.stopWorker()
    this.failAll({ code: 'disposed', message: 'The engine was shut down.' })
  }

  /** Sends any request: numbered, settled exactly once, superseded per kind as described above. */
  request<B extends RequestBody>(body: B, transfer?: Transferable[]): Promise<Outcome<ResultMap[B['kind']]>> {
    type K = B['kind']
    // Numbering turns the body into the request of its kind; TypeScript cannot follow Omit + spread.
    const request = { ...body, id: this.nextId++, protocol: PROTOCOL_VERSION } as unknown as Request
    return new Promise<Outcome<ResultMap[K]>>((resolve) => {
      if (this.disposed) {
        resolve({ status: 'failed', failure: { code: 'disposed', message: 'The engine was shut down.' } })
        return
      }
      if (LATEST_WINS.has(request.kind)) this.supersede(request.kind)
      // The reply's `result` is typed by kind in the protocol; the map loses that link, hence the cast.
      const pending: Pending = { request, ...(transfer ? { transfer } : {}), settle: (o) => resolve(o as Outcome<ResultMap[K]>) }
      this.pending.set(request.id, pending)
      this.latest.set(request.kind, request.id)
      this.post(pending)
    })
  }

  private stopStream(): void {
    this.stream?.abort()
    this.stream = null
  }

  /** Latest wins: the previous request of this kind settles now and its reply will be dropped. */
  private supersede(kind: RequestKind): void {
    const previousId = this.latest.get(kind)
    const previous = previousId === undefined ? undefined : this.pending.get(previousId)
    if (previousId === undefined || previous === undefined) return
    this.pending.delete(previousId)
    // The worker may still be stuck in the old run: keep its watchdog armed so a runaway query
    // cannot block the newer one forever.
    if (previous.timer !== undefined) this.orphans.set(previousId, previous.timer)
    previous.settle({ status: 'superseded' })
  }

  private post(pending: Pending): void {
    const kind = pending.request.kind
    const worker = this.ensureWorker(kind === 'setEvents' || kind === 'beginEvents')
    if (this.held) {
      this.held.push(pending)
      return
    }
    if (kind === 'run') {
      pending.budgetMs = this.runBudgetMs
      if (this.loading.size === 0) this.arm(pending)
    }
    if (LOADING.has(kind)) this.markLoading(pending.request.id)
    worker.postMessage(pending.request, pending.transfer ?? [])
  }

  private markLoading(id: number): void {
    this.loading.add(id)
    this.loadTimer ??= this.timers.setTimeout(() => {
      this.stopWorker()
      // Kept: the next request replays them, and fails the same clear way if they still hang.
      const message = `Reading the events took longer than ${formatBudget(this.loadBudgetMs)} and was stopped.`
      this.failAll({ code: 'timeout', message })
    }, this.loadBudgetMs)
  }

  private arm(pending: Pending): void {
    const id = pending.request.id
    pending.timer = this.timers.setTimeout(() => this.onWatchdog(id), watchdogMs(pending.budgetMs ?? this.runBudgetMs))
  }

  /** Starts a worker when there is none; a fresh worker first gets the current events. */
  private ensureWorker(skipEvents: boolean): WorkerPort {
    if (this.worker) return this.worker
    const worker = this.spawn({
      onMessage: (data) => {
        if (this.worker === worker) this.onMessage(data)
      },
      onError: (message) => {
        if (this.worker === worker) this.onCrash(message)
      },
    })
    this.worker = worker
    const s = this.source
    if (!skipEvents && s?.kind === 'text') {
      // A replay for a new worker: nobody waits on it, and its reply finds no pending entry.
      const id = this.nextId++
      this.markLoading(id)
      worker.postMessage({ id, protocol: PROTOCOL_VERSION, kind: 'setEvents', version: s.version, text: s.text })
    }
    if (!skipEvents && s?.kind === 'blob') this.replayBlob(worker, s)
    return worker
  }

  /** Re-streams the current file into a fresh worker, holding other requests until it is sent. */
  private replayBlob(worker: WorkerPort, s: Extract<EventsSource, { kind: 'blob' }>): void {
    this.held = []
    const post = (body: RequestBody<'beginEvents' | 'appendEvents' | 'endEvents'>, transfer?: Transferable[]): void => {
      if (this.worker !== worker) return
      const id = this.nextId++
      if (body.kind !== 'beginEvents') this.markLoading(id)
      worker.postMessage({ ...body, id, protocol: PROTOCOL_VERSION } as Request, transfer ?? [])
    }
    void streamBlob({ post, blob: s.blob, version: s.version, name: s.name }).finally(() => {
      if (this.worker !== worker) return
      const held = this.held ?? []
      this.held = null
      for (const p of held) if (this.pending.get(p.request.id) === p) this.post(p)
    })
  }

  private onMessage(data: unknown): void {
    if (!isReply(data)) return
    if (this.loading.delete(data.id) && this.loading.size === 0) {
      this.timers.clearTimeout(this.loadTimer)
      this.loadTimer = undefined
      for (const p of this.pending.values()) if (p.request.kind === 'run' && p.timer === undefined && !this.held?.includes(p)) this.arm(p)
    }
    const orphan = this.orphans.get(data.id)
    if (orphan !== undefined) {
      this.timers.clearTimeout(orphan)
      this.orphans.delete(data.id)
    }
    const pending = this.pending.get(data.id)
    if (!pending) return // superseded or replayed: dropped
    this.pending.delete(data.id)
    if (pending.timer !== undefined) this.timers.clearTimeout(pending.timer)
    if (data.ok && data.kind === 'setEvents') this.lastLoaded = data.result
    pending.settle(data.ok ? { status: 'ok', result: data.result } : { status: 'failed', failure: data.failure })
  }

  private onWatchdog(runId: number): void {
    this.orphans.delete(runId)
    const current = this.pending.get(runId)
    if (current) this.pending.delete(runId)
    this.stopWorker()
    // Everything still waiting was queued behind the runaway run: replay it on a fresh worker
    // (ensureWorker sends the current events first, unless a newer event set is itself pending).
    const waiting = [...this.pending.values()]
    const eventsPending = waiting.some((p) => p.request.kind === 'setEvents' || p.request.kind === 'beginEvents')
    if (waiting.length > 0 || this.source) this.ensureWorker(eventsPending)
    for (const p of waiting) {
      if (p.timer !== undefined) this.timers.clearTimeout(p.timer)
      p.timer = undefined
      this.post(p)
    }
    if (current) {
      current.settle({
        status: 'failed',
        failure: { code: 'timeout', message: overBudgetMessage(current.budgetMs ?? this.runBudgetMs, true) },
      })
    }
  }

  private onCrash(message: string): void {
    this.stopWorker()
    // Restart lazily on the next request: restarting here could loop if the worker cannot load.
    this.failAll({ code: 'worker-crashed', message: `The engine stopped unexpectedly (${message}). It restarts on the next edit.` })
  }

  private stopWorker(): void {
    for (const timer of this.orphans.values()) this.timers.clearTimeout(timer)
    this.orphans.clear()
    this.loading.clear()
    if (this.loadTimer !== undefined) this.timers.clearTimeout(this.loadTimer)
    this.loadTimer = undefined
    this.held = null
    this.worker?.terminate()
    this.worker = null
  }

  private failAll(failure: Failure): void {
    const all = [...this.pending.values()]
    this.pending.clear()
    for (const p of all) {
      if (p.timer !== undefined) this.timers.clearTimeout(p.timer)
      p.settle({ status: 'failed', failure })
    }
  }
}
