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
