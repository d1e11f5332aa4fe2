/**
 * The slice of the engine's public API (src/engine/index.ts) the CLI uses, loaded at run time.
 * Loading it dynamically keeps `--help`, usage errors and the suite readers working while parts of
 * the engine are missing or broken: a command that needs the engine then fails with a clear
 * message instead of the whole CLI crashing at import.
 */
import type { Diagnostic } from '../engine/diagnostics/diagnostic'
import type { EqlSettings } from '../engine/eql/settings'
import type { CompiledExceptions, ExceptedEventInfo, ExceptionItem } from '../engine/exceptions'
import type { BoolClauses, DslObject, ToDslOptions } from '../engine/kql/dsl/types'
import type { RunOutput } from '../engine/result'
import type { Schema } from '../engine/schema/types'

/** What compileEql returns; `program` is opaque to the CLI. */
export interface CompileOutput {
  readonly program: unknown
  readonly diagnostics: readonly Diagnostic[]
}

export interface SchemaOptions {
  readonly ecs?: boolean
  /** an Elasticsearch mapping JSON or a flat { field: type } table */
  readonly mappings?: unknown
  readonly events?: readonly unknown[]
  readonly inferStrings?: 'keyword' | 'text+keyword'
}

/**
 * KQL settings the CLI passes. `now` (epoch millis) pins date math (`@timestamp > now-1d`), as the
 * suites' `now` does; the rest is the engine's defaults.
 */
export interface KqlPortSettings {
  readonly now?: number
}

/** The KQL entry points (optional: the KQL engine is loaded if it is there). */
export interface KqlApi {
  compileKql(text: string, options: { schema: Schema; settings?: KqlPortSettings }): CompileOutput
  runKql(program: never, events: readonly unknown[], opts?: { readonly excluded?: Uint8Array }): RunOutput
  parseKql(text: string): { readonly query: unknown; readonly diagnostics: readonly Diagnostic[] }
  toDsl(query: never, schema: Schema | null, opts?: ToDslOptions): DslObject
  buildQueryFromKql(query: never, schema: Schema | null, opts?: ToDslOptions): { bool: BoolClauses }
}

/** The engine functions the CLI calls (a subset of src/engine/index.ts; engine-port.test.ts checks it still fits). */
export interface EngineApi extends Partial<KqlApi> {
  compileEql(text: string, options: { schema: Schema; settings: EqlSettings; now?: number }): CompileOutput
  runEql(program: never, events: readonly unknown[], limits?: { readonly excluded?: Uint8Array }): RunOutput
  buildSchema(options: SchemaOptions): { readonly schema: Schema; readonly diagnostics: readonly Diagnostic[] }
  eqlSettings(partial?: Partial<EqlSettings>): EqlSettings
  /** exception items (src/engine/exceptions); optional so the CLI runs without them while they are written */
  compileExceptions?(items: readonly ExceptionItem[], opts: { readonly schema: Schema }): CompiledExceptions
  runWithExceptions?(
    run: (excluded: Uint8Array | undefined) => RunOutput,
    compiled: CompiledExceptions | null,
    events: readonly unknown[],
    options?: { readonly cutsMatches?: boolean },
  ): { readonly output: RunOutput; readonly excepted: readonly ExceptedEventInfo[] }
  runCutsMatches?(program: never): boolean
  /** the exception items' negated clause (the Query DSL the detection engine adds), or null */
  exceptionsFilterDsl?(items: readonly ExceptionItem[]): Record<string, unknown> | null
}

/** The outcome of loading the engine: the API, or why it could not be loaded. */
export type EngineLoad = { readonly ok: true; readonly engine: EngineApi } | { readonly ok: false; readonly error: string }

const REQUIRED = ['compileEql', 'runEql', 'buildSchema', 'eqlSettings'] as const
const KQL_NAMES = ['compileKql', 'runKql', 'parseKql', 'toDsl', 'buildQueryFromKql'] as const
// where the KQL entry points live when src/engine/index.ts does not (yet) re-export them
const KQL_MODULES = ['../engine/kql/index.ts', '../engine/kql/parser.ts', '../engine/kql/dsl/index.ts'] as const

/** The engine could not be loaded: not the user's fault; exit code 3. */
export class EngineUnavailable extends Error {
  override readonly name = 'EngineUnavailable'
}

let cached: Promise<EngineLoad> | undefined

/** Imports src/engine/index.ts once; reports what is missing instead of throwing. */
export function loadEngine(): Promise<EngineLoad> {
  cached ??= (async (): Promise<EngineLoad> => {
    // a variable specifier: the engine's index may not exist yet while it is being written
    const specifier = '../engine/index.ts'
    try {
      const mod: unknown = await import(/* @vite-ignore */ specifier)
      if (typeof mod !== 'object' || mod === null) return { ok: false, error: 'src/engine/index.ts exports nothing' }
      const record = mod as Record<string, unknown>
      const missing = REQUIRED.filter((name) => typeof record[name] !== 'function')
      if (missing.length > 0) return { ok: false, error: `src/engine/index.ts does not export ${missing.join(', ')}` }
      return { ok: true, engine: { ...(await kqlFallbacks(record)), ...record } as unknown as EngineApi }
    } catch (e) {
      return { ok: false, error: `cannot load src/engine/index.ts: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` }
    }
  })()
  return cached
}

/** KQL functions from the KQL modules for any name the engine's index does not export. */
async function kqlFallbacks(index: Record<string, unknown>): Promise<Record<string, unknown>> {
  const found: Record<string, unknown> = {}
  if (KQL_NAMES.every((n) => typeof index[n] === 'function')) return found
  for (const specifier of KQL_MODULES) {
    try {
      const mod: unknown = await import(/* @vite-ignore */ specifier)
      if (typeof mod !== 'object' || mod === null) continue
      for (const n of KQL_NAMES) {
        const f = (mod as Record<string, unknown>)[n]
        if (typeof f === 'function' && found[n] === undefined) found[n] = f
      }
    } catch {
      // a KQL module that is missing or broken leaves its functions unavailable; kqlOf says which
    }
  }
  return found
}

/** The KQL entry points, or EngineUnavailable naming what is missing (exit code 3). */
export function kqlOf(engine: EngineApi, needed: readonly (typeof KQL_NAMES)[number][] = KQL_NAMES): KqlApi {
  const missing = needed.filter((n) => typeof engine[n] !== 'function')
  if (missing.length > 0) throw new EngineUnavailable(`the KQL engine is not available: no ${missing.join(', ')} in src/engine`)
  return engine as KqlApi
}

/** Runs a compiled program; `program` comes from compileEql of the same engine. */
export function runProgram(engine: EngineApi, program: unknown, events: readonly unknown[], excluded?: Uint8Array): RunOutput {
  return excluded === undefined ? engine.runEql(program as never, events) : engine.runEql(program as never, events, { excluded })
}

/** Runs a compiled KQL program; `program` comes from compileKql of the same engine. */
export function runKqlProgram(kql: KqlApi, program: unknown, events: readonly unknown[], excluded?: Uint8Array): RunOutput {
  return excluded === undefined ? kql.runKql(program as never, events) : kql.runKql(program as never, events, { excluded })
}

/** What running with exception items gives: the run, the events they took out, and their problems as diagnostics. */
export interface ExceptionRun {
  readonly output: RunOutput
  readonly excepted: readonly ExceptedEventInfo[]
  /** the items' problems: errors mean Elasticsearch would refuse the rule's search (no result) */
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * Runs a compiled program with exception items applied as the detection engine applies them
 * (runWithExceptions: the excepted events hidden from the search). An item Elasticsearch would
 * refuse fails the run as a whole, as the page does (src/engine/exceptions/README.md).
 */
export function runWithItems(
  engine: EngineApi,
  program: unknown,
  run: (excluded: Uint8Array | undefined) => RunOutput,
  items: readonly ExceptionItem[],
  schema: Schema,
  events: readonly unknown[],
): ExceptionRun {
  if (items.length === 0) return { output: run(undefined), excepted: [], diagnostics: [] }
  if (engine.compileExceptions === undefined || engine.runWithExceptions === undefined) {
    throw new EngineUnavailable('exception items cannot be applied: src/engine exports no compileExceptions/runWithExceptions')
  }
  const compiled = engine.compileExceptions(items, { schema })
  const diagnostics: Diagnostic[] = compiled.problems.map((p) => ({
    code: p.code,
    severity: p.severity,
    message: `exception item ${p.item + 1}${p.entry === undefined ? '' : `, entry ${p.entry + 1}`}: ${p.message}`,
    span: { start: 0, end: 0 },
  }))
  if (diagnostics.some((d) => d.severity === 'error')) return { output: { result: null, diagnostics: [], eventCount: events.length }, excepted: [], diagnostics }
  const cutsMatches = engine.runCutsMatches?.(program as never) ?? true
  const { output, excepted } = engine.runWithExceptions(run, compiled, events, { cutsMatches })
  return { output, excepted, diagnostics }
}
