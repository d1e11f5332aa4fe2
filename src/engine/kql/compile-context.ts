import { makeDiagnostic, type CodeDef, type Diagnostic, type Params } from '../diagnostics/diagnostic'
import type { Schema } from '../schema/types'
import type { Span } from '../source/span'
import type { KqlSettings } from './settings'
import type { TimeZone } from './compile-time-zone'
import type { ConstantCell } from './program'

/**
 * State shared while compiling one query: the schema, settings resolved once (`now`, time zone),
 * the diagnostics found so far, and the enclosing nested group (field names inside `p:{...}` are
 * relative to `p`, and getters then read from one object of the nested array).
 */
export interface CompileContext {
  readonly schema: Schema
  readonly settings: KqlSettings
  /** epoch millis `now` stands for in date math */
  readonly now: number
  readonly tz: TimeZone
  readonly diagnostics: Diagnostic[]
  /** full path of the enclosing nested group; undefined at the top level */
  readonly nestedPath: string | undefined
  /** constant_keyword fields already warned about (one warning per field) */
  readonly warned: Set<string>
  /** constant_keyword fields without a mapped value, by full name (shared by all scopes) */
  readonly constants: Map<string, ConstantCell>
}

export function report(ctx: CompileContext, def: CodeDef, at: Span, params?: Params): void {
  ctx.diagnostics.push(makeDiagnostic(def, at, params))
}

/** The context for the inner query of a nested group at `path` (full name). */
export function insideNested(ctx: CompileContext, path: string): CompileContext {
  return { ...ctx, nestedPath: path }
}

/** The event path relative to the current scope (the nested object inside a group). */
export function relativePath(ctx: CompileContext, full: string): string {
  const p = ctx.nestedPath
  return p !== undefined && full.startsWith(p + '.') ? full.slice(p.length + 1) : full
}
