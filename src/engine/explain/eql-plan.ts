import type { EventFilter, Expr, FieldRef, Literal } from '../eql/ast'
import { fieldsOf } from '../eql/check-types'
import type { CompileContext } from '../eql/compile-context'
import { compileValue } from '../eql/compile-expr'
import { compileFilter } from '../eql/compile-filter'
import { NEVER } from '../eql/compile-leaf'
import { compilePredicate } from '../eql/compile-predicate'
import { displayIndexed } from '../values/compare-indexed'
import type { Indexed } from '../values/indexed-types'
import { CATEGORY_RULE, eqlRule } from './eql-rules'
import { rawValues, type ComputedProbe, type ElementProbe, type FieldProbe, type PlanNode } from './plan'
import type { TraceKind } from './types'

/**
 * Builds the explain plan of an EQL event filter. Every node's test is compiled by the matcher's
 * own compiler (compileFilter / compilePredicate) from the node's subtree with the program's
 * context, so node values are the matcher's answers.
 */
export function planFilter(filter: EventFilter, ctx: CompileContext): PlanNode {
  const condition = planExpr(filter.condition, ctx)
  const children: PlanNode[] = []
  if (filter.category.name !== null) {
    // the category test alone: the same filter with the condition `true`
    const always: Literal = { type: 'Literal', kind: 'boolean', value: true, raw: 'true', span: filter.condition.span }
    const category = compileFilter({ ...filter, condition: always }, ctx)
    const path = ctx.settings.eventCategoryField
    const ref: FieldRef = { type: 'Field', path, segments: path.split('.'), optional: false, span: filter.category.span }
    children.push({
      kind: 'category',
      span: filter.category.span,
      combine: 'leaf',
      test: category.test,
      folded: false,
      children: [],
      fields: [fieldProbe(ref, ctx)],
      computed: [],
      rule: CATEGORY_RULE,
    })
  }
  children.push(condition)
  return { kind: 'filter', span: filter.span, combine: 'and', test: compileFilter(filter, ctx).test, folded: false, children, fields: [], computed: [] }
}

/** The plan of a condition. `and`/`or` chains become one node each (`a and b and c`: 3 children). */
export function planExpr(e: Expr, ctx: CompileContext): PlanNode {
  const predicate = compilePredicate(e, ctx)
  const base = { span: e.span, test: predicate.test, folded: false, fields: [], computed: [] }
  if (e.type === 'Logical') {
    const operands: Expr[] = []
    flatten(e, e.op, operands)
    return { ...base, kind: e.op, combine: e.op, children: operands.map((o) => planExpr(o, ctx)) }
  }
  if (e.type === 'Not') {
    return { ...base, kind: 'not', combine: 'not', children: [planExpr(e.operand, ctx)], rule: eqlRule(e, ctx) }
  }
  const folded = predicate.test === NEVER && predicate.falseTest === NEVER
  const node: PlanNode = {
    ...base,
    kind: leafKind(e),
    combine: 'leaf',
    folded,
    children: [],
    fields: leafFields(e, ctx),
    computed: leafComputed(e, ctx),
  }
  const negated = (e.type === 'Compare' && e.op === '!=') || (e.type === 'In' && e.negated)
  const elements = leafElements(e, ctx)
  const rule = eqlRule(e, ctx)
  return {
    ...node,
    ...(rule === undefined ? {} : { rule }),
    ...(negated ? { negated } : {}),
    ...(elements.length > 0 ? { elements } : {}),
  }
}

/**
 * The elements of a list leaf, and the positive form of a negated one, each compiled alone by the
 * matcher's compiler (`x not in ("a", "b")` -> `x in ("a")`, `x in ("b")`; `x != 1` -> `x == 1`),
 * so an exclusion can say which element an event's value matched.
 */
function leafElements(e: Expr, ctx: CompileContext): ElementProbe[] {
  if (e.type === 'Match' && e.patterns.length > 1) {
    return e.patterns.map((p) => ({ span: p.span, test: compilePredicate({ ...e, patterns: [p], list: false }, ctx).test }))
  }
  if (e.type === 'In' && (e.negated || e.items.length > 1)) {
    return e.items.map((item) => ({ span: item.span, test: compilePredicate({ ...e, negated: false, items: [item] }, ctx).test }))
  }
  if (e.type === 'Compare' && e.op === '!=') return [{ span: e.right.span, test: compilePredicate({ ...e, op: '==' }, ctx).test }]
  return []
}

function flatten(e: Expr, op: 'and' | 'or', out: Expr[]): void {
  if (e.type === 'Logical' && e.op === op) {
    flatten(e.left, op, out)
    flatten(e.right, op, out)
  } else out.push(e)
}

function leafKind(e: Expr): TraceKind {
  switch (e.type) {
    case 'Compare':
      return 'comparison'
    case 'In':
      return 'in'
    case 'Match':
      return e.op === ':' ? 'match' : e.op === 'like' || e.op === 'like~' ? 'like' : 'regex'
    case 'Call':
      return 'function'
    case 'Field':
      return 'field'
    case 'Literal':
      return 'literal'
    default:
      return 'value'
  }
}

function fieldProbe(ref: FieldRef, ctx: CompileContext): FieldProbe {
  const code = compileValue(ref, ctx)
  return { field: ref.path, span: ref.span, read: code.read, index: code.index }
}

/** The distinct fields a leaf reads, in source order. */
function leafFields(e: Expr, ctx: CompileContext): FieldProbe[] {
  const seen = new Set<string>()
  const out: FieldProbe[] = []
  for (const ref of fieldsOf(e)) {
    if (seen.has(ref.path)) continue
    seen.add(ref.path)
    out.push(fieldProbe(ref, ctx))
  }
  return out
}

/** The operands of a leaf that compute a value from fields (function calls, arithmetic). */
function leafComputed(e: Expr, ctx: CompileContext): ComputedProbe[] {
  let operands: readonly Expr[]
  switch (e.type) {
    case 'Compare':
      operands = [e.left, e.right]
      break
    case 'Match':
      operands = [e.subject]
      break
    case 'In':
      operands = [e.subject, ...e.items]
      break
    case 'Call':
    case 'Arith':
    case 'Negate':
      operands = [e]
      break
    default:
      operands = []
  }
  const out: ComputedProbe[] = []
  for (const o of operands) {
    if (o.type !== 'Call' && o.type !== 'Arith' && o.type !== 'Negate') continue
    if (fieldsOf(o).length === 0) continue
    const code = compileValue(o, ctx)
    out.push({
      span: o.span,
      values: (scope) => {
        const shown: unknown[] = []
        for (const raw of rawValues(code.read(scope))) {
          const v = code.index(raw)
          if (v !== undefined) shown.push(displayIndexed(v as Indexed))
        }
        return shown
      },
    })
  }
  return out
}
