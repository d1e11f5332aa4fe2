import type { ExceptionItem } from '../engine'
import type { Failure, QueryLanguage, Request, RequestKind } from './protocol'

/** The engine client's public types (client.ts), apart so the client file stays about behaviour. */

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
  /** matched events copied back with the report, with their hits (default FIRST_PAGE) */
  readonly displayLimit?: number
  readonly histogramBuckets?: number
  /** Kibana-style exception items applied on top of the rule (omitted when empty) */
  readonly exceptions?: readonly ExceptionItem[]
}

/**
 * Matched events a report carries with their hits unless the caller asks otherwise: a screenful
 * and some, so the first rows show at once; the others come by window, hits included.
 */
export const FIRST_PAGE = 100

/** a run's time budget unless the user sets one */
export const DEFAULT_RUN_BUDGET_MS = 3000
export const DEFAULT_LOAD_BUDGET_MS = 60_000

/** A request before the client numbers it (distributed over the kinds, so `kind` picks the fields). */
type Unnumbered<R> = R extends Request ? Omit<R, 'id' | 'protocol'> : never
export type RequestBody<K extends RequestKind = RequestKind> = Unnumbered<Extract<Request, { kind: K }>>
