/**
 * KQL -> Elasticsearch Query DSL, as Kibana's detection engine builds it (spec kql.md §4, §6).
 * Pure: used for the "show DSL" view, the CLI `dsl` command and tests.
 */
export type { DslValue, DslObject, ToDslOptions, BoolClauses } from './types'
export { DETECTION_ENGINE_DSL_OPTIONS } from './types'
export { toDsl, buildQueryFromKql } from './to-dsl'
