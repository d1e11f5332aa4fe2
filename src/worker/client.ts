import { EngineTransport } from './client-transport'
import { streamBlob, type StreamOptions } from './client-stream'
import { FIRST_PAGE, type Outcome, type RequestBody, type RunOptions } from './client-types'
import { NO_EVENTS_VERSION, type QueryLanguage, type ResultMap, type RunSettings } from './protocol'

/**
 * The page's side of the engine worker. Guarantees, because the UI relies on them:
 * - every request settles exactly once: with the worker's reply, as `superseded`, or as a failure
 *   (also when the worker crashes, fails to load, or the client is disposed);
 * - latest wins per kind for runs, event sets and editor requests: a newer one settles the older
 *   one as `superseded` at once, and the older reply is dropped when it arrives (event windows and
 *   stream chunks are never superseded: each is wanted);
 * - runs carry their budget: the worker stops a run itself when it is spent and answers `timeout`,
 *   keeping its events. A watchdog on runs only is the last resort: a run the worker has not
 *   answered well after its budget (`watchdogMs`) terminates the worker, a fresh one is started
 *   with the current events (re-streamed from the file when they came from one), and the run fails
 *   with a clear `timeout` message. Loading events is not a run: a run queued behind a load is
 *   armed once the load is read.
 */

export type { StreamOptions } from './client-stream'
export type { ClientOptions, Outcome, RequestBody, RunOptions, SpawnWorker, Timers, WorkerEvents, WorkerPort } from './client-types'
export { DEFAULT_LOAD_BUDGET_MS, DEFAULT_RUN_BUDGET_MS, FIRST_PAGE } from './client-types'
export { formatBudget } from './budget'

export class EngineClient extends EngineTransport {
  private versions = NO_EVENTS_VERSION
  /** a streamed load in progress, so a newer event set can stop it */
  private stream: { readonly version: number; readonly abort: () => void } | null = null
  /** the latest analyze request: older replies settle as superseded */
  private analyzeTicket = 0
  /** the latest compare request: older replies settle as superseded */
  private compareTicket = 0
  /** the latest alerts request: older replies settle as superseded */
  private alertsTicket = 0

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
      displayLimit: o.displayLimit ?? FIRST_PAGE,
      budgetMs: this.runBudgetMs,
      ...(o.histogramBuckets === undefined ? {} : { histogramBuckets: o.histogramBuckets }),
      ...(o.exceptions === undefined || o.exceptions.length === 0 ? {} : { exceptions: o.exceptions }),
    })
  }

  /**
   * Events `from`..`from+count` of the current set, or those at `indexes`, for rows in view; with
   * `runId` (a report's) also their hits in that run, while the worker still holds it.
   */
  getEvents(from: number, count: number, indexes?: readonly number[], runId?: number): Promise<Outcome<ResultMap['getEvents']>> {
    return this.request({ kind: 'getEvents', eventsVersion: this.eventsVersion, from, count, ...(indexes ? { indexes } : {}), ...(runId === undefined ? {} : { runId }) })
  }

  /** The distinct spans of every hit of run `runId` over event set `eventsVersion` (the editor's clause hover). */
  hitSpans(eventsVersion: number, runId: number): Promise<Outcome<ResultMap['hitSpans']>> {
    return this.request({ kind: 'hitSpans', eventsVersion, runId })
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

  /**
   * Clause coverage and near misses of `query` over the current event set, scanned within the run
   * budget. Latest wins: an older analysis answered after a newer one was asked settles as
   * `superseded` (kept here rather than in the transport's kind list, which another request owns).
   */
  analyze(body: Omit<RequestBody<'analyze'>, 'kind' | 'eventsVersion' | 'budgetMs'>): Promise<Outcome<ResultMap['analyze']>> {
    const ticket = ++this.analyzeTicket
    return this.request({ ...body, eventsVersion: this.eventsVersion, budgetMs: this.runBudgetMs, kind: 'analyze' }).then((o) =>
      ticket === this.analyzeTicket ? o : { status: 'superseded' as const },
    )
  }

  /**
   * Two rule versions over the current event set: the events they disagree on and why
   * (protocol-compare.ts), within the run budget. Latest wins, as for analyze: the comparison
   * re-runs on every edit and only the newest answer is wanted.
   */
  compare(body: Omit<RequestBody<'compare'>, 'kind' | 'eventsVersion' | 'budgetMs'>): Promise<Outcome<ResultMap['compare']>> {
    const ticket = ++this.compareTicket
    return this.request({ ...body, eventsVersion: this.eventsVersion, budgetMs: this.runBudgetMs, kind: 'compare' }).then((o) =>
      ticket === this.compareTicket ? o : { status: 'superseded' as const },
    )
  }

  /**
   * The alerts the document's rule would raise over the current event set (protocol-alerts.ts),
   * simulated within the run budget (a partial simulation comes back `stopped`). Latest wins, as
   * for analyze: it re-runs on every edit of the rule and only the newest answer is wanted.
   */
  alerts(body: Omit<RequestBody<'alerts'>, 'kind' | 'eventsVersion' | 'budgetMs'>): Promise<Outcome<ResultMap['alerts']>> {
    const ticket = ++this.alertsTicket
    return this.request({ ...body, eventsVersion: this.eventsVersion, budgetMs: this.runBudgetMs, kind: 'alerts' }).then((o) =>
      ticket === this.alertsTicket ? o : { status: 'superseded' as const },
    )
  }

  /** Why `query` matched event `eventIndex` of the current set or not (latest wins: selecting another event supersedes). */
  explain(body: Omit<RequestBody<'explain'>, 'kind' | 'eventsVersion'>): Promise<Outcome<ResultMap['explain']>> {
    return this.request({ ...body, eventsVersion: this.eventsVersion, kind: 'explain' })
  }

  /** Where marked events are in event set `eventsVersion` (protocol-fingerprint.ts); refused when that set is no longer loaded. */
  fingerprint(eventsVersion: number, marks: RequestBody<'fingerprint'>['marks']): Promise<Outcome<ResultMap['fingerprint']>> {
    return this.request({ kind: 'fingerprint', eventsVersion, marks })
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

  private stopStream(): void {
    this.stream?.abort()
    this.stream = null
  }
}
