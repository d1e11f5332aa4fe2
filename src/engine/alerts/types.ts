import type { Diagnostic } from '../diagnostics/diagnostic'

/**
 * Alert simulation: what the detection engine would raise for a rule over the loaded events.
 * Three parts meet here (each in its own files of this folder):
 * - the schedule (interval, from, max_signals, timestamp_override): the executions that would have
 *   covered the events' time range, each with its look-back window;
 * - the rule type (query with filters, eql, threshold, new_terms): given the events one execution
 *   sees, its detections;
 * - alert documents (`kibana.alert.*`) built from detections and the rule's metadata.
 * `Detection` is the contract between them: a rule type produces detections for one window, the
 * schedule deduplicates them across overlapping windows by `key` and caps them per execution.
 */

/** A rule's schedule as Kibana stores it (snake_case values in TOML/JSON, read by the rules module). */
export interface RuleSchedule {
  /** how often the rule runs, e.g. "5m" */
  readonly interval: string
  /** start of each execution's window as date math relative to the run time, e.g. "now-9m" */
  readonly from: string
  /** end of the window, "now" unless set */
  readonly to?: string
  /** maximum alerts one execution writes */
  readonly maxSignals: number
  /** the field the windows are judged on instead of @timestamp, e.g. "event.ingested" */
  readonly timestampOverride?: string
  /** with an override: false (default) falls back to @timestamp for events without the field */
  readonly timestampOverrideFallbackDisabled?: boolean
}

/** Kibana's defaults for a rule that does not say: every 5 minutes, 6 minutes back, 100 alerts. */
export const DEFAULT_SCHEDULE: RuleSchedule = { interval: '5m', from: 'now-6m', maxSignals: 100 }

/** What one rule type found in one execution's events: one future alert. */
export interface Detection {
  /**
   * The detection's identity across executions: the same event (or sequence, or threshold group
   * in the same bucket) seen again by an overlapping window has the same key, and the engine
   * writes its alert once. Built by the rule type (e.g. event index; the indexes of a sequence;
   * the group's terms).
   */
  readonly key: string
  /** the events behind it (a sequence: every event in stage order; threshold: the group's events) */
  readonly eventIndexes: readonly number[]
  /** epoch ms the alert's original time is (the event's time; for a sequence its last event) */
  readonly time: number
  /** rule-type details for the alert document */
  readonly details?: ThresholdDetails | NewTermsDetails | SequenceDetails
}

export interface ThresholdDetails {
  readonly kind: 'threshold'
  readonly terms: readonly { readonly field: string; readonly value: unknown }[]
  readonly count: number
  readonly cardinality?: readonly { readonly field: string; readonly value: number }[]
  /** epoch ms of the first event of the group in the window */
  readonly from: number
}

export interface NewTermsDetails {
  readonly kind: 'new_terms'
  /** the value combination that was new, one per new_terms field */
  readonly newTerms: readonly unknown[]
}

export interface SequenceDetails {
  readonly kind: 'sequence'
  /** the building-block alerts of each event, then the sequence's own alert (as the engine writes) */
  readonly stages: number
}

/**
 * One scheduled run of the rule (schedule-executions.ts). All times are epoch ms. The window is
 * [windowFrom, windowTo] with BOTH ends inclusive: the detection engine's range query on the
 * timestamp field is `gte: from, lte: to`.
 */
export interface Execution {
  /** 0-based position in the simulated series */
  readonly index: number
  /** when the run starts ("now" of its date math) */
  readonly runAt: number
  /** `from` evaluated at runAt */
  readonly windowFrom: number
  /** `to` evaluated at runAt */
  readonly windowTo: number
}

/** A detection seen again by a later, overlapping window: the engine does not write it twice. */
export interface DuplicateDetection {
  readonly detection: Detection
  /** index of the execution that wrote its alert */
  readonly firstExecution: number
}

/** What one execution did (simulate-schedule.ts). */
export interface ExecutionOutcome {
  readonly execution: Execution
  /** events whose time falls in the window */
  readonly eventsInWindow: number
  /** everything the rule type found in the window, in the rule type's order */
  readonly detections: readonly Detection[]
  /** new detections written as alerts by this run (at most max_signals), oldest first */
  readonly alerts: readonly Detection[]
  /** detections an earlier run already wrote */
  readonly duplicates: readonly DuplicateDetection[]
  /** new detections past the cap: not written by this run (a later run may still write them) */
  readonly dropped: readonly Detection[]
  /** true when the run wrote max_signals alerts, or dropped some */
  readonly atCap: boolean
}

export interface ScheduleSimulationTotals {
  readonly executions: number
  readonly alerts: number
  readonly duplicates: number
  /** drops summed over runs (the same detection dropped by two runs counts twice) */
  readonly dropped: number
  /** detections dropped by every run that saw them: never written */
  readonly neverWritten: number
  readonly executionsAtCap: number
  /** events with no usable time: in no window, never judged */
  readonly eventsWithoutTime: number
  /** events with a time that no simulated window contains (gaps between windows) */
  readonly eventsInNoWindow: number
}

export interface ScheduleSimulation {
  readonly executions: readonly ExecutionOutcome[]
  readonly totals: ScheduleSimulationTotals
  /** true when `shouldStop` ended it early: executions and totals cover the runs done */
  readonly stopped?: boolean
  /** SCH008 (events without a time); the schedule's own diagnostics come from scheduleExecutions */
  readonly diagnostics: readonly Diagnostic[]
}
