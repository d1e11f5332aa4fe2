import type { Diagnostic } from '../diagnostics/diagnostic'
import { buildSchema } from '../schema/build-schema'
import type { Schema } from '../schema/types'
import type { EventFilter, Expr } from './ast'
import { lexEql } from './lexer'
import { ParseCursor } from './parse-cursor'
import { parseExpression } from './parse-expression'
import { eqlSettings } from './settings'
import type { CompileContext } from './compile-context'

/**
 * Test support for the checker and compiler tests: parse a condition with the parser's expression
 * rule, wrap it in an event filter, and build schemas from small type tables. Not used at run time.
 */
export function parseExpr(text: string): { expr: Expr; diagnostics: Diagnostic[] } {
  const lexed = lexEql(text)
  const diagnostics: Diagnostic[] = [...lexed.diagnostics]
  const cursor = new ParseCursor(text, lexed.tokens, diagnostics)
  const expr = parseExpression(cursor)
  return { expr, diagnostics }
}

/** `category where condition` (category null: `any`) with spans relative to `condition`. */
export function filterOf(condition: string, category: string | null = 'process'): EventFilter {
  const { expr, diagnostics } = parseExpr(condition)
  if (diagnostics.length > 0) throw new Error(`test query does not parse: ${diagnostics[0]?.message ?? ''}`)
  return {
    type: 'EventFilter',
    category: { name: category, quoted: false, span: { start: 0, end: 0 } },
    condition: expr,
    span: expr.span,
  }
}

/** A schema from a mapping table (`{ field: type }` or mapping JSON). */
export function schemaOf(mappings: Record<string, unknown>): Schema {
  return buildSchema({ mappings }).schema
}

/** A compile context over such a schema, default settings. */
export function contextOf(mappings: Record<string, unknown>): CompileContext {
  return { schema: schemaOf(mappings), settings: eqlSettings() }
}
