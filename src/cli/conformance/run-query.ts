/**
 * Compiles and runs one EQL or KQL query through the engine and turns the result into what spec files
 * compare: the ids of the returned events (sequences and samples flattened in result order, "-1"
 * for a missing-event placeholder, as Elasticsearch's harness does) and the flattened join keys
 * as strings ("null" for a null key).
 */
import type { Diagnostic } from '../../engine/diagnostics/diagnostic'
import type { EqlSettings } from '../../engine/eql/settings'
import type { ExceptionItem } from '../../engine/exceptions/types'
import { isMissing, type RunOutput, type RunResult } from '../../engine/result'
import type { Schema } from '../../engine/schema/types'
import { kqlOf, runKqlProgram, runProgram, runWithItems, type CompileOutput, type EngineApi } from '../engine-port'

export interface QueryInput {
  readonly query: string
  readonly schema: Schema
  readonly settings: EqlSettings
  readonly events: readonly unknown[]
  /** the field naming an event in expectations */
  readonly idField: string
  /** default eql; KQL takes none of the EQL settings */
  readonly language?: 'eql' | 'kql'
  /** epoch millis `now` stands for in date math (the suite's `now`); default: the time of the run */
  readonly now?: number
  /** exception items applied on top of the query, as the detection engine applies a rule's */
  readonly exceptions?: readonly ExceptionItem[]
}

export interface QueryOutput {
  /** null when the query was rejected or the run failed */
  readonly ids: string[] | null
  readonly joinKeys: string[]
  readonly diagnostics: readonly Diagnostic[]
  /** an exception thrown by the engine (a bug: the engine must not throw) */
  readonly crash?: string
}

/** An event's id: the top-level key first (as the harness reads `_source`), else the dotted path. */
export function eventId(event: unknown, field: string): string {
  if (typeof event !== 'object' || event === null) return '?'
  const record = event as Record<string, unknown>
  let value: unknown = record[field]
  if (value === undefined) {
    value = field.split('.').reduce<unknown>((o, k) => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined), event)
  }
  if (value === undefined || value === null) return '?'
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** A join key as Elasticsearch's harness prints it: `toString()`, and "null" for null. */
export function joinKeyString(key: unknown): string {
  if (key === null || key === undefined) return 'null'
  if (typeof key === 'object') return JSON.stringify(key)
  return String(key)
}

function flatten(result: RunResult, events: readonly unknown[], idField: string): { ids: string[]; joinKeys: string[] } {
  if (result.kind === 'events') return { ids: result.events.map((e) => eventId(events[e.index], idField)), joinKeys: [] }
  const groups = result.kind === 'sequences' ? result.sequences : result.samples
  const ids: string[] = []
  const joinKeys: string[] = []
  for (const g of groups) {
    for (const e of g.events) ids.push(isMissing(e) ? '-1' : eventId(events[e.index], idField))
    for (const k of g.joinKeys) joinKeys.push(joinKeyString(k))
  }
  return { ids, joinKeys }
}

function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}${e.stack ? ' @ ' + (e.stack.split('\n')[1] ?? '').trim() : ''}`
  return String(e)
}

/** Compiles and runs `input.query`; never throws. */
export function runQuery(engine: EngineApi, input: QueryInput): QueryOutput {
  let diagnostics: Diagnostic[] = []
  try {
    const now = input.now === undefined ? {} : { now: input.now }
    let compiled: CompileOutput
    let run: (program: unknown, excluded: Uint8Array | undefined) => RunOutput
    if (input.language === 'kql') {
      const kql = kqlOf(engine, ['compileKql', 'runKql'])
      compiled = kql.compileKql(input.query, { schema: input.schema, settings: now })
      run = (program, excluded) => runKqlProgram(kql, program, input.events, excluded)
    } else {
      compiled = engine.compileEql(input.query, { schema: input.schema, settings: input.settings, ...now })
      run = (program, excluded) => runProgram(engine, program, input.events, excluded)
    }
    diagnostics = [...compiled.diagnostics]
    if (compiled.program === null || compiled.program === undefined || diagnostics.some((d) => d.severity === 'error')) {
      return { ids: null, joinKeys: [], diagnostics }
    }
    const program = compiled.program
    const items = runWithItems(engine, program, (excluded) => run(program, excluded), input.exceptions ?? [], input.schema, input.events)
    diagnostics.push(...items.diagnostics)
    if (items.diagnostics.some((d) => d.severity === 'error')) return { ids: null, joinKeys: [], diagnostics }
    const out = items.output
    diagnostics.push(...out.diagnostics)
    if (out.result === null || out.diagnostics.some((d) => d.severity === 'error')) return { ids: null, joinKeys: [], diagnostics }
    return { ...flatten(out.result, input.events, input.idField), diagnostics }
  } catch (e) {
    return { ids: null, joinKeys: [], diagnostics, crash: errorText(e) }
  }
}

/** Whether two id lists are equal, in order. */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/** Whether two id lists hold the same ids, ignoring order (KQL compares sets). */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return sameList([...a].sort(), [...b].sort())
}
