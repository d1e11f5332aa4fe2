import type { Diagnostic, EqlSettings, RunResult } from '../engine'

/**
 * The typed message protocol between the page (client.ts) and the engine worker (handle.ts).
 *
 * Every request carries an `id` and gets exactly one reply with the same `id`: either
 * `{ok: true, kind, result}` or `{ok: false, failure}`. Mistakes in the user's query or events are
 * NOT failures: they are diagnostics inside a successful result. A failure means the request itself
 * could not be served (engine bug, unknown dataset, timeout, crashed worker).
 *
 * Events are sent once with `setEvents` under a dataset `version` and referenced by that version in
 * `run`, so a query edit never re-sends (or re-parses) a large event set.
 */

/** Bumped on any incompatible change; a worker answering another version is refused. */
export const PROTOCOL_VERSION = 1

/** Dataset version meaning "no events loaded yet" (an empty event list). */
export const NO_EVENTS_VERSION = 0

interface RequestBase {
  readonly id: number
  readonly protocol: number
}

/** Replace the worker's event set. `text` is parsed in the worker (JSON, arrays, NDJSON, `_search`). */
export interface SetEventsRequest extends RequestBase {
  readonly kind: 'setEvents'
  readonly version: number
  readonly text: string
}

/** Compile `query` against the schema of dataset `eventsVersion` and run it over those events. */
export interface RunRequest extends RequestBase {
  readonly kind: 'run'
  readonly eventsVersion: number
  readonly language: 'eql'
  readonly query: string
  readonly settings: Partial<EqlSettings>
  /** at most this many matched events are copied back for display (the result itself is complete) */
  readonly displayLimit: number
}

/** Liveness and version check. */
export interface PingRequest extends RequestBase {
  readonly kind: 'ping'
}

export type Request = SetEventsRequest | RunRequest | PingRequest
export type RequestKind = Request['kind']

/** A problem reading the events text, e.g. a line of NDJSON that is not JSON. */
export interface EventsProblem {
  readonly message: string
  /** 1-based line in the events text, when known */
  readonly line?: number
}

export interface EventsLoaded {
  readonly version: number
  readonly eventCount: number
  readonly problems: readonly EventsProblem[]
  /** notes from building the schema, e.g. which fields were inferred from the events */
  readonly schemaDiagnostics: readonly Diagnostic[]
}

export interface RunReport {
  /** the query this report is for (diagnostic spans refer to it, not to a newer edit) */
  readonly query: string
  readonly eventsVersion: number
  readonly eventCount: number
  /** compile and run diagnostics; spans refer to the query text */
  readonly diagnostics: readonly Diagnostic[]
  /** null when the query did not compile or the run was stopped */
  readonly result: RunResult | null
  /** the matched events (by input index) referenced by `result`, up to the display limit */
  readonly events: readonly (readonly [index: number, event: unknown])[]
  readonly elapsedMs: number
}

export interface Pong {
  readonly protocol: number
}

/** What a successful reply carries, per request kind. */
export interface ResultMap {
  readonly setEvents: EventsLoaded
  readonly run: RunReport
  readonly ping: Pong
}

export type FailureCode =
  | 'engine-bug' // the engine threw: a bug, reported instead of crashing the worker
  | 'bad-request' // malformed message or protocol mismatch
  | 'unknown-events' // `run` referenced a dataset version the worker does not hold
  | 'timeout' // client side: the watchdog stopped a run
  | 'worker-crashed' // client side: the worker died or could not load
  | 'disposed' // client side: the client was shut down with the request pending

export interface Failure {
  readonly code: FailureCode
  readonly message: string
}

export type OkReply = { [K in RequestKind]: { readonly id: number; readonly ok: true; readonly kind: K; readonly result: ResultMap[K] } }[RequestKind]
export interface FailedReply {
  readonly id: number
  readonly ok: false
  readonly failure: Failure
}
export type Reply = OkReply | FailedReply

/** A minimal shape check for data arriving from the worker (the structured clone is untyped). */
export function isReply(data: unknown): data is Reply {
  if (typeof data !== 'object' || data === null) return false
  const r = data as { id?: unknown; ok?: unknown; failure?: unknown; kind?: unknown }
  if (typeof r.id !== 'number') return false
  if (r.ok === true) return typeof r.kind === 'string'
  return r.ok === false && typeof r.failure === 'object' && r.failure !== null
}
