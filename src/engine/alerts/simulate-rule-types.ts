/**
 * What `simulateRule` (simulate-rule.ts) takes and returns, and the rule's schedule read from its
 * metadata. Kept apart so the page and the CLI can import the shapes without the pipeline.
 */
import type { Diagnostic } from '../diagnostics/diagnostic'
import type { EqlSettings } from '../eql/settings'
import type { ExceptionItem } from '../exceptions/types'
import type { RuleDocument } from '../rules/rule-document'
import type { Schema } from '../schema/types'
import type { AlertDocument } from './alert-document'
import type { Detection, DuplicateDetection, RuleSchedule, ScheduleSimulationTotals } from './types'
import { DEFAULT_SCHEDULE } from './types'

export interface SimulateRuleInput {
  /** the rule's metadata; null: a bare query, simulated as a query/eql rule on DEFAULT_SCHEDULE */
  readonly rule: RuleDocument | null
  readonly language: 'eql' | 'kql'
  /** the query text (the document's, which may differ from `rule.query` while it is edited) */
  readonly query: string
  readonly exceptions?: readonly ExceptionItem[]
  readonly events: readonly unknown[]
  readonly schema: Schema
  /** EQL request settings of the document (the rule's own fields win where it sets them) */
  readonly settings?: Partial<EqlSettings>
  /** epoch ms one run happens at (runs are anchor + k × interval); default: the epoch */
  readonly anchor?: number
  /** polled between executions and during runs; true ends the simulation early (`stopped`) */
  readonly shouldStop?: () => boolean
}

/**
 * The pipeline's own diagnostic codes (span 0,0: about the rule, not a place in the query). The
 * parts it calls keep theirs: RULE21xx/22xx (rule params, filters), SCH0xx (schedule), exception
 * and query codes.
 */
export const SIMULATE_CODES = {
  /** the rule type's query language is not the query's (a query rule with an EQL query) */
  languageMismatch: { code: 'ALERT1001', severity: 'error' },
  /** shouldStop ended the simulation: partial */
  stopped: { code: 'ALERT3001', severity: 'warning' },
  /** a bug: something threw */
  internal: { code: 'ALERT9000', severity: 'error' },
} as const

/** The rule types the pipeline simulates. */
export type SimulatedRuleType = 'query' | 'eql' | 'threshold' | 'new_terms'

/** One alert the simulation writes, with the documents the engine would index for it. */
export interface SimulatedAlert {
  /** `kibana.alert.uuid` of `document` (simulated, stable for the same detection) */
  readonly id: string
  /** index of the execution that wrote it */
  readonly execution: number
  readonly detection: Detection
  /** the detection's own alert (a sequence: its shell alert) */
  readonly document: AlertDocument
  /** a sequence's building-block alerts in stage order; [] otherwise */
  readonly buildingBlocks: readonly AlertDocument[]
}

/** One simulated execution, summarised (counts for a table, ids to find its alerts). */
export interface SimulatedExecution {
  readonly index: number
  readonly runAt: number
  readonly windowFrom: number
  readonly windowTo: number
  readonly eventsInWindow: number
  /** alerts written (detections; a sequence is one even though it writes N+1 documents) */
  readonly alerts: number
  readonly duplicates: number
  readonly dropped: number
  readonly atCap: boolean
  /** ids of the alerts it wrote, in write order */
  readonly alertIds: readonly string[]
  /** detections an earlier run had written, with that run's index */
  readonly duplicateDetections: readonly DuplicateDetection[]
  /** detections past max_signals, not written by this run */
  readonly droppedDetections: readonly Detection[]
}

export interface RuleSimulationTotals extends ScheduleSimulationTotals {
  /** documents written: alerts plus the building blocks of sequences */
  readonly documents: number
  /** events an exception item takes out (never seen by any run) */
  readonly excepted: number
  /** events the rule's filters leave out */
  readonly filteredOut: number
}

export interface RuleSimulation {
  /** null when the rule type is not simulated or the query does not compile (see diagnostics) */
  readonly ruleType: SimulatedRuleType | null
  readonly schedule: RuleSchedule
  readonly executions: readonly SimulatedExecution[]
  /** every alert written, in execution then write order */
  readonly alerts: readonly SimulatedAlert[]
  readonly totals: RuleSimulationTotals
  /** rule parameters, query, exceptions, filters, schedule and run diagnostics */
  readonly diagnostics: readonly Diagnostic[]
  /** true when shouldStop ended it early: what is there is partial */
  readonly stopped: boolean
}

/** The rule's schedule as the engine reads it; Kibana's defaults fill what the rule does not set. */
export function ruleSchedule(rule: RuleDocument | null): RuleSchedule {
  if (rule === null) return DEFAULT_SCHEDULE
  const fallbackDisabled = rule.extra['timestamp_override_fallback_disabled'] === true
  const to = rule.extra['to']
  return {
    interval: rule.interval ?? DEFAULT_SCHEDULE.interval,
    from: rule.from ?? DEFAULT_SCHEDULE.from,
    ...(typeof to === 'string' && to !== '' ? { to } : {}),
    maxSignals: rule.maxSignals ?? DEFAULT_SCHEDULE.maxSignals,
    ...(rule.timestampOverride !== undefined && rule.timestampOverride !== '' ? { timestampOverride: rule.timestampOverride } : {}),
    ...(fallbackDisabled ? { timestampOverrideFallbackDisabled: true } : {}),
  }
}

/** Totals of a simulation that did not run (a rule that is not simulated, a query with errors). */
export const EMPTY_TOTALS: RuleSimulationTotals = {
  executions: 0,
  alerts: 0,
  duplicates: 0,
  dropped: 0,
  neverWritten: 0,
  executionsAtCap: 0,
  eventsWithoutTime: 0,
  eventsInNoWindow: 0,
  documents: 0,
  excepted: 0,
  filteredOut: 0,
}
