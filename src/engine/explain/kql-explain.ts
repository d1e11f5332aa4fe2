import { hasErrors, makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic'
import { KQL_CHECK_CODES } from '../kql/codes-check'
import type { CompileContext } from '../kql/compile-context'
import { compileKql, type CompileKqlOptions } from '../kql/compile-kql'
import { parseTimeZone, UTC } from '../kql/compile-time-zone'
import type { KqlProgram } from '../kql/program'
import { bindConstants } from '../kql/run-kql'
import { kqlSettings } from '../kql/settings'
import { span } from '../source/span'
import { parseDateMillis } from '../values/date-parse'
import { planKql } from './kql-plan'
import type { Explainable, FilterPlan } from './plan'
import { explainFilter } from './trace'
import type { FilterExplanation } from './types'

export type KqlExplanation = FilterExplanation & { readonly kind: 'kql' }

/** The KQL explainer: compiled once per query, then asked about any event. */
export interface KqlExplainer extends Explainable {
  readonly language: 'kql'
  /** the matcher's program, compiled with the same options (and the same `now`) */
  readonly program: KqlProgram
  /**
   * Binds constant_keyword fields without a mapped value to the first value in `events`, as
   * `runKql` does for a run (Elasticsearch adopts the first indexed value). Unbound, each event
   * answers with its own value. Call it with the run's events before explaining one of them.
   */
  bindEvents(events: readonly unknown[]): void
  explain(event: unknown): KqlExplanation
}

export interface CompileExplainKqlOutput {
  readonly explainer: KqlExplainer | null
  readonly diagnostics: Diagnostic[]
}

/**
 * Compiles a KQL query for explaining, with the options `compileKql` takes. `now` is resolved once
 * (the setting, else the time of this call) and shared by the program and the plan. Never throws.
 */
export function compileExplainKql(text: string, opts: CompileKqlOptions): CompileExplainKqlOutput {
  const settings = kqlSettings({ ...opts.settings, now: resolveNow(opts.settings?.now) })
  const compiled = compileKql(text, { ...opts, settings })
  const diagnostics = compiled.diagnostics
  const query = compiled.query
  if (compiled.program === null || query === null || hasErrors(diagnostics)) return { explainer: null, diagnostics }
  try {
    const ctx: CompileContext = {
      schema: opts.schema,
      settings,
      now: typeof settings.now === 'number' ? settings.now : Date.now(),
      tz: parseTimeZone(settings.dateFormatTZ) ?? UTC,
      diagnostics: [], // the compile above reported everything
      nestedPath: undefined,
      warned: new Set(),
      constants: new Map(),
    }
    const plan: FilterPlan = { label: 'query', stage: null, root: planKql(query, ctx) }
    const constants = [...ctx.constants.values()]
    const explainer: KqlExplainer = {
      language: 'kql',
      program: compiled.program,
      source: text,
      plans: [plan],
      // the same binding as runKql's (first event with a value), on the plan's own cells
      bindEvents: (events) => bindConstants(constants, events),
      explain: (event) => ({ kind: 'kql', ...explainFilter(plan, event, text) }),
    }
    return { explainer, diagnostics }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    return { explainer: null, diagnostics: [...diagnostics, makeDiagnostic(KQL_CHECK_CODES.internal, span(0, text.length), { message })] }
  }
}

/** Explains a KQL query for one event (compile once with compileExplainKql for many events). */
export function explainKql(text: string, event: unknown, opts: CompileKqlOptions): { explanation: KqlExplanation | null; diagnostics: Diagnostic[] } {
  const { explainer, diagnostics } = compileExplainKql(text, opts)
  return { explanation: explainer === null ? null : explainer.explain(event), diagnostics }
}

/** `now` as compileKql reads it, fixed once: epoch millis, or the setting when it cannot be read. */
function resolveNow(now: number | string | undefined): number | string {
  if (now === undefined) return Date.now()
  if (typeof now === 'number') return now
  return parseDateMillis(now.trim()) ?? now
}
