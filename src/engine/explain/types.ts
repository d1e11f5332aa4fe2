import type { Span } from '../source/span'

/**
 * What an explanation is made of: one evaluation tree per event filter, every clause with its
 * value for the event, the field values it read, and the operator's case and wildcard rule.
 *
 * Values are the matcher's own answers (Elasticsearch's document-level semantics), never a second
 * evaluation: `true` means the clause holds for the event. `false` and `null` both mean it does
 * not; `null` says why — the clause read a field the event has no (indexed) value for, or
 * Elasticsearch folds the clause to null whatever the event (`?unmapped : "a"`). `null` is a
 * reason, not a third truth value: a `not` over a clause that is null because of a missing field
 * is true, as Elasticsearch's `must_not` is (`not x == 1` matches an event without `x`).
 */
export type TraceValue = true | false | null

/** The kinds of clause a tree shows, for both languages. */
export type TraceKind =
  // structure (both languages)
  | 'filter' // EQL: `category where condition` as a whole
  | 'and'
  | 'or'
  | 'not'
  // EQL leaves
  | 'category' // the event category test of `process where`
  | 'comparison' // == != < <= > >=
  | 'in' // in, in~, not in, not in~
  | 'match' // `:`
  | 'like' // like, like~
  | 'regex' // regex, regex~
  | 'function' // a boolean function used as a condition: `startsWith(...)`
  | 'field' // a boolean field used as a condition
  | 'literal' // `true`, `false`, `null`
  | 'value' // arithmetic or another value used as a condition
  // KQL leaves
  | 'term' // `field:value` (per field type: term, match, phrase, range over a date span...)
  | 'wildcard' // `field:val*`
  | 'exists' // `field:*`
  | 'range' // `field > value`
  | 'freeText' // a value without a field
  | 'nested' // `path:{ ... }`
  | 'matchAll' // the empty query, `*:*`

/** One field a clause read, with the values the event holds for it. */
export interface FieldRead {
  /** the field as the query names it (full dotted name; KQL patterns: each matching field) */
  readonly field: string
  /** where the query names it (the clause's span when it is not written, e.g. the category field) */
  readonly span: Span
  /** the raw values as the event holds them (arrays flattened); [] when the field has no value */
  readonly values: readonly unknown[]
  /** values the field's mapping does not index (e.g. a keyword over ignore_above): no query sees them */
  readonly notIndexed?: readonly unknown[]
}

/** The value of a computed operand (function call, arithmetic) for the event. */
export interface ComputedValue {
  readonly text: string
  readonly span: Span
  /** the computed values (one per combination of multi-valued arguments); [] when null */
  readonly values: readonly unknown[]
}

export interface TraceNode {
  readonly kind: TraceKind
  /** the clause in the query text */
  readonly span: Span
  /** the clause's source text */
  readonly text: string
  readonly value: TraceValue
  /** the fields the clause read (leaves only) */
  readonly seen?: readonly FieldRead[]
  /** values of function calls and arithmetic among the clause's operands */
  readonly computed?: readonly ComputedValue[]
  /** the operator's case and wildcard behaviour, in a few words */
  readonly rule?: string
  /** anything else worth knowing: folded to null, search failure, nested object used... */
  readonly note?: string
  readonly children: readonly TraceNode[]
}

/** A clause named by its source position (for near misses, coverage, the deciding clause). */
export interface ClauseRef {
  readonly kind: TraceKind
  readonly span: Span
  readonly text: string
}

/**
 * One event filter explained for one event: the tree, whether the filter holds, and the clause
 * that decided it (see `decidingNode` in tree.ts for the definition).
 */
export interface FilterExplanation {
  readonly tree: TraceNode
  /** whether the filter accepts the event: the matcher's answer */
  readonly outcome: boolean
  readonly deciding: TraceNode
  readonly decidingSpan: Span
}
