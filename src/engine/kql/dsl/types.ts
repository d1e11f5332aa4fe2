/**
 * Query DSL as plain JSON values: what the exporter returns and the CLI prints. Kept as an open
 * JSON type (not a union of query shapes) because the output is only ever serialised or compared.
 */
export type DslValue = string | number | boolean | null | DslValue[] | DslObject

/** A JSON object of the Query DSL, e.g. `{ term: { f: { value: 'x' } } }`. */
export interface DslObject {
  [key: string]: DslValue
}

/** Options Kibana's KQL-to-DSL translation takes (the detection engine sets only dateFormatTZ). */
export interface ToDslOptions {
  /** time zone added to date clauses whose value is not epoch digits (detection engine: 'Zulu') */
  readonly dateFormatTZ?: string
  /** adds `case_insensitive` to term and wildcard clauses (detection engine: unset) */
  readonly caseInsensitive?: boolean
  /** adds `ignore_unmapped: true` to nested clauses */
  readonly nestedIgnoreUnmapped?: boolean
}

/** The bool clause lists `buildQueryFromKql` returns (Kibana's buildQueryFromKuery shape). */
export interface BoolClauses {
  must: DslObject[]
  filter: DslObject[]
  should: DslObject[]
  must_not: DslObject[]
}

/** The detection engine's settings for rule queries (spec §1): dates in UTC ("Zulu"). */
export const DETECTION_ENGINE_DSL_OPTIONS: ToDslOptions = { dateFormatTZ: 'Zulu' }
