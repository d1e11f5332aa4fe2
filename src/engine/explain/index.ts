/**
 * Explain: evaluation traces of a query for single events (which clause was true, false or null,
 * with the values it read), near misses and clause coverage. Values are always the matcher's own
 * answers: every clause is tested with the closures the EQL/KQL compiler builds for it.
 */
export type { TraceValue, TraceKind, FieldRead, ComputedValue, TraceNode, ClauseRef, FilterExplanation } from './types'
export {
  compileExplainEql,
  explainEql,
  type EqlExplainer,
  type EqlExplanation,
  type StageExplanation,
  type JoinKeyValues,
  type CompileExplainEqlOutput,
} from './eql-explain'
export { compileExplainKql, explainKql, type KqlExplainer, type KqlExplanation, type CompileExplainKqlOutput } from './kql-explain'
export { nearMisses, type NearMiss } from './near-misses'
export { clauseCoverage, type ClauseCoverage } from './coverage'
export { excludedEvents, exclusionsOf, type Exclusion, type ExcludedEvent } from './exclusion-verdict'
export { nearMissesAndExclusions } from './misses-and-exclusions'
export {
  sequenceVerdicts,
  type SequenceVerdicts,
  type SequenceVerdict,
  type SequenceMembership,
  type SequenceBlocker,
} from './sequence-verdict'
export type { Explainable, ScanOptions } from './plan'
export { formatExplanation, formatFilter } from './format'
