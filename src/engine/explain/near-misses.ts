import { conjunctsOf, decidingNode, evaluate, scanEvents, type Evaluated, type Explainable, type FilterPlan, type ScanOptions } from './plan'
import { refOf } from './trace'
import type { ClauseRef } from './types'

/** An event that fails one filter by exactly one of its conjuncts. */
export interface NearMiss {
  /** the event's index in the events given */
  readonly index: number
  /** which filter: `query`, or `stage N` / `until` of a sequence or sample */
  readonly filter: string
  /** 0-based stage index (null for an event query or KQL) */
  readonly stage: number | null
  /** the one conjunct that does not hold */
  readonly clause: ClauseRef
  /** the leaf inside it that decided it (the clause itself when it is a leaf, or a false `or`) */
  readonly leaf: ClauseRef
}

/**
 * Near misses: events a filter rejects although every conjunct but one holds. The conjuncts are
 * the filter's `and` flattened (for EQL the category test is one of them), so in
 * `process where a and (b or c)` an event of another category with a, b true, or a process event
 * with a true and b, c false, is a near miss; the failing conjunct is listed with the leaf that
 * decided it (see decidingNode). A filter with a single conjunct has no near misses (every
 * rejected event would be one). For sequences and samples each stage is a filter of its own.
 * Events come in input order, per filter in plan order. `options.shouldStop` can end the scan early.
 */
export function nearMisses(explainer: Explainable, events: readonly unknown[], options: ScanOptions = {}): NearMiss[] {
  const out: NearMiss[] = []
  for (const plan of explainer.plans) {
    scanEvents(events, (event, index) => {
      const miss = nearMissOf(evaluate(plan.root, event, plan.faults), index, plan, explainer.source)
      if (miss !== null) out.push(miss)
    }, options)
  }
  return out
}

/** The near miss of one filter's tree evaluated for event `index`, or null when it is none. */
export function nearMissOf(root: Evaluated, index: number, plan: FilterPlan, source: string): NearMiss | null {
  if (root.value === true) return null
  const conjuncts = conjunctsOf(root)
  if (conjuncts.length < 2) return null
  let failing: Evaluated | undefined
  for (const c of conjuncts) {
    if (c.value === true) continue
    if (failing !== undefined) return null
    failing = c
  }
  if (failing === undefined) return null
  return {
    index,
    filter: plan.label,
    stage: plan.stage,
    clause: refOf(failing, source),
    leaf: refOf(decidingNode(failing), source),
  }
}
