import type { Span } from './source/span'
import type { Diagnostic } from './diagnostics/diagnostic'

/**
 * What a run returns, for both languages. Events are referred to by their index in the input array
 * the run was given; the caller owns the events.
 */

/** A leaf condition that held for an event and so contributed to its match (for highlighting). */
export interface FieldHit {
  /** the field the condition read (full dotted name as written in the query) */
  readonly field: string
  /** the span of the condition in the query text */
  readonly span: Span
}

export interface MatchedEvent {
  readonly index: number
  readonly hits: readonly FieldHit[]
}

/** A placeholder for a `![...]` stage in a returned sequence (Elasticsearch: `"missing": true`). */
export interface MissingEvent {
  readonly missing: true
}

export interface SequenceMatch {
  /** join key values in key order; null for an optional key without value */
  readonly joinKeys: readonly unknown[]
  /** one entry per stage (after expanding `with runs=N`), in stage order */
  readonly events: readonly (MatchedEvent | MissingEvent)[]
}

export type RunResult =
  | { readonly kind: 'events'; readonly events: readonly MatchedEvent[] }
  | { readonly kind: 'sequences'; readonly sequences: readonly SequenceMatch[] }
  | { readonly kind: 'samples'; readonly samples: readonly SequenceMatch[] }

export interface RunOutput {
  /** null when the query could not be compiled or the run failed (see diagnostics) */
  readonly result: RunResult | null
  readonly diagnostics: readonly Diagnostic[]
  /** number of events the run looked at */
  readonly eventCount: number
}

/** The hits of a matched event of a run made with `hits: false` (shared, never mutated). */
export const NO_HITS: readonly FieldHit[] = Object.freeze([])

export function isMissing(e: MatchedEvent | MissingEvent): e is MissingEvent {
  return 'missing' in e
}
