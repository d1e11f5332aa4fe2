import { conjunctsOf, decidingNode, evaluate, scanEvents, type Evaluated, type Explainable, type ScanOptions } from './plan'
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
      const root = evaluate(plan.root, event, plan.faults)
      if (root.value === true) return
      const conjuncts = conjunctsOf(root)
      if (conjuncts.length < 2) return
      let failing: Evaluated | undefined
      for (const c of conjuncts) {
        if (c.value === true) continue
        if (failing !== undefined) return
        failing = c
      }
      if (failing === undefined) return
      out.push({
        index,
        filter: plan.label,
        stage: plan.stage,
        clause: refOf(failing, explainer.source),
        leaf: refOf(decidingNode(failing), explainer.source),
      })
    }, options)
  }
  return out
}
