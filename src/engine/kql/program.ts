import type { FieldHit } from '../result'
import type { Span } from '../source/span'
import type { Getter } from '../values/field-getter'

/**
 * The compiled form of a KQL query: closures over events produced by compile-kql.ts. The runner
 * (run-kql.ts) only sees this, never the AST.
 */

/** Whether an event (or, inside a nested group, one object of the nested array) passes. */
export type EventTest = (event: unknown) => boolean

/** Constant tests, recognised by identity so and/or/not fold them at compile time. */
export const ALWAYS: EventTest = () => true
export const NEVER: EventTest = () => false

/**
 * One compiled node. `collect` is only called for an object `test` accepted and appends the leaf
 * clauses that held (for highlighting); leaves under `not` never count as held.
 */
export interface Clause {
  readonly test: EventTest
  collect(event: unknown, out: FieldHit[]): void
}

/**
 * A constant_keyword field whose mapping has no `value`. Elasticsearch then adopts the value of
 * the first document indexed with the field, and every document of the index has it, even one
 * whose `_source` lacks the field. The runner sets `value` from the first event that has one;
 * events that carry their own value answer with it (so pasted events from several data streams
 * still answer per stream).
 */
export interface ConstantCell {
  /** reads the field from a whole event */
  readonly read: Getter
  value: string | undefined
}

/** What `compileKql` produces and `runKql` executes. */
export interface KqlProgram {
  readonly kind: 'kql'
  /**
   * Whether one event matches. Called directly (outside `runKql`), value-less constant_keyword
   * fields answer from each event's own value only: `runKql` first binds `constants` to the run.
   */
  readonly test: EventTest
  /** the leaf clauses that held for an event `test` accepted ([] for others) */
  hits(event: unknown): FieldHit[]
  /** the whole query's span, for run-time diagnostics */
  readonly span: Span
  /** constant_keyword fields without a mapped value; `runKql` fills them from the events */
  readonly constants: readonly ConstantCell[]
}

/** Options of a run chosen by the caller (the worker). */
export interface KqlRunOptions {
  /** polled every few thousand events; returning true ends the run with a warning */
  readonly shouldStop?: () => boolean
  /**
   * Events hidden from the run (1 = hidden), by input index: the rule's exception items, a negated
   * filter on the search, so such an event never matches. `eventCount` still counts it.
   */
  readonly excluded?: Uint8Array
  /** false: matched events come back with `hits: []` (see `hitsOf`, hits-of.ts). Default true. */
  readonly hits?: boolean
}
