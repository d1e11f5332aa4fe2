import { buildSchema } from '../schema/build-schema'
import type { Diagnostic } from '../diagnostics/diagnostic'
import { compileKql } from './compile-kql'
import { runKql } from './run-kql'
import type { KqlSettings } from './settings'

/**
 * Test helper: compile a KQL query against ECS + the given mappings + inference from `events`,
 * run it, and return the matched events' `id`s (input order), or the error codes when the query
 * does not compile. Events without an `id` get their index as id.
 */
export interface Outcome {
  readonly ids: readonly string[] | null
  readonly errors: readonly string[]
  readonly diagnostics: readonly Diagnostic[]
}

export function evaluate(
  query: string,
  events: readonly unknown[],
  mappings?: Record<string, unknown>,
  settings: Partial<KqlSettings> = {},
): Outcome {
  const { schema } = buildSchema({ ecs: true, mappings, events })
  const out = compileKql(query, { schema, settings: { now: '2024-05-02T12:00:00Z', ...settings } })
  const errors = out.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)
  if (out.program === null) return { ids: null, errors, diagnostics: out.diagnostics }
  const run = runKql(out.program, events)
  const matched = run.result?.kind === 'events' ? run.result.events : []
  const ids = matched.map((m) => {
    const e = events[m.index]
    const id = typeof e === 'object' && e !== null ? (e as Record<string, unknown>)['id'] : undefined
    return typeof id === 'string' ? id : String(m.index)
  })
  return { ids, errors, diagnostics: out.diagnostics }
}

/** Whether the query matches the one event (throws in the test when it does not compile). */
export function matches(query: string, event: unknown, mappings?: Record<string, unknown>, settings?: Partial<KqlSettings>): boolean {
  const r = evaluate(query, [event], mappings, settings)
  if (r.ids === null) throw new Error(`${query}: ${r.errors.join(', ')}`)
  return r.ids.length === 1
}

/** The error codes the query compiles to (empty when it compiles). */
export function errorCodes(query: string, mappings?: Record<string, unknown>, events: readonly unknown[] = []): readonly string[] {
  return evaluate(query, events, mappings).errors
}
