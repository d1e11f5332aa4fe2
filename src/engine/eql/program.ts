import type { FieldHit } from '../result'
import type { FaultSink } from './search-faults'
import type { Span } from '../source/span'
import type { Indexed } from '../values/indexed-types'

/**
 * The compiled form of an EQL statement: closures produced by the compiler, plus the request
 * settings the runner needs. The runner (run-eql.ts) only ever sees this, never the AST, so it can
 * be tested with hand-made closures and stays independent of how conditions are compiled.
 *
 * The interfaces are structural: the compiler's `CompiledFilter` and `KeyReader` satisfy them.
 */

/** A compiled event filter, category test included. */
export interface EventMatcher {
  test(event: unknown): boolean
  hits(event: unknown): readonly FieldHit[]
}

/** One indexed value of a join key; null only for an optional key without value. */
export type KeyValue = Indexed | null

/**
 * The distinct non-null indexed values of one join key for an event (multi-valued keys fan out);
 * `[]` when it has none (the event cannot take part), `[null]` for an optional key without value.
 */
export type KeyReader = (event: unknown) => readonly KeyValue[]

/**
 * The event's timestamp: epoch milliseconds as a number (`date`, numbers), epoch nanoseconds as a
 * bigint (`date_nanos`), undefined when it has none or it cannot be parsed.
 */
export type TimestampReader = (event: unknown) => number | bigint | undefined

/** The tiebreaker value (first indexed value), undefined when the event has none. */
export type TiebreakerReader = (event: unknown) => Indexed | undefined

export interface Ordering {
  readonly timestamp: TimestampReader
  readonly tiebreaker: TiebreakerReader | null
  /** field names, for diagnostics */
  readonly timestampField: string
}

/** One stage of a sequence or sample, after `with runs=N` expansion. */
export interface ProgramStage {
  readonly matcher: EventMatcher
  /** sequence/sample keys followed by the stage's own keys */
  readonly keys: readonly KeyReader[]
  /** `![...]` */
  readonly missing: boolean
  /**
   * Stages expanded from one `with runs=N` share this number (and their matcher/keys objects), so
   * the runner evaluates the filter once per event for all of them.
   */
  readonly group: number
  readonly span: Span
}

/**
 * How a join key's values are shown in results: dates as Elasticsearch prints them (ISO-8601 UTC),
 * anything else as its indexed value (see `displayIndexed`).
 */
export type KeyDisplay = 'plain' | 'date' | 'date_nanos'

export interface ResultPipe {
  readonly name: 'head' | 'tail'
  readonly count: number
}

interface ProgramCommon {
  readonly ordering: Ordering
  /** head/tail pipes, left to right */
  readonly pipes: readonly ResultPipe[]
  /** request `size` (null: no cap), applied before the first pipe */
  readonly size: number | null
  readonly resultPosition: 'head' | 'tail'
  /** the query's span, for run-time diagnostics that concern the whole query */
  readonly span: Span
  /** evaluation errors recorded by the compiled closures during a run (see search-faults.ts) */
  readonly faults: FaultSink
}

export interface EventProgram extends ProgramCommon {
  readonly kind: 'event'
  readonly matcher: EventMatcher
}

export interface SequenceProgram extends ProgramCommon {
  readonly kind: 'sequence'
  /** every stage in order, runs expanded, missing stages included */
  readonly stages: readonly ProgramStage[]
  readonly until: ProgramStage | null
  /** `with maxspan`, in milliseconds; null when absent */
  readonly maxspanMillis: number | null
  /** per join key position (sequence keys then stage keys); absent: all plain */
  readonly keyDisplay?: readonly KeyDisplay[]
}

export interface SampleProgram extends ProgramCommon {
  readonly kind: 'sample'
  readonly stages: readonly ProgramStage[]
  readonly maxSamplesPerKey: number
  /** per join key position; absent: all plain */
  readonly keyDisplay?: readonly KeyDisplay[]
}

/** What `compileEql` produces and `runEql` executes. */
export type EqlProgram = EventProgram | SequenceProgram | SampleProgram

/** Run-time limits chosen by the caller (the worker). */
export interface RunLimits {
  /** cap on partial sequences kept at once (default DEFAULT_MAX_PENDING) */
  readonly maxPendingSequences?: number
  /** polled every few thousand events; returning true ends the run with a warning */
  readonly shouldStop?: () => boolean
  /**
   * Events hidden from the run (1 = hidden), by input index: the rule's exception items, which the
   * detection engine sends as a negated filter, so Elasticsearch never sees those events. A hidden
   * event is skipped as if it were not in the index: it matches no filter, fills no sequence or
   * sample stage, ends no sequence as `until`, and is not the event a missing stage `![...]`
   * forbids; size and head/tail cut what remains. `eventCount` still counts it (it was read).
   */
  readonly excluded?: Uint8Array
  /**
   * false: matched events come back with `hits: []` (the worker computes the hits of the rows in
   * view later with `hitsOf`, hits-of.ts, from the same program), so a run matching 100,000 events
   * does not build 100,000 hit lists nobody looks at. Default true.
   */
  readonly hits?: boolean
}

/** Default cap on pending partial sequences: far above real rule tests, well below a tab's memory. */
export const DEFAULT_MAX_PENDING = 1_000_000
