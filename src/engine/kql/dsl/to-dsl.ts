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
 * The request query the detection engine sends for a KQL rule (Kibana's buildEsQuery over
 * buildQueryFromKuery, spec §4.1, §6 row 16): the query's DSL is the one `filter` entry; a bare
 * match_all (empty query, `*:*`) is dropped as buildEsQuery drops it.
 */
export function buildQueryFromKql(query: KqlNode, schema: Schema | null, opts: ToDslOptions = {}): { bool: BoolClauses } {
  const dsl = toDsl(query, schema, opts)
  return { bool: { must: [], filter: isBareMatchAll(dsl) ? [] : [dsl], should: [], must_not: [] } }
}

function isBareMatchAll(dsl: DslObject): boolean {
  const keys = Object.keys(dsl)
  const inner = dsl['match_all']
  return keys.length === 1 && typeof inner === 'object' && inner !== null && !Array.isArray(inner) && Object.keys(inner).length === 0
}
