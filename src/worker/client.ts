import {
  NO_EVENTS_VERSION,
  PROTOCOL_VERSION,
  isReply,
  type Failure,
  type Request,
  type RequestKind,
  type ResultMap,
  type RunRequest,
} from './protocol'

/**
 * The page's side of the engine worker. Guarantees, because the UI relies on them:
 * - every request settles exactly once: with the worker's reply, as `superseded`, or as a failure
 *   (also when the worker crashes, fails to load, or the client is disposed);
 * - latest wins per kind: a newer `run` (or `setEvents`) settles the older one as `superseded`
 *   at once, and the older reply is dropped when it arrives;
 * - a watchdog: a run the worker has not answered within the budget terminates the worker, a fresh
 *   one is started with the current events, and the run fails with a clear `timeout` message.
 */

/** How a request ended. Settling (rather than rejecting) keeps every caller's handling explicit. */
export type Outcome<T> =
  | { readonly status: 'ok'; readonly result: T }
  | { readonly status: 'failed'; readonly failure: Failure }
  | { readonly status: 'superseded' }

/** What the client needs from a worker; `spawnEngineWorker` adapts a real Worker to it. */
export interface WorkerPort {
  postMessage(message: Request): void
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
  /** events not read within this many ms stop the worker (default 60000; parsing is linear) */
  readonly loadBudgetMs?: number
  readonly timers?: Timers
}

export const DEFAULT_RUN_BUDGET_MS = 3000
export const DEFAULT_LOAD_BUDGET_MS = 60_000

interface Pending {
  readonly request: Request
  settle(outcome: Outcome<unknown>): void
  timer?: unknown
  /** the budget the watchdog was armed with, for the message */
  budgetMs?: number
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>),
}

/** "3 s", "250 ms": budgets as a person would say them. */
export function formatBudget(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`
}

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
  /**
   * setEvents ids the current worker has not answered yet. A run's watchdog is armed only when
   * none is left, so the budget measures the query, not the parsing of a large upload queued ahead.
   */
  private readonly loading = new Set<number>()
  private readonly latest = new Map<RequestKind, number>()
  private events: { readonly version: number; readonly text: string } | null = null
  private eventsVersion = NO_EVENTS_VERSION
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

  /** Replaces the event set (parsed in the worker); later runs reference it by version. */
  setEvents(text: string): Promise<Outcome<ResultMap['setEvents']>> {
    const version = ++this.eventsVersion
    this.events = { version, text }
    return this.send({ id: this.takeId(), protocol: PROTOCOL_VERSION, kind: 'setEvents', version, text })
  }

  /** Runs a query over the current event set. */
  run(query: string, settings: RunRequest['settings'] = {}, displayLimit = 500): Promise<Outcome<ResultMap['run']>> {
    const request: RunRequest = {
      id: this.takeId(),
      protocol: PROTOCOL_VERSION,
      kind: 'run',
      eventsVersion: this.events?.version ?? NO_EVENTS_VERSION,
      language: 'eql',
      query,
      settings,
      displayLimit,
    }
    return this.send(request)
  }

  ping(): Promise<Outcome<ResultMap['ping']>> {
    return this.send({ id: this.takeId(), protocol: PROTOCOL_VERSION, kind: 'ping' })
  }

  /** Terminates the worker; pending requests fail with `disposed`. */
  dispose(): void {
    this.disposed = true
    this.stopWorker()
    this.failAll({ code: 'disposed', message: 'The engine was shut down.' })
  }

  private takeId(): number {
    return this.nextId++
  }

  private send<K extends RequestKind>(request: Extract<Request, { kind: K }>): Promise<Outcome<ResultMap[K]>> {
    return new Promise<Outcome<ResultMap[K]>>((resolve) => {
      if (this.disposed) {
        resolve({ status: 'failed', failure: { code: 'disposed', message: 'The engine was shut down.' } })
        return
      }
      if (request.kind !== 'ping') this.supersede(request.kind)
      // The reply's `result` is typed by kind in the protocol; the map loses that link, hence the cast.
      const pending: Pending = { request, settle: (o) => resolve(o as Outcome<ResultMap[K]>) }
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
    const worker = this.ensureWorker(pending.request.kind === 'setEvents')
    if (pending.request.kind === 'run') {
      pending.budgetMs = this.runBudgetMs
      if (this.loading.size === 0) this.arm(pending)
    }
    if (pending.request.kind === 'setEvents') this.markLoading(pending.request.id)
    worker.postMessage(pending.request)
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
    pending.timer = this.timers.setTimeout(() => this.onWatchdog(id), pending.budgetMs ?? this.runBudgetMs)
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
    if (!skipEvents && this.events) {
      // A replay for a new worker: nobody waits on it, and its reply finds no pending entry.
      const { version, text } = this.events
      const id = this.takeId()
      this.markLoading(id)
      worker.postMessage({ id, protocol: PROTOCOL_VERSION, kind: 'setEvents', version, text })
    }
    return worker
  }

  private onMessage(data: unknown): void {
    if (!isReply(data)) return
    if (this.loading.delete(data.id) && this.loading.size === 0) {
      this.timers.clearTimeout(this.loadTimer)
      this.loadTimer = undefined
      for (const p of this.pending.values()) if (p.request.kind === 'run' && p.timer === undefined) this.arm(p)
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
    pending.settle(data.ok ? { status: 'ok', result: data.result } : { status: 'failed', failure: data.failure })
  }

  private onWatchdog(runId: number): void {
    this.orphans.delete(runId)
    const current = this.pending.get(runId)
    if (current) this.pending.delete(runId)
    this.stopWorker()
    // Everything still waiting was queued behind the runaway run: replay it on a fresh worker
    // (ensureWorker sends the current events first, unless a newer setEvents is itself pending).
    const waiting = [...this.pending.values()]
    const eventsPending = waiting.some((p) => p.request.kind === 'setEvents')
    if (waiting.length > 0 || this.events) this.ensureWorker(eventsPending)
    for (const p of waiting) {
      if (p.timer !== undefined) this.timers.clearTimeout(p.timer)
      p.timer = undefined
      this.post(p)
    }
    if (current) {
      current.settle({
        status: 'failed',
        failure: {
          code: 'timeout',
          message: `The query ran longer than ${formatBudget(current.budgetMs ?? this.runBudgetMs)} and was stopped. The engine was restarted; edit the query or the events to try again.`,
        },
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
