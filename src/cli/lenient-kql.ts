/**
 * Compiling a KQL rule's query outside its real index, the KQL counterpart of lenient-compile.ts.
 * Against the rule's indices every field the query names is mapped (the detection engine loads
 * their types, kql.md §1), so fields neither ECS nor the user's mappings know are assumed mapped:
 * a `path:{...}` group's path as `nested`, other fields with the type ECS gives every field of
 * the same last name segment when they agree, else `keyword` — the same choice as for EQL.
 * Field-name patterns (`file.*`) assume nothing. A guessed type the rule's own values refute
 * (`status_code:Accepted` guessed long like ECS `*.status_code`; a wildcard on a `*.location`
 * guessed geo_point) was a wrong guess, not a broken rule — the rule was written against the real
 * mapping — so such a field is assumed keyword instead.
 */
import type { KqlField, KqlNode } from '../engine/kql/ast'
import type { Schema } from '../engine/schema/types'
import { kqlOf, type CompileOutput, type EngineApi } from './engine-port'
import { leafTypes, withFields } from './lenient-compile'

export interface KqlLenientOptions {
  readonly mappings?: unknown
  /** ECS + mappings, prebuilt (speeds up many compiles against the same mappings) */
  readonly baseSchema: Schema
  /** when true, unknown fields stay unknown (compiled as Kibana does without a field list) */
  readonly strict?: boolean
  /** epoch millis `now` stands for in date math */
  readonly now?: number
}

export interface KqlLenientOutput {
  readonly compiled: CompileOutput
  /** fields assumed mapped because neither ECS nor the mappings know them (sorted) */
  readonly assumed: readonly string[]
  /** the schema the query was compiled against (the base one when nothing was assumed) */
  readonly schema: Schema
}

/** The literal field names a KQL tree names (full names inside nested groups), and its nested paths. */
export function kqlFieldNames(root: KqlNode): { fields: Set<string>; nestedPaths: Set<string> } {
  const fields = new Set<string>()
  const nestedPaths = new Set<string>()
  const nameOf = (f: KqlField, prefix: string): string | undefined => (f.type === 'field' ? prefix + f.name : undefined)
  const walk = (n: KqlNode, prefix: string): void => {
    switch (n.type) {
      case 'and':
      case 'or':
        for (const c of n.children) walk(c, prefix)
        return
      case 'not':
        return walk(n.child, prefix)
      case 'is':
      case 'range': {
        const name = n.field === null ? undefined : nameOf(n.field, prefix)
        if (name !== undefined) fields.add(name)
        return
      }
      case 'nested': {
        const path = nameOf(n.path, prefix)
        if (path === undefined) return
        nestedPaths.add(path)
        return walk(n.query, path + '.')
      }
      case 'matchAll':
        return
      default: {
        const never: never = n
        return never
      }
    }
  }
  walk(root, '')
  return { fields, nestedPaths }
}

/** Compiles a KQL query, assuming unknown fields mapped unless `strict`. Never throws on user input. */
export function compileKqlLenient(engine: EngineApi, query: string, options: KqlLenientOptions): KqlLenientOutput {
  const kql = kqlOf(engine, ['parseKql', 'compileKql'])
  const settings = options.now === undefined ? {} : { now: options.now }
  const base = options.baseSchema
  const compile = (schema: Schema): CompileOutput => kql.compileKql(query, { schema, settings })
  const unchanged = (): KqlLenientOutput => ({ compiled: compile(base), assumed: [], schema: base })
  if (options.strict === true) return unchanged()
  const tree = kql.parseKql(query).query
  if (tree === null || typeof tree !== 'object') return unchanged()
  const { fields, nestedPaths } = kqlFieldNames(tree as KqlNode)
  const extra: Record<string, string> = {}
  const types = leafTypes(base)
  for (const path of nestedPaths) if (base.get(path) === undefined) extra[path] = 'nested'
  for (const f of fields) {
    if (base.get(f) === undefined) extra[f] = types.get(f.slice(f.lastIndexOf('.') + 1)) ?? 'keyword'
  }
  const assumed = Object.keys(extra).sort()
  if (assumed.length === 0) return unchanged()
  const withExtra = (): Schema => engine.buildSchema({ ecs: true, mappings: withFields(options.mappings, extra) }).schema
  const schema = withExtra()
  const compiled = compile(schema)
  // error messages name their field as Elasticsearch does: "... field [x] ..." / "... on [x] ..."
  const errorText = compiled.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).join('\n')
  const refuted = assumed.filter((f) => extra[f] !== 'keyword' && extra[f] !== 'nested' && errorText.includes(`[${f}]`))
  if (refuted.length === 0) return { compiled, assumed, schema }
  for (const f of refuted) extra[f] = 'keyword'
  const retyped = withExtra()
  return { compiled: compile(retyped), assumed, schema: retyped }
}
