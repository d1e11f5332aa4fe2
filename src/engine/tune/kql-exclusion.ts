import type { KqlNode } from '../kql/ast'
import { parseKql } from '../kql/parser'
import { escapeUnquoted, printField, quoteKql } from '../kql/print'
import { hasErrors, makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic'
import { span } from '../source/span'
import type { PlacedExclusion } from './eql-exclusion'
import { TUNE_CODES, type AddExclusionOptions, type TextEdit } from './types'

/**
 * Places an exclusion in a KQL query: ` or value` inside an existing top-level
 * `not field:(a or b)` list, otherwise a new `and not field: value`.
 */
export function placeKqlExclusion(opts: AddExclusionOptions): PlacedExclusion {
  const { query: top, diagnostics } = parseKql(opts.query)
  const whole = span(0, opts.query.length)
  if (top === null || hasErrors(diagnostics)) return failed(makeDiagnostic(TUNE_CODES.queryErrors, whole))
  const value = kqlValue(opts)
  if (value === null) return failed(makeDiagnostic(TUNE_CODES.badPattern, whole))
  const notes: Diagnostic[] = []
  if (opts.form === 'case-insensitive' && typeof opts.value === 'string') notes.push(makeDiagnostic(TUNE_CODES.kqlNoCase, whole))
  const parts = top.type === 'and' && top.list === null ? top.children : [top]
  for (const part of parts) {
    const edit = appendToList(opts.query, part, opts.field, value)
    if (edit !== null) return { edit, clause: value, appended: true, diagnostics: notes }
  }
  const field = printField({ type: 'field', name: opts.field, quoted: false, span: span(0, 0) })
  const clause = `not ${field}: ${value}`
  let edit: TextEdit
  if (top.type === 'matchAll' && top.written === 'empty') edit = { span: whole, text: clause }
  else if (top.type === 'or' && top.list === null) {
    // `a or b and not x` would read as `a or (b and not x)`: keep the user's `or` together
    edit = { span: top.span, text: `(${opts.query.slice(top.span.start, top.span.end)}) and ${clause}` }
  } else edit = { span: span(top.span.end, top.span.end), text: ` and ${clause}` }
  return { edit, clause, appended: false, diagnostics: notes }
}

function failed(d: Diagnostic): PlacedExclusion {
  return { edit: null, clause: '', appended: false, diagnostics: [d] }
}

/**
 * The value as KQL text: quoted (a phrase, no wildcards) for exact and case-insensitive, unquoted
 * with every special character but `*` escaped for the wildcard form. null for an unusable pattern
 * (empty, or edge spaces that KQL would trim).
 */
function kqlValue(opts: AddExclusionOptions): string | null {
  if (opts.form !== 'wildcard') return typeof opts.value === 'string' ? quoteKql(opts.value) : String(opts.value)
  const pattern = opts.pattern ?? String(opts.value)
  if (pattern === '' || pattern.trim() !== pattern) return null
  return pattern.split('*').map(escapeUnquoted).join('*')
}

/** The edit adding ` or value` to `not field:(…)` / `not field: x`, or null when `part` is not one. */
function appendToList(query: string, part: KqlNode, field: string, value: string): TextEdit | null {
  if (part.type !== 'not' || part.list !== null) return null
  const inner = part.child
  const list = inner.type === 'or' || inner.type === 'is' ? inner.list : null
  if (list !== null) {
    if (list.field.type !== 'field' || list.field.name !== field) return null
    // only a plain `a or b or c` list: `(a and b)` or `(not a)` inside would change meaning
    if (inner.type === 'or' && !inner.children.every((c) => c.type === 'is')) return null
    return { span: span(inner.span.end, inner.span.end), text: ` or ${value}` }
  }
  if (inner.type === 'is' && inner.field?.type === 'field' && inner.field.name === field) {
    const old = inner.value.span
    return { span: old, text: `(${query.slice(old.start, old.end)} or ${value})` }
  }
  return null
}
