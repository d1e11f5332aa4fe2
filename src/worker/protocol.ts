import type { Diagnostic, EqlSettings, ExceptionItem, KqlSettings, Span } from '../engine'
import type { Completions, Formatted, HoverInfo } from './protocol-editor'
import type { ExplainReport } from './protocol-explain'
import type { Analysis, AnalyzeRequestFields } from './protocol-analyze'
import type { CompareReport, CompareRequestFields } from './protocol-compare'
import type { AlertsReport, AlertsRequestFields } from './protocol-alerts'
import type { FingerprintReport, FingerprintRequestFields } from './protocol-fingerprint'
import type { RunReport, WindowHits } from './protocol-run'

export type { CompletionEntry, Completions, Formatted, HoverInfo } from './protocol-editor'
export type { EventExplanation, ExplainedFilter, ExplainedStage, ExplainNode, ExplainReport } from './protocol-explain'
export type { Analysis, AnalyzeRequestFields, ClauseCount, NearMissItem } from './protocol-analyze'
export type { CompareReport, CompareRequestFields } from './protocol-compare'
export type { AlertsReport, AlertsRequestFields } from './protocol-alerts'
export type { FingerprintMark, FingerprintReport, FingerprintRequestFields, PlacedMark } from './protocol-fingerprint'
export type { EventHits, ExceptedEvent, ExceptionProblem, GroupEvent, Histogram, ReportGroup, ReportResult, RunReport, WindowHits } from './protocol-run'

/**
 * The typed message protocol between the page (client.ts) and the engine worker (handle.ts).
 *
 * Every request carries an `id` and gets exactly one reply with the same `id`: either
 * `{ok: true, kind, result}` or `{ok: false, failure}`. Mistakes in the user's query or events are
 * NOT failures: they are diagnostics inside a successful result. A failure means the request itself
 * could not be served (engine bug, unknown dataset, timeout, crashed worker).
 *
 * Events are sent once under a dataset `version` — whole with `setEvents` (pastes), or streamed with
 * `beginEvents` / `appendEvents`* / `endEvents` (files: the page never holds the whole text) — and
 * referenced by that version in `run` and `getEvents`, so a query edit never re-sends (or
 * re-parses) a large event set. Streaming requests each get their own reply (progress), like any
 * other request.
 */

/** Bumped on any incompatible change; a worker answering another version is refused. */
export const PROTOCOL_VERSION = 3

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

/** The two rule languages the playground runs. */
export type QueryLanguage = 'eql' | 'kql'

/**
 * What a run needs besides the query. EQL settings stay at the top level (the first version of the
 * protocol had only them); KQL's (`now`, `dateFormatTZ`) are under `kql`. `mappings` is an
 * Elasticsearch mapping JSON or a flat `{field: type}` table (see engine buildSchema); it wins over
 * ECS for both languages and changes the schema, which the worker caches per mappings text.
 */
export interface RunSettings extends Partial<EqlSettings> {
  readonly kql?: Partial<KqlSettings>
  readonly mappings?: unknown
}

/** Compile `query` against the schema of dataset `eventsVersion` and run it over those events. */
export interface RunRequest extends RequestBase {
  readonly kind: 'run'
  readonly eventsVersion: number
  readonly language: QueryLanguage
  readonly query: string
  readonly settings: RunSettings
  /** at most this many matched events (the first page) are copied back with their hits (the match structure itself is complete) */
  readonly displayLimit: number
  /** buckets of the timeline histogram (default 60) */
  readonly histogramBuckets?: number
  /** the worker stops the run after this many ms (from its start) and answers `timeout` */
  readonly budgetMs?: number
  /**
   * Kibana-style exception items applied on top of the rule, as the detection engine applies them:
   * a negated filter on the search, so an excepted event is not seen at all (for a sequence it
   * cannot fill a stage). Omitted or empty: none.
   */
  readonly exceptions?: readonly ExceptionItem[]
}

/**
 * A window of the loaded events, matching or not, for the results list to render the rows in view:
 * `from`/`count` in input order, or `indexes` (e.g. only the matches) which wins when given.
 */
export interface GetEventsRequest extends RequestBase {
  readonly kind: 'getEvents'
  readonly eventsVersion: number
  readonly from: number
  readonly count: number
  readonly indexes?: readonly number[]
  /**
   * Also answer the hits of the window's events in run `runId` (a report's): the worker keeps
   * the latest runs' programs and computes hits for the rows in view only. A run it no longer
   * holds answers no hits; the list asks again with the newer report's id.
   */
  readonly runId?: number
}

/** The distinct spans of every hit of run `runId` (the editor's clause hover), gathered in slices on demand. */
export interface HitSpansRequest extends RequestBase {
  readonly kind: 'hitSpans'
  readonly eventsVersion: number
  readonly runId: number
}

/** The text and cursor an editor asks about; `eventsVersion` selects the fields/values offered. */
interface EditorRequestFields {
  readonly language: QueryLanguage
  readonly text: string
  /** 0-based UTF-16 offset of the cursor in `text` */
  readonly offset: number
  /** the dataset whose fields and values are offered (default: the current one) */
  readonly eventsVersion?: number
  readonly settings?: RunSettings
}

/** Completion at `offset` (engine `completeAt`). */
export interface CompleteRequest extends RequestBase, EditorRequestFields {
  readonly kind: 'complete'
}

/** Hover information at `offset` (engine `hoverAt`). */
export interface HoverRequest extends RequestBase, EditorRequestFields {
  readonly kind: 'hover'
}

/** "Format document": the canonical print of `text` (engine formatEql / formatKql). */
export interface FormatRequest extends RequestBase {
  readonly kind: 'format'
  readonly language: QueryLanguage
  readonly text: string
}

/** Starts streaming a new dataset; replaces the current one only when `endEvents` succeeds. */
export interface BeginEventsRequest extends RequestBase {
  readonly kind: 'beginEvents'
  readonly datasetVersion: number
  /** file name, for messages */
  readonly name: string
  /** total bytes expected (File.size), for progress; 0 when unknown */
  readonly size: number
}

/**
 * One chunk of the dataset being streamed: UTF-8 bytes (an ArrayBuffer, transferred, decoded in the
 * worker with a streaming decoder so a chunk may end inside a character) or already decoded text.
 */
export interface AppendEventsRequest extends RequestBase {
  readonly kind: 'appendEvents'
  readonly datasetVersion: number
  readonly chunk: ArrayBuffer | string
}

/** The last chunk was sent: the streamed dataset becomes the current one. */
export interface EndEventsRequest extends RequestBase {
  readonly kind: 'endEvents'
  readonly datasetVersion: number
}

/** Drops a stream in progress; the previous dataset stays current. */
export interface CancelEventsRequest extends RequestBase {
  readonly kind: 'cancelEvents'
  readonly datasetVersion: number
}

/** Clause coverage and near misses of a query over the loaded events (protocol-analyze.ts). */
export interface AnalyzeRequest extends RequestBase, AnalyzeRequestFields {}

/** Why the query matched the event at `eventIndex` of dataset `eventsVersion` or not (src/engine/explain). */
export interface ExplainRequest extends RequestBase {
  readonly kind: 'explain'
  readonly eventsVersion: number
  readonly language: QueryLanguage
  readonly query: string
  /** the run's settings, so the explanation is the run's answer */
  readonly settings: RunSettings
  readonly eventIndex: number
}

/** Two rule versions over the same events: where they disagree and why (protocol-compare.ts). */
export interface CompareRequest extends RequestBase, CompareRequestFields {}

/** Fingerprints of marked events and where they are now (protocol-fingerprint.ts). */
export interface FingerprintRequest extends RequestBase, FingerprintRequestFields {}

/** The alerts the rule would raise over the loaded events, run by run (protocol-alerts.ts). */
export interface AlertsRequest extends RequestBase, AlertsRequestFields {}

/** Liveness and version check. */
export interface PingRequest extends RequestBase {
  readonly kind: 'ping'
}

export type Request =
  | SetEventsRequest
  | RunRequest
  | GetEventsRequest
  | CompleteRequest
  | HoverRequest
  | FormatRequest
  | BeginEventsRequest
  | AppendEventsRequest
  | EndEventsRequest
  | CancelEventsRequest
  | PingRequest
  | ExplainRequest
  | AnalyzeRequest
  | CompareRequest
  | AlertsRequest
  | FingerprintRequest
  | HitSpansRequest
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
  /** all problems found; `problems` lists at most the first 1000 */
  readonly problemCount?: number
  /** streamed loads: the file name and its size in bytes */
  readonly name?: string
  readonly bytes?: number
}

/** How far a streamed load got: the reply to `beginEvents` and to every `appendEvents`. */
export interface EventsProgress {
  readonly datasetVersion: number
  /** bytes (or characters, for text chunks) received so far */
  readonly bytes: number
  /** total expected (from `beginEvents`), 0 when unknown */
  readonly size: number
  /** events read so far */
  readonly events: number
  /** problems found so far */
  readonly problems: number
}

/** The reply to `cancelEvents`. */
export interface EventsCancelled {
  readonly datasetVersion: number
  /** false when no stream of that version was in progress (already ended or never begun) */
  readonly cancelled: boolean
}

/** The reply to `getEvents`: `[index, event]` pairs, in the order asked. */
export interface EventsWindow {
  readonly eventsVersion: number
  /** how many events the dataset holds */
  readonly total: number
  readonly items: readonly (readonly [index: number, event: unknown])[]
  /** the items' hits in the run the request named, when the worker still holds that run */
  readonly hits?: WindowHits
}

/**
 * The reply to `hitSpans`: the distinct hit spans gathered so far (null when the worker no longer
 * holds that run). The worker visits the matches in short slices: `complete` false means more may
 * come; ask again.
 */
export interface HitSpans {
  readonly runId: number
  readonly spans: readonly Span[] | null
  readonly complete: boolean
}

export interface Pong {
  readonly protocol: number
}

/** What a successful reply carries, per request kind. */
export interface ResultMap {
  readonly setEvents: EventsLoaded
  readonly run: RunReport
  readonly getEvents: EventsWindow
  /** null: nothing to offer at that position */
  readonly complete: Completions | null
  readonly hover: HoverInfo | null
  readonly format: Formatted
  readonly beginEvents: EventsProgress
  readonly appendEvents: EventsProgress
  /** the streamed dataset, now current */
  readonly endEvents: EventsLoaded
  readonly cancelEvents: EventsCancelled
  readonly ping: Pong
  readonly explain: ExplainReport
  readonly analyze: Analysis
  readonly compare: CompareReport
  readonly alerts: AlertsReport
  readonly fingerprint: FingerprintReport
  readonly hitSpans: HitSpans
}

export type FailureCode =
  | 'engine-bug' // the engine threw: a bug, reported instead of crashing the worker
  | 'bad-request' // malformed message or protocol mismatch
  | 'unknown-events' // `run` referenced a dataset version the worker does not hold
  | 'not-available' // the worker cannot serve this kind yet (e.g. completion before it lands)
  | 'cancelled' // client side: the caller cancelled (a streamed load)
  | 'timeout' // the run's budget was spent (stopped by the worker, or by the client's watchdog)
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
