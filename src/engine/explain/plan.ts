import type { Span } from '../source/span'
import type { FaultSink } from '../eql/search-faults'
import { beginScan, endScan, scan } from '../values/prepared-events'
import type { TraceKind, TraceValue } from './types'

/**
 * An explain plan: the query's clause tree with, at every node, the matcher's own compiled test
 * for that node's subtree (built by the language's compiler from the same AST with the same
 * context, so a node is true for an event exactly when the matcher would hold it true). The plan
 * adds what the matcher never needs: spans, the fields each leaf reads, case/wildcard rules.
 *
 * Evaluation runs every node's test, not only those the matcher would reach (no short circuit):
 * a tree must show every clause, and coverage counts every clause for every event.
 */

/** One field a leaf reads: its raw values in the scope, and how its mapping indexes them. */
export interface FieldProbe {
  readonly field: string
  readonly span: Span
  readonly read: (scope: unknown) => unknown
  /** undefined: the mapping does not index this raw value */
  readonly index: (raw: unknown) => unknown
}

/** A computed operand (function call, arithmetic): its values in the scope, displayable. */
export interface ComputedProbe {
  readonly span: Span
  readonly values: (scope: unknown) => readonly unknown[]
}

export type Combine = 'and' | 'or' | 'not' | 'leaf' | 'nested'

/**
 * One element of a leaf's value list (`field : ("a", "b")`, `x in (1, 2)`) or the positive form
 * of a negated leaf (`x != 1` -> `x == 1`), compiled alone by the matcher's compiler: says which
 * element an event's value matched.
 */
export interface ElementProbe {
  readonly span: Span
  readonly test: (scope: unknown) => boolean
}

export interface PlanNode {
  readonly kind: TraceKind
  readonly span: Span
  readonly combine: Combine
  /** the compiled test of this subtree (the matcher's answer) */
  readonly test: (scope: unknown) => boolean
  /** leaves: Elasticsearch folds the clause to null (true for no event, and neither is its negation) */
  readonly folded: boolean
  readonly children: readonly PlanNode[]
  readonly fields: readonly FieldProbe[]
  readonly computed: readonly ComputedProbe[]
  readonly rule?: string
  readonly note?: string
  /** nested: the objects of the scope its child is evaluated against */
  readonly objects?: (scope: unknown) => readonly unknown[]
  /** leaves written negated (`!=`, `not in`): they exclude what their positive form matches */
  readonly negated?: boolean
  /** leaves over a list of values (or negated leaves): each element's (positive) test alone */
  readonly elements?: readonly ElementProbe[]
}

/** One event filter of a query: the whole query, or one stage of a sequence or sample. */
export interface FilterPlan {
  /** `query`, `stage 1`, ..., `until` */
  readonly label: string
  /** 0-based stage index as written (null for an event query or KQL; the until stage: stages.length) */
  readonly stage: number | null
  readonly root: PlanNode
  /** EQL: where compiled functions record evaluation errors (a failed search) */
  readonly faults?: FaultSink
}

/** What every explainer exposes to near misses and coverage. */
export interface Explainable {
  readonly source: string
  readonly plans: readonly FilterPlan[]
}

/** A plan node evaluated for one scope (the event, or one object of a nested array). */
export interface Evaluated {
  readonly node: PlanNode
  readonly value: TraceValue
  readonly scope: unknown
  readonly children: readonly Evaluated[]
  /** a search fault recorded while testing this leaf */
  readonly fault?: string
  /** nested: which object the child was evaluated against, and how many there were */
  readonly object?: { readonly index: number; readonly count: number }
}

/** Evaluates every node of a plan for one scope. Never throws on user data (closures do not). */
export function evaluate(node: PlanNode, scope: unknown, faults?: FaultSink): Evaluated {
  if (faults !== undefined) faults.fault = null
  const holds = node.test(scope)
  const fault = faults?.fault ?? null
  if (faults !== undefined) faults.fault = null
  switch (node.combine) {
    case 'leaf': {
      const value: TraceValue = holds ? true : node.folded || lacksField(node, scope) ? null : false
      return fault === null ? { node, value, scope, children: [] } : { node, value, scope, children: [], fault: fault.message }
    }
    case 'and':
    case 'or': {
      const children = node.children.map((c) => evaluate(c, scope, faults))
      let value: TraceValue = true
      if (!holds) {
        if (node.combine === 'and') value = children.some((c) => c.value === false) ? false : null
        else value = children.some((c) => c.value === null) ? null : false
      }
      return { node, value, scope, children }
    }
    case 'not': {
      const children = node.children.map((c) => evaluate(c, scope, faults))
      const value: TraceValue = holds ? true : children[0]?.value === true ? false : null
      return { node, value, scope, children }
    }
    case 'nested': {
      const objects = node.objects?.(scope) ?? []
      const inner = node.children[0]
      if (inner === undefined) return { node, value: holds, scope, children: [] }
      // show the first object that satisfies the inner query, else the first object
      let chosen = objects.findIndex((o) => inner.test(o))
      if (chosen < 0) chosen = 0
      const object = objects[chosen]
      const children = [evaluate(inner, object, faults)]
      const value: TraceValue = holds ? true : objects.length === 0 ? null : false
      return { node, value, scope, children, object: { index: objects.length === 0 ? -1 : chosen, count: objects.length } }
    }
  }
}

/** Whether a field the leaf reads has no indexed value in the scope. */
function lacksField(node: PlanNode, scope: unknown): boolean {
  for (const f of node.fields) if (!hasIndexedValue(f, scope)) return true
  return false
}

function hasIndexedValue(f: FieldProbe, scope: unknown): boolean {
  for (const raw of rawValues(f.read(scope))) if (f.index(raw) !== undefined) return true
  return false
}

/** A getter's answer as a list: undefined -> [], a scalar -> [it], an array as is. */
export function rawValues(read: unknown): readonly unknown[] {
  if (read === undefined) return []
  return Array.isArray(read) ? (read as unknown[]) : [read]
}

/**
 * The clause that decided a node's value, found by walking down from it:
 * - an `and` (or an EQL filter: category and condition) that does not hold: its first conjunct in
 *   source order that does not hold, and on down from there;
 * - an `or` that holds: its first disjunct in source order that holds, and on down;
 * - a `not`: what decided its operand (the operand's value, inverted, is the not's value);
 * - a nested group: what decided its inner query for the object shown;
 * - an EQL filter that holds: what decided its condition;
 * - an `and` that holds, an `or` that does not: the node itself, since every child counted;
 * - a leaf: itself.
 */
export function decidingNode(e: Evaluated): Evaluated {
  switch (e.node.combine) {
    case 'leaf':
      return e
    case 'and': {
      // a filter that holds: its condition decides (the category test is only a prerequisite)
      if (e.value === true && e.node.kind === 'filter') {
        const condition = e.children[e.children.length - 1]
        return condition === undefined ? e : decidingNode(condition)
      }
      if (e.value === true) return e
      const c = e.children.find((x) => x.value !== true)
      return c === undefined ? e : decidingNode(c)
    }
    case 'or': {
      if (e.value !== true) return e
      const c = e.children.find((x) => x.value === true)
      return c === undefined ? e : decidingNode(c)
    }
    case 'not':
    case 'nested': {
      const c = e.children[0]
      return c === undefined || (e.node.combine === 'nested' && e.object?.index === -1) ? e : decidingNode(c)
    }
  }
}

/** The conjuncts of a node: flattened through `and` (an EQL filter counts as an and). */
export function conjunctsOf(e: Evaluated): Evaluated[] {
  if (e.node.combine !== 'and') return [e]
  return e.children.flatMap(conjunctsOf)
}

export interface ScanOptions {
  /** polled every 1,024 events; returning true ends the scan early (results then cover fewer events) */
  readonly shouldStop?: () => boolean
  /**
   * Only events `from` .. `to - 1` are scanned (default: all), indexes staying those of `events`:
   * a worker splits a long scan into slices, answering runs in between (src/worker/scheduler.ts).
   */
  readonly from?: number
  readonly to?: number
}

/**
 * Calls `fn` for every event as a run scans them: field reads of the top-level event come from the
 * event set's columns (values/prepared-events.ts), which the worker's runs have usually filled
 * already, instead of walking each event once per clause.
 */
export function scanEvents(events: readonly unknown[], fn: (event: unknown, index: number) => void, options: ScanOptions = {}): void {
  beginScan(events)
  try {
    const s = scan
    const stop = options.shouldStop
    const from = Math.max(0, options.from ?? 0)
    const to = Math.min(events.length, options.to ?? events.length)
    for (let i = from; i < to; i++) {
      if (stop !== undefined && (i & 1023) === 0 && i > from && stop()) break
      const ev = events[i]
      s.event = ev
      s.index = i
      fn(ev, i)
    }
  } finally {
    endScan()
  }
}
