import { evaluate, scanEvents, type Evaluated, type Explainable, type PlanNode, type ScanOptions } from './plan'
import { nodeSpan, textOf } from './trace'
import type { ClauseRef } from './types'

/** How many events one clause was true, false and null for. */
export interface ClauseCoverage extends ClauseRef {
  /** which filter: `query`, or `stage N` / `until` */
  readonly filter: string
  readonly stage: number | null
  /** nesting depth in the filter's tree (0: the filter itself) */
  readonly depth: number
  readonly trueCount: number
  readonly falseCount: number
  readonly nullCount: number
}

/**
 * Clause coverage: for every clause of every filter (tree order: a node before its children, as
 * written), the number of events it was true, false and null for. Each clause is counted for
 * every event, whether or not the matcher would have reached it, so a clause with trueCount 0 is
 * dead for these events. Clauses inside a KQL nested group count the object the tree shows for
 * the event (the first object satisfying the group, else the first object). When
 * `options.shouldStop` ends the scan early, a row's three counts add up to the events scanned.
 */
export function clauseCoverage(explainer: Explainable, events: readonly unknown[], options: ScanOptions = {}): ClauseCoverage[] {
  const out: ClauseCoverage[] = []
  for (const plan of explainer.plans) {
    const rows = new Map<PlanNode, { t: number; f: number; n: number }>()
    const order: { node: PlanNode; depth: number }[] = []
    const list = (node: PlanNode, depth: number): void => {
      order.push({ node, depth })
      rows.set(node, { t: 0, f: 0, n: 0 })
      for (const c of node.children) list(c, depth + 1)
    }
    list(plan.root, 0)
    const count = (e: Evaluated): void => {
      const row = rows.get(e.node)
      if (row !== undefined) {
        if (e.value === true) row.t++
        else if (e.value === false) row.f++
        else row.n++
      }
      for (const c of e.children) count(c)
    }
    scanEvents(events, (event) => count(evaluate(plan.root, event, plan.faults)), options)
    for (const { node, depth } of order) {
      const row = rows.get(node) ?? { t: 0, f: 0, n: 0 }
      const span = nodeSpan(node, explainer.source)
      out.push({
        kind: node.kind,
        span,
        text: textOf(explainer.source, span),
        filter: plan.label,
        stage: plan.stage,
        depth,
        trueCount: row.t,
        falseCount: row.f,
        nullCount: row.n,
      })
    }
  }
  return out
}
