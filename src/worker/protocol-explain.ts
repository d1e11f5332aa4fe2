import type { Diagnostic, JoinKeyValues, SequenceVerdict, Span, TraceNode } from '../engine'

/**
 * Reply shape of the `explain` request: the engine's explanation of one event (src/engine/explain)
 * made safe to send. The engine's tree names the deciding clause by object reference, which a
 * structured clone cannot keep; here it is a path of child indexes from the root instead.
 */

/** One clause of the evaluation tree: the engine's TraceNode, already plain data (no references). */
export type ExplainNode = TraceNode

/** One event filter (an event query, a KQL query, or a stage) explained for the event. */
export interface ExplainedFilter {
  readonly tree: ExplainNode
  /** whether the filter accepts the event (the matcher's answer) */
  readonly outcome: boolean
  /** child indexes from `tree` to the clause that decided the outcome ([] = the root) */
  readonly decidingPath: readonly number[]
  readonly decidingSpan: Span
}

/** A sequence or sample stage (or the until stage) explained for the event. */
export interface ExplainedStage extends ExplainedFilter {
  readonly stage: number
  readonly until: boolean
  readonly missing: boolean
  readonly runs: number
  readonly span: Span
  readonly text: string
  /** join keys (sequence keys, then the stage's) with the event's values */
  readonly keys: readonly JoinKeyValues[]
  readonly joinable: boolean
  /** the filter holds and the event is joinable: it could fill this stage */
  readonly fills: boolean
}

export type EventExplanation =
  | (ExplainedFilter & { readonly kind: 'event'; readonly returned: boolean; readonly timestamp: { readonly field: string; readonly present: boolean } })
  | (ExplainedFilter & { readonly kind: 'kql' })
  | {
      readonly kind: 'sequence' | 'sample'
      readonly stages: readonly ExplainedStage[]
      readonly until: ExplainedStage | null
      readonly timestamp: { readonly field: string; readonly present: boolean }
      readonly note: string
      /** whether the event is part of a sequence and what blocked it; null when it could not be worked out */
      readonly verdict: SequenceVerdict | null
    }

/** The reply to `explain`. */
export interface ExplainReport {
  readonly query: string
  readonly language: 'eql' | 'kql'
  readonly eventsVersion: number
  readonly eventIndex: number
  /** null when the query does not compile (see diagnostics) or the event index is out of range */
  readonly explanation: EventExplanation | null
  readonly diagnostics: readonly Diagnostic[]
}
