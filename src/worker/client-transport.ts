import { formatBudget, overBudgetMessage, watchdogMs } from './budget'
import { streamBlob } from './client-stream'
import { DEFAULT_LOAD_BUDGET_MS, DEFAULT_RUN_BUDGET_MS, type ClientOptions, type Outcome, type RequestBody, type SpawnWorker, type Timers, type WorkerPort } from './client-types'
import { PROTOCOL_VERSION, isReply, type Failure, type Request, type RequestKind, type ResultMap } from './protocol'

/**
 * The engine client's transport (see client.ts for the guarantees): numbering, one settlement per
 * request, latest-wins per kind, the run watchdog and the load timer, and giving a restarted worker
 * the current events again. EngineClient adds the typed requests on top.
 */

interface Pending {
  readonly request: Request
  readonly transfer?: Transferable[]
  settle(outcome: Outcome<unknown>): void
  timer?: unknown
  /** the budget the watchdog was armed with, for the message */
  budgetMs?: number
}

/** Where the current events came from, to give a fresh worker the same dataset. */
export type EventsSource = { readonly kind: 'text'; readonly version: number; readonly text: string } | { readonly kind: 'blob'; readonly version: number; readonly blob: Blob; readonly name: string }

/** Kinds where only the newest request matters. */
const LATEST_WINS: ReadonlySet<RequestKind> = new Set<RequestKind>(['run', 'setEvents', 'beginEvents', 'complete', 'hover', 'format', 'explain'])
/** Kinds that read events: a run queued behind one is armed when it is answered. */
const LOADING: ReadonlySet<RequestKind> = new Set<RequestKind>(['setEvents', 'appendEvents', 'endEvents'])

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
}

export class EngineTransport {
  protected readonly spawn: SpawnWorker
  protected readonly timers: Timers
  protected runBudgetMs: number
  protected readonly loadBudgetMs: number
  /** armed while `loading` is not empty, so a worker stuck reading events cannot hang every request */
  protected loadTimer: unknown
  protected worker: WorkerPort | null = null
  protected nextId = 1
  protected readonly pending = new Map<number, Pending>()
  /** superseded runs the worker may still be executing: their watchdog keeps running */
  protected readonly orphans = new Map<number, unknown>()
  /** event-loading ids the current worker has not answered: runs are armed when none is left */
  protected readonly loading = new Set<number>()
  protected readonly latest = new Map<RequestKind, number>()
  /** the dataset runs reference: the last one whose loading request was posted */
  protected source: EventsSource | null = null
  protected lastLoaded: ResultMap['setEvents'] | null = null
  /** while a fresh worker is being re-streamed its file, requests wait here to keep their order */
  protected held: Pending[] | null = null
  protected disposed = false

  constructor(spawn: SpawnWorker, options: ClientOptions = {}) {
    this.spawn = spawn
    this.timers = options.timers ?? realTimers
    this.runBudgetMs = options.runBudgetMs ?? DEFAULT_RUN_BUDGET_MS
    this.loadBudgetMs = options.loadBudgetMs ?? DEFAULT_LOAD_BUDGET_MS
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

  protected stopWorker(): void {
    for (const timer of this.orphans.values()) this.timers.clearTimeout(timer)
    this.orphans.clear()
    this.loading.clear()
    if (this.loadTimer !== undefined) this.timers.clearTimeout(this.loadTimer)
    this.loadTimer = undefined
    this.held = null
    this.worker?.terminate()
    this.worker = null
  }

  protected failAll(failure: Failure): void {
    const all = [...this.pending.values()]
    this.pending.clear()
    for (const p of all) {
      if (p.timer !== undefined) this.timers.clearTimeout(p.timer)
      p.settle({ status: 'failed', failure })
    }
  }
}
