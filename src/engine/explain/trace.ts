import type { Span } from '../source/span'
import { decidingNode, evaluate, rawValues, type Evaluated, type FilterPlan, type FieldProbe, type PlanNode } from './plan'
import type { ClauseRef, ComputedValue, FilterExplanation, FieldRead, TraceNode } from './types'

/**
 * Turns an evaluated plan into the public tree: source text, the values each leaf read (as the
 * event holds them), computed operand values, rules and notes.
 */

/** Explains one filter for one event. */
export function explainFilter(plan: FilterPlan, event: unknown, source: string): FilterExplanation {
  const evaluated = evaluate(plan.root, event, plan.faults)
  const byEvaluated = new Map<Evaluated, TraceNode>()
  const tree = toTrace(evaluated, source, byEvaluated)
  const decidingEval = decidingNode(evaluated)
  const deciding = byEvaluated.get(decidingEval) ?? tree
  return { tree, outcome: evaluated.value === true, deciding, decidingSpan: deciding.span }
}

export function textOf(source: string, s: Span): string {
  return source.slice(s.start, s.end)
}

export function refOf(e: Evaluated, source: string): ClauseRef {
  const s = nodeSpan(e.node, source)
  return { kind: e.node.kind, span: s, text: textOf(source, s) }
}

/** Where a plan node is in the source, parentheses balanced (see balancedSpan). */
export function nodeSpan(node: PlanNode, source: string): Span {
  return node.combine === 'leaf' ? node.span : balancedSpan(source, node.span)
}

function toTrace(e: Evaluated, source: string, map: Map<Evaluated, TraceNode>): TraceNode {
  const node = e.node
  const children = e.children.map((c) => toTrace(c, source, map))
  const notes: string[] = []
  if (node.note !== undefined) notes.push(node.note)
  if (node.folded) notes.push('Elasticsearch folds this clause to null: it holds for no event, and neither does its negation')
  if (e.fault !== undefined) notes.push(`Elasticsearch would fail the whole search on this event: ${e.fault}`)
  if (e.object !== undefined) {
    notes.push(
      e.object.count === 0
        ? 'the event has no objects at this path'
        : `inner query shown for object ${e.object.index + 1} of ${e.object.count}`,
    )
  }
  const out: {
    -readonly [K in keyof TraceNode]: TraceNode[K]
  } = { kind: node.kind, span: nodeSpan(node, source), text: textOf(source, nodeSpan(node, source)), value: e.value, children }
  if (node.combine === 'leaf') {
    const seen = node.fields.map((f) => seenOf(f, e.scope))
    if (seen.length > 0) out.seen = seen
    const computed: ComputedValue[] = node.computed.map((c) => ({ text: textOf(source, c.span), span: c.span, values: c.values(e.scope) }))
    if (computed.length > 0) out.computed = computed
  }
  if (node.rule !== undefined) out.rule = node.rule
  if (notes.length > 0) out.note = notes.join('; ')
  map.set(e, out)
  return out
}

function seenOf(f: FieldProbe, scope: unknown): FieldRead {
  const values = rawValues(f.read(scope))
  const notIndexed = values.filter((v) => f.index(v) === undefined)
  const base = { field: f.field, span: f.span, values: [...values] }
  return notIndexed.length > 0 ? { ...base, notIndexed } : base
}

/**
 * A node's span widened to balanced parentheses. The parsers give `a and (b or c)` a span that
 * ends at `c` (a parenthesised operand's span leaves out its parentheses), which would show and
 * highlight `a and (b or c`; this takes in the missing `(` before or `)` after (whitespace
 * between allowed). Quoted strings and backslash escapes are skipped. The span is returned as is
 * when the parentheses are not where they should be.
 */
export function balancedSpan(source: string, s: Span): Span {
  let depth = 0
  let missingOpen = 0
  for (let i = s.start; i < s.end; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (c === '"') i = skipString(source, i, s.end)
    else if (c === '(') depth++
    else if (c === ')') {
      if (depth > 0) depth--
      else missingOpen++
    }
  }
  let start = s.start
  let end = s.end
  for (let k = 0; k < depth; k++) {
    let j = end
    while (j < source.length && /\s/.test(source[j] as string)) j++
    if (source[j] !== ')') return s
    end = j + 1
  }
  for (let k = 0; k < missingOpen; k++) {
    let j = start - 1
    while (j >= 0 && /\s/.test(source[j] as string)) j--
    if (source[j] !== '(') return s
    start = j
  }
  return start === s.start && end === s.end ? s : { start, end }
}

/** The index of the closing quote of a string starting at `i` (`"..."` with escapes, `"""..."""` raw). */
function skipString(source: string, i: number, limit: number): number {
  if (source.startsWith('"""', i)) {
    const close = source.indexOf('"""', i + 3)
    return close < 0 || close + 2 >= limit ? limit : close + 2
  }
  for (let j = i + 1; j < limit; j++) {
    if (source[j] === '\\') j++
    else if (source[j] === '"') return j
  }
  return limit
}
