import type { FieldHit } from '../result'
import type { Span } from '../source/span'

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

/** What `compileKql` produces and `runKql` executes. */
export interface KqlProgram {
  readonly kind: 'kql'
  readonly test: EventTest
  /** the leaf clauses that held for an event `test` accepted ([] for others) */
  hits(event: unknown): FieldHit[]
  /** the whole query's span, for run-time diagnostics */
  readonly span: Span
}

/** Options of a run chosen by the caller (the worker). */
export interface KqlRunOptions {
  /** polled every few thousand events; returning true ends the run with a warning */
  readonly shouldStop?: () => boolean
}
