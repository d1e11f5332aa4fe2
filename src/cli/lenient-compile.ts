/**
 * Compiling a rule's query outside its real index. Detection rules name fields that exist in
 * Elastic's integration indices but not in ECS (e.g. `winlog.event_data.*`, `powershell.*`), and
 * Elasticsearch rejects an unmapped field ("Unknown column"). Against the rule's real index the
 * field *is* mapped, so `check` and the corpus script treat every field the query names as mapped:
 * ECS and the user's mappings give types where they know the field, and any other field is
 * assumed to be a `keyword` (what integration templates and ECS-style dynamic templates mostly
 * map strings to). Done in two passes: compile, read the "Unknown column" diagnostics' spans to
 * learn the names, add them as keyword, compile again.
 */
import type { Diagnostic } from '../engine/diagnostics/diagnostic'
import type { EqlSettings } from '../engine/eql/settings'
import type { Schema } from '../engine/schema/types'
import type { CompileOutput, EngineApi } from './engine-port'

/** Elasticsearch's "Unknown column [x]" (codes-check.ts) */
export const UNKNOWN_COLUMN = 'EQL2001'

export interface LenientOutput {
  readonly compiled: CompileOutput
  /** fields assumed to be keyword because neither ECS nor the mappings know them (sorted) */
  readonly assumed: readonly string[]
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
  if (options.strict === true) return { compiled, assumed: [] }
  const assumed = new Set<string>()
  for (let pass = 0; pass < 3; pass++) {
    const unknown = compiled.diagnostics.filter((d) => d.code === UNKNOWN_COLUMN).map((d) => fieldAt(query, d))
    const fresh = unknown.filter((f) => f !== '' && !assumed.has(f))
    if (fresh.length === 0) break
    for (const f of fresh) assumed.add(f)
    // one synthetic event with a string at each path: inference maps it as keyword
    const event: Record<string, string> = {}
    for (const f of assumed) event[f] = 'x'
    const schema = engine.buildSchema({ ecs: true, mappings: options.mappings, events: [event] }).schema
    compiled = engine.compileEql(query, { schema, settings: options.settings })
  }
  return { compiled, assumed: [...assumed].sort() }
}
