import type { Diagnostic, ExceptionItem, Span, TraceKind, TraceValue } from '../engine'
import type { ExceptedEvent, ExceptionProblem, QueryLanguage, RunSettings } from './protocol'

/**
 * The `compare` request: two versions of a rule (e.g. the two Login/Logout Hook versions, or the
 * KQL and EQL versions of Periodic Tasks) run over the same loaded events; the reply lists the
 * events on which they disagree, with each side's verdict and the clause that decided it.
 */

/** One side of a comparison. */
export interface CompareSide {
  readonly language: QueryLanguage
  readonly query: string
  readonly settings: RunSettings
  readonly exceptions?: readonly ExceptionItem[]
}

export interface CompareRequestFields {
  readonly kind: 'compare'
  readonly eventsVersion: number
  readonly a: CompareSide
  readonly b: CompareSide
  /** the worker stops after this many ms and answers what it had (`stopped`) */
  readonly budgetMs?: number
  /** at most this many disagreements are explained and sent back (default DISAGREEMENT_LIMIT) */
  readonly limit?: number
}

/** Disagreements explained and sent back at most (the total is always counted). */
export const DISAGREEMENT_LIMIT = 200

/** What one side did over the events. */
export interface CompareSideReport {
  readonly language: QueryLanguage
  readonly query: string
  /** compile and run diagnostics; spans refer to `query` */
  readonly diagnostics: readonly Diagnostic[]
  /** the query compiled and its run finished: `matched` is its answer */
  readonly ran: boolean
  /** what the query returns (null when it did not run) */
  readonly resultKind: 'events' | 'sequences' | 'samples' | null
  /**
   * events that take part in a match, ascending (for sequences and samples: every event of a
   * matched sequence), as the results pane counts them
   */
  readonly matched: readonly number[]
  /** events the side's exception items took out of its matches, as a run reports them (absent without items) */
  readonly excepted?: readonly ExceptedEvent[]
  /** problems with the side's exception items (absent without items) */
  readonly exceptionProblems?: readonly ExceptionProblem[]
}

/** One field the deciding clause read, with (at most a few of) the values the event holds. */
export interface SeenValues {
  readonly field: string
  readonly values: readonly unknown[]
  /** how many values the event holds in all (values may be cut) */
  readonly total: number
}

/** Why one side answered as it did for one event. */
export interface CompareReason {
  readonly match: boolean
  /** the clause that decided, as written in that side's query; null when no clause speaks (e.g. query did not run) */
  readonly clause: {
    readonly kind: TraceKind
    readonly text: string
    readonly span: Span
    readonly value: TraceValue
    readonly seen: readonly SeenValues[]
  } | null
  /** for sequences and samples: the stage the clause belongs to (0-based; the until stage is stages.length) */
  readonly stage?: number
  /** the side's query matches the event but exception item `excepted` takes it out (-1: another event of its sequence) */
  readonly excepted?: number
  /** the reason in one sentence, e.g. "in a matched sequence, stage 2" or "maxspan exceeded" */
  readonly summary: string
}

/** An event one side matches and the other does not. */
export interface Disagreement {
  readonly eventIndex: number
  /** the side that matches the event */
  readonly matchedBy: 'a' | 'b'
  /** a short text of the event (its timestamp and first fields), for the list */
  readonly summary: string
  readonly a: CompareReason
  readonly b: CompareReason
}

/** The reply to `compare`. */
export interface CompareReport {
  readonly eventsVersion: number
  readonly eventCount: number
  readonly a: CompareSideReport
  readonly b: CompareSideReport
  /** both sides ran to the end: the disagreements are the whole answer */
  readonly comparable: boolean
  /** the first disagreements in event order, explained (at most the request's limit) */
  readonly disagreements: readonly Disagreement[]
  /** how many events the sides disagree on in all (may exceed `disagreements.length`) */
  readonly disagreementTotal: number
  /** the budget ran out: a side did not finish, or not every disagreement was explained */
  readonly stopped: boolean
}
