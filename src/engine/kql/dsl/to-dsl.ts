import type { KqlNode } from '../ast'
import type { Schema } from '../../schema/types'
import type { BoolClauses, DslObject, ToDslOptions } from './types'

/**
 * The Query DSL Kibana builds for one parsed KQL query. `schema` null means "no field list"
 * (spec §4.6 shapes: match/match_phrase/query_string only). Never throws.
 */
export function toDsl(query: KqlNode, schema: Schema | null, opts: ToDslOptions = {}): DslObject {
  void query
  void schema
  void opts
  return { match_all: {} }
}

/**
 * Kibana's buildQueryFromKuery: the query's DSL as the one `filter` entry of the bool clauses the
 * detection engine sends (spec §4.1, §6 row 16).
 */
export function buildQueryFromKql(query: KqlNode, schema: Schema | null, opts: ToDslOptions = {}): BoolClauses {
  return { must: [], filter: [toDsl(query, schema, opts)], should: [], must_not: [] }
}
