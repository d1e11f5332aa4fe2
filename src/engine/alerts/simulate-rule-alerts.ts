/**
 * The pipeline's last steps (simulate-rule.ts): the schedule's outcomes turned into alert
 * documents and execution summaries, plus two small helpers of the rule types.
 */
import type { RuleDocument } from '../rules/rule-document'
import type { RunResult } from '../result'
import { buildAlerts } from './alert-document'
import type { SimulatedAlert, SimulatedExecution, SimulatedRuleType } from './simulate-rule-types'
import type { Detection, ExecutionOutcome, ScheduleSimulationTotals } from './types'

/** Every event index a run matched (events; sequences and samples: their events), ascending. */
export function matchedIndexes(result: RunResult | null): number[] {
  if (result === null) return []
  if (result.kind === 'events') return result.events.map((e) => e.index).sort((a, b) => a - b)
  const out = new Set<number>()
  for (const g of result.kind === 'sequences' ? result.sequences : result.samples) {
    for (const e of g.events) if (!('missing' in e)) out.add(e.index)
  }
  return [...out].sort((a, b) => a - b)
}

/**
 * The detections one run of a 'new-alerts' rule type writes, as simulateSchedule decides it
 * (oldest first, keys not written before, at most maxSignals), recorded in `written`. Rule types
 * whose next run depends on what was written (threshold's signal history) need it before the
 * schedule reports it.
 */
export function writtenByRun(found: readonly Detection[], written: Set<string>, maxSignals: number): Detection[] {
  const cap = Number.isSafeInteger(maxSignals) && maxSignals >= 1 ? maxSignals : 100
  const ordered = found
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (Number.isNaN(a.d.time) ? 1 : 0) - (Number.isNaN(b.d.time) ? 1 : 0) || a.d.time - b.d.time || a.i - b.i)
  const out: Detection[] = []
  for (const { d } of ordered) {
    if (written.has(d.key)) continue
    if (out.length >= cap) break
    written.add(d.key)
    out.push(d)
  }
  return out
}

export interface AlertsOfContext {
  readonly rule: RuleDocument | null
  readonly events: readonly unknown[]
  readonly ruleType: SimulatedRuleType
  /**
   * EQL: per execution, the detections the search left out because it asks for size =
   * max_signals (Elasticsearch keeps the most recent); the schedule never saw them, so they are
   * added to that run's drops here (those an earlier run wrote are not drops)
   */
  readonly searchDrops?: ReadonlyMap<number, readonly Detection[]>
}

/** Alert documents of every written detection, and one summary per execution. */
export function alertsOf(
  outcomes: readonly ExecutionOutcome[],
  ctx: AlertsOfContext,
  totals: ScheduleSimulationTotals,
): { executions: SimulatedExecution[]; alerts: SimulatedAlert[]; documents: number; totals: ScheduleSimulationTotals } {
  const alerts: SimulatedAlert[] = []
  let documents = 0
  const writtenAt = new Map<string, number>()
  for (const o of outcomes) for (const d of o.alerts) if (!writtenAt.has(d.key)) writtenAt.set(d.key, o.execution.index)
  const droppedKeys = new Set<string>()
  let extraDrops = 0
  let extraAtCap = 0
  const executions = outcomes.map((o): SimulatedExecution => {
    const alertIds: string[] = []
    const extra = (ctx.searchDrops?.get(o.execution.index) ?? []).filter((d) => {
      const first = writtenAt.get(d.key)
      return first === undefined || first >= o.execution.index
    })
    const droppedDetections = [...o.dropped, ...extra]
    for (const d of droppedDetections) droppedKeys.add(d.key)
    extraDrops += extra.length
    if (extra.length > 0 && !o.atCap) extraAtCap++
    for (const detection of o.alerts) {
      const docs = buildAlerts({ detection, rule: ctx.rule, events: ctx.events, execution: { runAt: o.execution.runAt }, ruleType: ctx.ruleType })
      const document = docs[docs.length - 1] ?? {}
      const id = String(document['kibana.alert.uuid'] ?? detection.key)
      documents += docs.length
      alertIds.push(id)
      alerts.push({ id, execution: o.execution.index, detection, document, buildingBlocks: docs.slice(0, -1) })
    }
    return {
      index: o.execution.index,
      runAt: o.execution.runAt,
      windowFrom: o.execution.windowFrom,
      windowTo: o.execution.windowTo,
      eventsInWindow: o.eventsInWindow,
      alerts: o.alerts.length,
      duplicates: o.duplicates.length,
      dropped: droppedDetections.length,
      atCap: o.atCap || extra.length > 0,
      alertIds,
      duplicateDetections: o.duplicates,
      droppedDetections,
    }
  })
  let neverWritten = 0
  for (const key of droppedKeys) if (!writtenAt.has(key)) neverWritten++
  const adjusted = { ...totals, dropped: totals.dropped + extraDrops, executionsAtCap: totals.executionsAtCap + extraAtCap, neverWritten }
  return { executions, alerts, documents, totals: adjusted }
}
