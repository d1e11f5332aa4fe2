import type { Span } from '../source/span'
import { decidingNode, evaluate, rawValues, type Evaluated, type FilterPlan, type FieldProbe } from './plan'
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
  return { kind: e.node.kind, span: e.node.span, text: textOf(source, e.node.span) }
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
  } = { kind: node.kind, span: node.span, text: textOf(source, node.span), value: e.value, children }
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
