/**
 * The examples library model: a seed rule (query + the metadata Elastic publishes for it) together
 * with hand-written Elastic Defend events, each labelled with the outcome the rule must give.
 * Pure data, no engine dependency, so the UI can import it without pulling in the matcher.
 */

/** One MITRE ATT&CK mapping of a rule (technique id may be a sub-technique such as T1053.003). */
export interface MitreMapping {
  readonly tactic: string
  readonly technique: string
  readonly id: string
}

/** The rule settings shown next to the query, as in the seed documents. */
export interface RuleMetadata {
  readonly name: string
  readonly description: string
  readonly severity: 'low' | 'medium' | 'high' | 'critical'
  readonly riskScore: number
  readonly mitre: readonly MitreMapping[]
  /** how often the rule runs, e.g. "5m" */
  readonly interval: string
  /** date-math start of the look-back window, e.g. "now-9m" */
  readonly from: string
  readonly maxSignals: number
  readonly index: readonly string[]
  readonly references: readonly string[]
  readonly version?: number
  readonly ruleId?: string
}

/** An event with the outcome the example's rule must give for it and why, in one line. */
export interface LabelledEvent {
  readonly event: Readonly<Record<string, unknown>>
  readonly expect: 'match' | 'no-match'
  readonly reason: string
}

/** One entry of the examples library. */
export interface Example {
  /** stable kebab-case id, usable in links */
  readonly id: string
  readonly title: string
  readonly language: 'eql' | 'kql'
  readonly query: string
  readonly rule: RuleMetadata
  readonly events: readonly LabelledEvent[]
  /** what the example teaches, shown as a guided note */
  readonly notes?: string
}
