import type { Diagnostic, Span, TraceKind } from '../engine'
import type { QueryLanguage, RunSettings } from './protocol'

/**
 * The `analyze` request: what a query does over the whole loaded event set beyond matching —
 * how many events each clause held for (clause coverage, so dead clauses show in the editor) and
 * which events miss by exactly one clause (near misses). Both come from src/engine/explain, i.e.
 * the matcher's own closures, so they never disagree with a run. Types live here, apart from
 * protocol.ts, so that file only gains the request and reply entries.
 */

/** Coverage and near misses of `query` over dataset `eventsVersion`. */
export interface AnalyzeRequestFields {
  readonly kind: 'analyze'
  readonly eventsVersion: number
  readonly language: QueryLanguage
  readonly query: string
  /** the run's settings, so counts are the run's answers */
  readonly settings: RunSettings
  /** the worker stops scanning after this many ms and answers what it counted (`stopped`) */
  readonly budgetMs?: number
  /** at most this many near misses are sent back (default NEAR_MISS_LIMIT) */
  readonly nearMissLimit?: number
  /** at most this many excluded events are sent back (default EXCLUDED_LIMIT) */
  readonly excludedLimit?: number
}

/** Events excluded by the query sent back at most (the total is always counted). */
export const EXCLUDED_LIMIT = 5000

/** Near misses sent back at most (the total is always counted). */
export const NEAR_MISS_LIMIT = 200

/** One clause of one filter with the number of events it was true, false and null for. */
export interface ClauseCount {
  readonly kind: TraceKind
  readonly span: Span
  readonly text: string
  /** which filter: `query`, or `stage N` / `until` of a sequence or sample */
  readonly filter: string
  /** nesting depth in the filter's tree (0: the filter itself) */
  readonly depth: number
  readonly trueCount: number
  readonly falseCount: number
  readonly nullCount: number
}

/** An event a filter rejects by exactly one of its conjuncts. */
export interface NearMissItem {
  readonly eventIndex: number
  readonly filter: string
  /** the one conjunct that does not hold */
  readonly span: Span
  readonly text: string
  /** the leaf inside it that decided it (the conjunct itself when it is a leaf) */
  readonly leafSpan: Span
  readonly leafText: string
}

/** One negated clause of the query that took an event out (see src/engine/explain/exclusion-verdict.ts). */
export interface ExclusionHit {
  /** which filter: `query`, or `stage N` of a sequence or sample */
  readonly filter: string
  /** the negated conjunct as written, e.g. `not process.args : (...)` */
  readonly span: Span
  readonly text: string
  /** what fired inside it: the list element or leaf its negated condition matched */
  readonly leafSpan: Span
  readonly leafText: string
  /** the field that leaf read (null: none or several) */
  readonly field: string | null
  /** the event's values that made it fire, as the event holds them (at most a few; objects as JSON text) */
  readonly values: readonly (string | number | boolean | null)[]
}

/**
 * An event the query excludes: every positive condition holds, but a negated one (`not ...`,
 * `!=`, `not in`) does not because what it negates matched; every such clause is listed.
 */
export interface ExcludedItem {
  readonly eventIndex: number
  readonly exclusions: readonly ExclusionHit[]
}

/** The reply to `analyze`. */
export interface Analysis {
  /** the query this is for (spans refer to it) */
  readonly query: string
  readonly language: QueryLanguage
  readonly eventsVersion: number
  readonly eventCount: number
  /** compile diagnostics; coverage and near misses are empty when the query has errors */
  readonly diagnostics: readonly Diagnostic[]
  /** every clause of every filter, a node before its children, as written */
  readonly coverage: readonly ClauseCount[]
  /** in input order per filter, at most the request's limit */
  readonly nearMisses: readonly NearMissItem[]
  /** how many near misses there are in all (may exceed `nearMisses.length`) */
  readonly nearMissTotal: number
  /** events the query's own exclusions take out, in input order, at most the request's limit */
  readonly excluded: readonly ExcludedItem[]
  /** how many events are excluded in all (may exceed `excluded.length`) */
  readonly excludedTotal: number
  /** true when the budget ran out: counts cover only the events scanned before */
  readonly stopped: boolean
}
