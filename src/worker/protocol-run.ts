import type { Diagnostic, FieldHit, MissingEvent } from '../engine'
import type { QueryLanguage } from './protocol'

/**
 * The reply to `run` (protocol.ts): the match structure of a run without per-event hits, which
 * the worker computes for the rows in view (`getEvents` with the report's `runId`), the first
 * page of matched events with theirs, the timeline histogram and the exception items' effects.
 */

/**
 * The timeline strip: `buckets` equal slices of [from, to] (epoch ms, by the run's timestamp
 * field) with the count of all events and of matched events in each. Events without a readable
 * timestamp are counted in `undated`, not in a bucket.
 */
export interface Histogram {
  readonly field: string
  readonly from: number
  readonly to: number
  readonly bucketMs: number
  readonly all: readonly number[]
  readonly matched: readonly number[]
  readonly undated: number
  readonly undatedMatched: number
}

/** One event of a sequence or sample group: its input index (its hits: `getEvents` with the run id). */
export interface GroupEvent {
  readonly index: number
}

/** A sequence or sample of a report: join key values, and one entry per stage (runs expanded). */
export interface ReportGroup {
  readonly joinKeys: readonly unknown[]
  readonly events: readonly (GroupEvent | MissingEvent)[]
}

/**
 * The match structure of a run, without hits (the engine's RunResult less its per-event hits,
 * which the worker computes for the rows in view: `getEvents` with `runId`). Event queries and
 * KQL: how many events the result holds (which ones: `matchedIndexes`).
 */
export type ReportResult =
  | { readonly kind: 'events'; readonly count: number }
  | { readonly kind: 'sequences'; readonly sequences: readonly ReportGroup[] }
  | { readonly kind: 'samples'; readonly samples: readonly ReportGroup[] }

/**
 * The hits of one matched event in a run: `hits`, the leaf conditions that made it match (for a
 * sequence or sample event, those of the first stage it fills in result order); `byStage`, for
 * sequences and samples, the hits per stage position the event fills in any group.
 */
export interface EventHits {
  readonly hits: readonly FieldHit[]
  readonly byStage?: Readonly<Record<number, readonly FieldHit[]>>
}

/** The hits of a window's events in run `runId`, aligned with its items (null: not matched). */
export interface WindowHits {
  readonly runId: number
  readonly items: readonly (EventHits | null)[]
}

export interface RunReport {
  /** the query this report is for (diagnostic spans refer to it, not to a newer edit) */
  readonly query: string
  readonly language: QueryLanguage
  readonly eventsVersion: number
  readonly eventCount: number
  /**
   * this run, for asking the worker the hits of events (`getEvents` / `hitSpans` with `runId`);
   * the worker keeps the programs of its latest few runs
   */
  readonly runId: number
  /** compile and run diagnostics; spans refer to the query text */
  readonly diagnostics: readonly Diagnostic[]
  /** null when the query did not compile or the run was stopped; the match structure, no hits */
  readonly result: ReportResult | null
  /** every event index that is part of a match, ascending, deduplicated (for "only matches") */
  readonly matchedIndexes: readonly number[]
  /** the first matched events (by input index) in result order, up to the display limit */
  readonly events: readonly (readonly [index: number, event: unknown])[]
  /** the hits of `events` in this run, aligned with it (the first page shows without a round trip) */
  readonly eventHits: readonly (EventHits | null)[]
  /** null when no event has a readable timestamp */
  readonly histogram: Histogram | null
  readonly elapsedMs: number
  /**
   * Events the rule matches without its exception items but not with them ("matched but excluded
   * by an exception"), ascending by index; absent when the run had no exceptions.
   */
  readonly excepted?: readonly ExceptedEvent[]
  /**
   * problems with the exception items (a value list, a value the field's type rejects, ...), codes
   * EXC0xx (src/engine/exceptions/README.md). One of severity `error` means Elasticsearch would
   * refuse the rule's search: the run then has no result and an EXC100 error diagnostic. Absent
   * when the run had no exceptions.
   */
  readonly exceptionProblems?: readonly ExceptionProblem[]
}

/** An event an exception took out of the rule's matches. */
export interface ExceptedEvent {
  readonly index: number
  /**
   * index (in the run's `exceptions`) of the first item that matches this event itself; -1 when
   * no item matches it but it lost its sequence because another event of it was excepted
   */
  readonly item: number
}

/** A problem with one exception item (or one of its entries), said in words. */
export interface ExceptionProblem {
  readonly code: string
  readonly item: number
  /** the entry's position in the item, when the problem is one entry's */
  readonly entry?: number
  readonly severity: 'error' | 'warning'
  readonly message: string
}
