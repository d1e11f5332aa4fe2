import { hasErrors, makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic'
import type { FieldHit } from '../result'
import type { Schema } from '../schema/types'
import { span } from '../source/span'
import { parseDateMillis } from '../values/date-parse'
import type { KqlNode } from './ast'
import { KQL_CHECK_CODES } from './codes-check'
import type { CompileContext } from './compile-context'
import { compileNode } from './compile-node'
import { parseTimeZone, UTC } from './compile-time-zone'
import { parseKql } from './parser'
import type { KqlProgram } from './program'
import { kqlSettings, type KqlSettings } from './settings'

export interface CompileKqlOptions {
  /** field types as the detection engine knows them (ECS + mappings + inference from events) */
  readonly schema: Schema
  readonly settings?: Partial<KqlSettings>
}

export interface CompileKqlOutput {
  /** null when there is any error diagnostic */
  readonly program: KqlProgram | null
  /** the parsed query (null when it does not parse), for the editor and the DSL exporter */
  readonly query: KqlNode | null
  /** parse diagnostics, then evaluator diagnostics (KQL2xxx) */
  readonly diagnostics: Diagnostic[]
}

/**
 * Parses and compiles a KQL query into closures that answer, for each event, what Elasticsearch
 * answers for the Query DSL the detection engine builds (spec kql.md §4-§5). Queries
 * Elasticsearch would fail (a non-numeric value on a number field, a nested group on a path that
 * is not nested, `null`, ...) come back as error diagnostics with `program` null. Never throws.
 */
export function compileKql(text: string, opts: CompileKqlOptions): CompileKqlOutput {
  const diagnostics: Diagnostic[] = []
  let query: KqlNode | null = null
  try {
    const parsed = parseKql(text)
    query = parsed.query
    diagnostics.push(...parsed.diagnostics)
    if (query === null || hasErrors(diagnostics)) return { program: null, query, diagnostics }
    const settings = kqlSettings(opts.settings)
    const whole = span(0, text.length)
    const now = resolveNow(settings.now)
    if (now === undefined) diagnostics.push(makeDiagnostic(KQL_CHECK_CODES.badNow, whole, { value: String(settings.now) }))
    const tz = parseTimeZone(settings.dateFormatTZ)
    if (tz === undefined) diagnostics.push(makeDiagnostic(KQL_CHECK_CODES.badTimeZone, whole, { zone: settings.dateFormatTZ }))
    const ctx: CompileContext = {
      schema: opts.schema,
      settings,
      now: now ?? Date.now(),
      tz: tz ?? UTC,
      diagnostics,
      nestedPath: undefined,
      warned: new Set(),
      constants: new Map(),
    }
    const clause = compileNode(query, ctx)
    if (hasErrors(diagnostics)) return { program: null, query, diagnostics }
    const test = clause.test
    const program: KqlProgram = {
      kind: 'kql',
      test,
      hits: (event) => {
        if (!test(event)) return []
        const out: FieldHit[] = []
        clause.collect(event, out)
        return out
      },
      span: query.span,
      constants: [...ctx.constants.values()],
    }
    return { program, query, diagnostics }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    diagnostics.push(makeDiagnostic(KQL_CHECK_CODES.internal, query?.span ?? span(0, text.length), { message }))
    return { program: null, query, diagnostics }
  }
}

/** `now` as epoch millis: the setting (number or ISO text), or the current time. */
function resolveNow(now: number | string | undefined): number | undefined {
  if (now === undefined) return Date.now()
  if (typeof now === 'number') return Number.isFinite(now) ? now : undefined
  return parseDateMillis(now.trim())
}
