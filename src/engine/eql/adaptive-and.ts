import { ALWAYS, NEVER, type EventTest } from './compile-leaf'

/** A pure test and a rough static estimate of its cost (1: one field compared to a constant). */
export interface Conjunct {
  readonly test: EventTest
  readonly cost: number
}

/**
 * A conjunction of side-effect-free tests, evaluated in an order learnt from the data.
 *
 * Why: on real event sets the cost of a filter is mostly memory traffic (every field read touches
 * objects spread over a large heap), so the fields read per event matter more than anything else.
 * Rules list their conditions in the order an analyst thinks of them (`host.os.type == "macos"`
 * first, the rare `process.name == "defaults"` later), and Elasticsearch does not evaluate a bool
 * query in the written order either. Testing first the condition that most often fails makes most
 * events cost one field read.
 *
 * Only for pure tests (plain field comparisons: no function or arithmetic that could record a
 * search fault), so the order can change which tests run but never the answer. The caller keeps
 * the written order for everything else (hits, faults, printing).
 *
 * Bookkeeping is one counter per call and one per failure; the order is revised every
 * REORDER_EVERY calls, so a stable data set settles on one order and a drifting one (a timeline
 * whose event mix changes) follows it. Tests are ranked by conditional failure rate (failures at
 * a position divided by the calls that reached it) over static cost, the classic order for
 * independent filters, in steps of 1/STEPS; near ties keep the written order, since the static
 * cost cannot see arrays and a rule's author tends to write the cheap, telling condition
 * (`process.name == "x"`) before the costly one (`process.args == "y"`, which compares every
 * argument). Rates from 1 - 1/STEPS up tie too: a test measured behind another one only sees the
 * events that passed it, which can make a later test look like a perfect filter.
 */
const REORDER_EVERY = 4096
const STEPS = 16

export function adaptiveAnd(conjuncts: readonly Conjunct[]): EventTest {
  const kept = conjuncts.filter((c) => c.test !== ALWAYS)
  if (kept.some((c) => c.test === NEVER)) return NEVER
  const first = kept[0]
  if (first === undefined) return ALWAYS
  if (kept.length === 1) return first.test
  const n = kept.length
  const costs = kept.map((c) => Math.max(1, c.cost))
  let order: EventTest[] = kept.map((c) => c.test)
  let written: number[] = kept.map((_, i) => i)
  const fails: number[] = new Array<number>(n).fill(0)
  let calls = 0

  const reorder = (): void => {
    // the tests some call reached form a prefix; the others (behind a test that failed every
    // time) keep their place, nothing being known about them
    let reaching = calls
    const rated: { test: EventTest; rate: number; w: number }[] = []
    for (let at = 0; at < n && reaching > 0; at++) {
      const failed = fails[at] ?? 0
      const w = written[at] ?? 0
      rated.push({ test: order[at] as EventTest, rate: Math.min(STEPS - 1, Math.floor((failed / reaching / (costs[w] ?? 1)) * STEPS)), w })
      reaching -= failed
    }
    rated.sort((a, b) => b.rate - a.rate || a.w - b.w)
    order = [...rated.map((r) => r.test), ...order.slice(rated.length)]
    written = [...rated.map((r) => r.w), ...written.slice(rated.length)]
    fails.fill(0)
    calls = 0
  }

  return (event) => {
    if (calls >= REORDER_EVERY) reorder()
    calls++
    const o = order
    for (let i = 0; i < n; i++) {
      if (!(o[i] as EventTest)(event)) {
        fails[i] = (fails[i] as number) + 1
        return false
      }
    }
    return true
  }
}
