import type { EventFilter, Expr, In, Literal, Match, Stage } from '../eql/ast'
import { parseEql } from '../eql/parser'
import { printExpr, quoteString } from '../eql/print'
import { hasErrors, makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic'
import { span } from '../source/span'
import { hasWildcardChars, indentOfLineAt, listInsertion } from './layout'
import { TUNE_CODES, type AddExclusionOptions, type TextEdit } from './types'

/** What the EQL side hands back; add-exclusion.ts adds warnings and the final check. */
export interface PlacedExclusion {
  readonly edit: TextEdit | null
  readonly clause: string
  readonly appended: boolean
  readonly diagnostics: Diagnostic[]
}

/**
 * Places an exclusion in an EQL query: appended to a `not field …(list)` conjunct of the chosen
 * event filter when one takes the form's operator, otherwise a new `and not field <op> value`.
 */
export function placeEqlExclusion(opts: AddExclusionOptions): PlacedExclusion {
  const { statement, diagnostics } = parseEql(opts.query)
  const whole = span(0, opts.query.length)
  if (statement === null || hasErrors(diagnostics)) return failed(makeDiagnostic(TUNE_CODES.queryErrors, whole))
  const q = statement.query
  const stage = opts.stage ?? (q.type === 'EventQuery' ? 0 : stageAt(q.stages, opts.at))
  const filter: EventFilter | undefined = q.type === 'EventQuery' ? (stage === 0 ? q.filter : undefined) : q.stages[stage]?.filter
  if (filter === undefined) return failed(makeDiagnostic(TUNE_CODES.noStage, whole, { stage: stage + 1 }))
  const literal = literalFor(opts)
  if (literal === null) {
    return failed(makeDiagnostic(TUNE_CODES.notString, whole, { form: opts.form, value: String(opts.value) }))
  }
  const existing = conjuncts(filter.condition).map((c) => listFor(c, opts)).find((l) => l !== null)
  if (existing) {
    const items = existing.items
    const last = items[items.length - 1]
    if (last === undefined) return failed(makeDiagnostic(TUNE_CODES.queryErrors, whole))
    if (existing.kind === 'Match' && !existing.list) {
      // `not f : "a"` becomes the list `not f : ("a", "b")`, the seed rules' shape for two values
      const text = `(${opts.query.slice(last.span.start, last.span.end)}, ${literal})`
      return { edit: { span: last.span, text }, clause: literal, appended: true, diagnostics: [] }
    }
    const first = items[0] ?? last
    return { edit: listInsertion(opts.query, first.span, last.span, literal), clause: literal, appended: true, diagnostics: [] }
  }
  return newClause(opts, filter, literal)
}

/** The first stage whose text holds one of the offsets (an event's matched conditions), else 0. */
function stageAt(stages: readonly Stage[], at: readonly number[] | undefined): number {
  const i = stages.findIndex((s) => at?.some((o) => s.span.start <= o && o < s.span.end) ?? false)
  return i < 0 ? 0 : i
}

function failed(d: Diagnostic): PlacedExclusion {
  return { edit: null, clause: '', appended: false, diagnostics: [d] }
}

/** The value as an EQL literal for the form, or null when the form needs a string. */
function literalFor(opts: AddExclusionOptions): string | null {
  if (opts.form === 'wildcard') return typeof opts.value === 'string' ? quoteString(opts.pattern ?? opts.value) : null
  if (typeof opts.value === 'string') return quoteString(opts.value)
  return opts.form === 'exact' ? String(opts.value) : null
}

/** The `and` chain of a condition, flattened (parenthesised `and` groups included). */
function conjuncts(e: Expr): Expr[] {
  return e.type === 'Logical' && e.op === 'and' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e]
}

interface ExistingList {
  readonly kind: 'Match' | 'In'
  readonly list: boolean
  readonly items: readonly (Literal | Expr)[]
}

/** The value list of a conjunct that excludes values of the field with the form's semantics. */
function listFor(c: Expr, opts: AddExclusionOptions): ExistingList | null {
  const inner: Expr | null = c.type === 'Not' ? c.operand : c.type === 'In' && c.negated ? c : null
  if (inner === null) return null
  if (inner.type === 'Match' && c.type === 'Not' && isField(inner.subject, opts.field) && matchFits(inner, opts)) {
    return { kind: 'Match', list: inner.list, items: inner.patterns }
  }
  if (inner.type === 'In' && isField(inner.subject, opts.field) && inFits(inner, c.type === 'Not', opts)) {
    return { kind: 'In', list: true, items: inner.items }
  }
  return null
}

function isField(e: Expr, field: string): boolean {
  return e.type === 'Field' && !e.optional && e.path === field
}

function matchFits(m: Match, opts: AddExclusionOptions): boolean {
  if (typeof opts.value !== 'string') return false
  const plain = !hasWildcardChars(opts.value)
  switch (opts.form) {
    case 'exact': return m.op === 'like' && plain
    case 'case-insensitive': return (m.op === ':' || m.op === 'like~') && plain
    case 'wildcard': return m.op === ':' || m.op === 'like~'
  }
}

/** `not f in (…)` / `f not in (…)` keep exact values; their `~` forms keep case-insensitive ones. */
function inFits(i: In, underNot: boolean, opts: AddExclusionOptions): boolean {
  if (underNot === i.negated) return false
  if (opts.form === 'exact') return !i.caseInsensitive
  return opts.form === 'case-insensitive' && i.caseInsensitive && typeof opts.value === 'string'
}

/** `and not field <op> value` after the filter's condition, on its own line when it is multi-line. */
function newClause(opts: AddExclusionOptions, filter: EventFilter, literal: string): PlacedExclusion {
  const field = printExpr({ type: 'Field', path: opts.field, segments: opts.field.split('.'), optional: false, span: span(0, 0) })
  const op = opts.form === 'exact' ? '==' : opts.form === 'wildcard' || !hasWildcardChars(String(opts.value)) ? ':' : 'in~'
  const clause = op === 'in~' ? `not ${field} in~ (${literal})` : `not ${field} ${op} ${literal}`
  const cond = filter.condition
  const end = filter.span.end
  const condText = opts.query.slice(cond.span.start, end)
  const parts = conjuncts(cond)
  const lastPart = parts[parts.length - 1] ?? cond
  const sep = condText.includes('\n') ? ` and\n${indentOfLineAt(opts.query, lastPart.span.start)}` : ' and '
  // A top-level `or` written without parentheses would swallow the new `and not`: wrap it.
  const bareOr = cond.type === 'Logical' && cond.op === 'or' && opts.query.slice(cond.span.end, end).trim() === ''
  const edit: TextEdit = bareOr
    ? { span: span(cond.span.start, end), text: `(${condText})${sep}${clause}` }
    : { span: span(end, end), text: `${sep}${clause}` }
  return { edit, clause, appended: false, diagnostics: [] }
}
