import type { ExceptionItem } from '../engine'
import type { QueryLanguage, RunSettings } from './protocol'

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
  /** the worker stops after this many ms and answers `timeout` */
  readonly budgetMs?: number
}

/** The reply to `compare` (shape settled by the compare feature). */
export interface CompareReport {
  readonly eventsVersion: number
}
