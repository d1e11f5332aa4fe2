/**
 * Compiling a rule's query outside its real index. Detection rules name fields that exist in
 * Elastic's integration indices but not in ECS (e.g. `winlog.event_data.*`, `powershell.*`), and
 * Elasticsearch rejects an unmapped field ("Unknown column"). Against the rule's real index the
 * field *is* mapped, so `check` and the corpus script treat every field the query names as mapped:
 * ECS and the user's mappings give types where they know the field, and any other field gets the
 * type ECS gives every field with the same last name segment when they all agree (so
 * `process.parent.Ext.real.pid` is a long like every ECS `*.pid`), else `keyword` (what
 * integration templates mostly map strings to). Done in passes: compile, read the "Unknown
 * column" diagnostics' spans to learn the names, map them, compile again.
 */
import type { Diagnostic } from '../engine/diagnostics/diagnostic'
import type { EqlSettings } from '../engine/eql/settings'
import type { Schema } from '../engine/schema/types'
import type { CompileOutput, EngineApi } from './engine-port'

/** Elasticsearch's "Unknown column [x]" (codes-check.ts) */
export const UNKNOWN_COLUMN = 'EQL2001'

export interface LenientOutput {
  readonly compiled: CompileOutput
  /** fields assumed mapped because neither ECS nor the mappings know them (sorted) */
  readonly assumed: readonly string[]
  /** the schema the query was compiled against last (the base one when nothing was assumed) */
  readonly schema: Schema
}

const leafCache = new WeakMap<Schema, Map<string, string>>()

/** Last name segment -> the one type all schema fields with that last segment share. */
export function leafTypes(schema: Schema): Map<string, string> {
  const hit = leafCache.get(schema)
  if (hit) return hit
  const seen = new Map<string, string | null>()
  for (const name of schema.names()) {
    const type = schema.get(name)?.type
    if (type === undefined || type === 'alias' || type === 'object') continue
    const leaf = name.slice(name.lastIndexOf('.') + 1)
    const prior = seen.get(leaf)
    seen.set(leaf, prior === undefined || prior === type ? type : null)
  }
  const out = new Map<string, string>()
  for (const [leaf, type] of seen) if (type !== null) out.set(leaf, type)
  leafCache.set(schema, out)
  return out
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The user's mappings plus `extra` fields (flat name -> type) the user's mappings do not define.
 * Mapping JSON keeps its shape: the fields go into its `properties` with dotted names.
 */
export function withFields(mappings: unknown, extra: Readonly<Record<string, string>>): unknown {
  if (!isObj(mappings)) return { ...extra }
  const wrapped = ['properties', 'mappings', 'template', '_doc'].some((k) => isObj(mappings[k]))
  if (!wrapped) return { ...extra, ...mappings }
  const copy = structuredClone(mappings)
  let node: Obj = copy
  for (let depth = 0; depth < 4 && !isObj(node['properties']); depth++) {
    const inner = ['mappings', 'template', '_doc'].map((k) => node[k]).find(isObj)
    if (!inner) break
    node = inner
  }
  const props: Obj = isObj(node['properties']) ? node['properties'] : (node['properties'] = {})
  for (const [field, type] of Object.entries(extra)) props[field] ??= { type }
  return copy
}

/** The field name a diagnostic's span covers in the query, without `?` and backquotes. */
export function fieldAt(query: string, d: Diagnostic): string {
  return query
    .slice(d.span.start, d.span.end)
    .trim()
    .replace(/^\?/, '')
    .replace(/`([^`]*)`/g, '$1')
}

export interface LenientOptions {
  readonly settings: EqlSettings
  readonly mappings?: unknown
  /** when true, unknown fields stay errors (one pass) */
  readonly strict?: boolean
  /** a prebuilt schema for `mappings` (speeds up many compiles against the same schema) */
  readonly baseSchema?: Schema
}

/** Compiles `query`, assuming unknown fields are keyword unless `strict`. Never throws on user input. */
export function compileLenient(engine: EngineApi, query: string, options: LenientOptions): LenientOutput {
  const base = options.baseSchema ?? engine.buildSchema({ ecs: true, mappings: options.mappings }).schema
  let compiled = engine.compileEql(query, { schema: base, settings: options.settings })
  let schema = base
  if (options.strict === true) return { compiled, assumed: [], schema }
  const assumed = new Set<string>()
  for (let pass = 0; pass < 3; pass++) {
    const unknown = compiled.diagnostics.filter((d) => d.code === UNKNOWN_COLUMN).map((d) => fieldAt(query, d))
    const fresh = unknown.filter((f) => f !== '' && !assumed.has(f))
    if (fresh.length === 0) break
    for (const f of fresh) assumed.add(f)
    const types = leafTypes(base)
    const extra: Record<string, string> = {}
    for (const f of assumed) extra[f] = types.get(f.slice(f.lastIndexOf('.') + 1)) ?? 'keyword'
    schema = engine.buildSchema({ ecs: true, mappings: withFields(options.mappings, extra) }).schema
    compiled = engine.compileEql(query, { schema, settings: options.settings })
  }
  return { compiled, assumed: [...assumed].sort(), schema }
}
