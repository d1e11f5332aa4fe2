import type { ExceptionItem, RuleDocument, RuleSimulation } from '../engine'
import type { QueryLanguage, RunSettings } from './protocol'

/**
 * The `alerts` request: what the detection engine would raise for the document's rule over the
 * loaded events — the simulated executions of its schedule, their alerts (deduplicated across
 * overlapping look-back, capped at max_signals) and the `kibana.alert.*` documents
 * (src/engine/alerts simulateRule).
 */

export interface AlertsRequestFields {
  readonly kind: 'alerts'
  readonly eventsVersion: number
  readonly language: QueryLanguage
  /** the document's query (it may differ from `rule.query` while being edited) */
  readonly query: string
  readonly settings: RunSettings
  /** the rule's metadata (type, schedule, threshold, new terms, filters); null: a bare query */
  readonly rule: RuleDocument | null
  readonly exceptions?: readonly ExceptionItem[]
  /** epoch ms one run happens at (runs are anchor + k × interval); default: the epoch */
  readonly anchor?: number
  /** the worker stops after this many ms and answers a partial simulation (`stopped`) */
  readonly budgetMs?: number
  /** alert documents copied back at most (default ALERT_LIMIT); totals stay complete */
  readonly alertLimit?: number
}

export const ALERT_LIMIT = 500

/** The reply to `alerts`. */
export interface AlertsReport {
  readonly eventsVersion: number
  readonly query: string
  readonly language: QueryLanguage
  /** the simulation, its `alerts` cut to the request's limit */
  readonly simulation: RuleSimulation
  /** true when `simulation.alerts` holds fewer alerts than were written */
  readonly alertsTruncated: boolean
}
