import type { Span } from '../source/span'
import type { EqlExplainer } from './eql-explain'
import type { KqlExplainer } from './kql-explain'
import { conjunctsOf, decidingNode, evaluate, rawValues, scanEvents, type Evaluated, type FilterPlan, type PlanNode, type ScanOptions } from './plan'
import { refOf, textOf } from './trace'
import type { ClauseRef } from './types'

/**
 * "Matched but excluded by the query": an event for which every positive condition of a filter
 * holds but one or more of its negated conjuncts (`not ...`, `!=`, `not in`) do not, because the
 * thing they negate matched the event. The query's exclusions (the JAMF list of the Login/Logout
 * Hook rule) are exactly such conjuncts, so this names which exclusion took the event out, and
 * inside it the list element or leaf that fired and the value the event had.
 *
 * Every value comes from the matcher's own closures (the explain plan), never a second opinion.
 *
 * Definitions, per filter (an EQL event query or KQL query: the query; a sequence or sample: each
 * stage, `until` left out):
 * - the conjuncts are the filter's `and` flattened (the EQL category test is one, positive);
 * - a conjunct is *negative* when it is a `not` or a leaf written negated (`!=`, `not in`);
 * - the event is *excluded* when the filter rejects it, every positive conjunct holds, and every
 *   conjunct that does not hold is negative with the value `false` (what it negates matched).
 *   A negated clause that is `null` (e.g. `x != 1` without `x`) is not an exclusion: the event
 *   fails for the missing field, and would fail without the clause too.
 * - for an EQL event query the event must also have a usable timestamp (else it could never be
 *   returned, exclusion or not).
 * All failing negative conjuncts are reported, in source order.
 */

/** One exclusion that took an event out of one filter. */
export interface Exclusion {
  /** which filter: `query`, or `stage N` of a sequence or sample */
  readonly filter: string
  /** 0-based stage index (null for an event query or KQL) */
  readonly stage: number | null
  /** the negated conjunct, as written (e.g. `not process.args : (...)`) */
  readonly clause: ClauseRef
  /** what fired inside it: the list element or leaf its negated condition matched */
  readonly leaf: { readonly span: Span; readonly text: string }
  /** the field the firing leaf read (null when it reads none or several) */
  readonly field: string | null
  /** the event's values of `field` that made it fire (all of its values when that cannot be told) */
  readonly values: readonly unknown[]
}

/** An event excluded by the query, with every exclusion that took it out. */
export interface ExcludedEvent {
  readonly index: number
  readonly exclusions: readonly Exclusion[]
}

/** Either language's explainer (exclusions need the EQL program's timestamp reader). */
export type Explainer = EqlExplainer | KqlExplainer

/** The exclusions that take one event out of the query (empty: matched, or no match for another reason). */
export function exclusionsOf(explainer: Explainer, event: unknown): Exclusion[] {
  const out: Exclusion[] = []
  if (!returnable(explainer, event)) return out
  for (const plan of filterPlans(explainer)) out.push(...planExclusions(plan, event, explainer.source))
  return out
}

/**
 * Every event the query excludes, in input order. For sequences and samples an event is listed
 * for each stage that excludes it (whether or not it is part of a sequence through another
 * stage: the caller knows the matches). `options.shouldStop` can end the scan early.
 */
export function excludedEvents(explainer: Explainer, events: readonly unknown[], options: ScanOptions = {}): ExcludedEvent[] {
  const out: ExcludedEvent[] = []
  const plans = filterPlans(explainer)
  scanEvents(
    events,
    (event, index) => {
      const exclusions: Exclusion[] = []
      for (const plan of plans) exclusions.push(...planExclusions(plan, event, explainer.source))
      if (exclusions.length > 0 && returnable(explainer, event)) out.push({ index, exclusions })
    },
    options,
  )
  return out
}

function filterPlans(explainer: Explainer): readonly FilterPlan[] {
  return explainer.plans.filter((p) => p.label !== 'until')
}

/** An EQL event query returns only events with a usable timestamp. */
export function returnable(explainer: Explainer, event: unknown): boolean {
  if (explainer.language !== 'eql' || explainer.kind !== 'event') return true
  return explainer.program.ordering.timestamp(event) !== undefined
}

function planExclusions(plan: FilterPlan, event: unknown, source: string): Exclusion[] {
  return exclusionsOfEvaluated(evaluate(plan.root, event, plan.faults), plan, source)
}

/** The exclusions of one filter, from its tree already evaluated for the event (see the definitions above). */
export function exclusionsOfEvaluated(root: Evaluated, plan: FilterPlan, source: string): Exclusion[] {
  if (root.value === true) return []
  const failing: Evaluated[] = []
  for (const c of conjunctsOf(root)) {
    if (c.value === true) continue
    if (!isNegative(c.node) || c.value !== false) return []
    failing.push(c)
  }
  return failing.map((c) => exclusionOf(c, plan, source))
}

function isNegative(node: PlanNode): boolean {
  return node.combine === 'not' || (node.combine === 'leaf' && node.negated === true)
}

function exclusionOf(c: Evaluated, plan: FilterPlan, source: string): Exclusion {
  // a `not`: what decided its operand (a true leaf, or an or's first true disjunct); a negated leaf: itself
  const fired = c.node.combine === 'not' ? decidingNode(c) : c
  const element = fired.node.elements?.find((el) => el.test(fired.scope))
  const leafSpan = element?.span ?? refOf(fired, source).span
  const probe = fired.node.fields.length === 1 ? fired.node.fields[0] : undefined
  let values: readonly unknown[] = []
  if (probe !== undefined) {
    const all = rawValues(probe.read(fired.scope))
    // The value that fired: the one that alone satisfies the element (or leaf) in an event holding
    // only it; tests on the field alone, so conditions over other fields keep every value.
    const test = element?.test ?? (fired.node.negated === true ? undefined : fired.node.test)
    const firing = test === undefined ? [] : all.filter((v) => safeTest(test, { [probe.field]: v }))
    values = firing.length > 0 ? firing : all
  }
  return {
    filter: plan.label,
    stage: plan.stage,
    clause: refOf(c, source),
    leaf: { span: leafSpan, text: textOf(source, leafSpan) },
    field: probe?.field ?? null,
    values,
  }
}

/** Compiled tests do not throw on user data; a synthetic one-field event is guarded all the same. */
function safeTest(test: (scope: unknown) => boolean, scope: unknown): boolean {
  try {
    return test(scope)
  } catch {
    return false
  }
}
