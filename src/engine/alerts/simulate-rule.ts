/**
 * The whole alert simulation of one rule over the loaded events (README.md, "Alert documents and
 * the pipeline"):
 *
 *   rule params -> query compiled once -> exception items and filters: one "never seen" mask ->
 *   event times -> executions over the events' time range -> per execution the rule type over the
 *   window -> simulateSchedule (dedup across overlapping windows, max_signals) -> alert documents
 *
 * Exceptions and filters do not depend on the window, so they are evaluated once per event; each
 * window then only ORs "outside the window" into one reused mask buffer. KQL and the KQL-based
 * types (threshold, new_terms) run the query once and intersect with the window (a KQL match does
 * not depend on other events); EQL runs per window, as a sequence or `size` depends on what the
 * search sees. Never throws.
 */
import type { Diagnostic } from '../diagnostics/diagnostic'
import { compileEql } from '../eql/compile-eql'
import type { EqlProgram } from '../eql/program'
import { runEql } from '../eql/run-eql'
import { eqlSettings } from '../eql/settings'
import { compileExceptions } from '../exceptions/compile-exceptions'
import { compileKql } from '../kql/compile-kql'
import type { KqlProgram } from '../kql/program'
import { runKql } from '../kql/run-kql'
import type { RunOutput } from '../result'
import { span } from '../source/span'
import { beginScan, endScan, scan } from '../values/prepared-events'
import { detectionsFromResult } from './detect-events'
import { detectNewTerms } from './detect-new-terms'
import { detectThreshold, thresholdHistoryAfter, type ThresholdHistory } from './detect-threshold'
import { compileRuleFilters } from './rule-filters'
import { ruleParams, type RuleTypeParams } from './rule-params'
import { ruleFieldProblems } from './rule-params-fields'
import { eventTimes, timeRangeOf } from './schedule-event-times'
import { scheduleExecutions } from './schedule-executions'
import { simulateSchedule } from './simulate-schedule'
import { alertsOf, matchedIndexes, writtenByRun } from './simulate-rule-alerts'
import { EMPTY_TOTALS, SIMULATE_CODES as C, ruleSchedule, type RuleSimulation, type SimulateRuleInput, type SimulatedRuleType } from './simulate-rule-types'
import type { Detection, Execution } from './types'

const problem = (code: string, severity: Diagnostic['severity'], message: string): Diagnostic => ({ code, severity, message, span: span(0, 0) })
const coded = (def: { code: string; severity: Diagnostic['severity'] }, message: string): Diagnostic => problem(def.code, def.severity, message)

/** Simulates what the detection engine would raise for the rule over the events. Never throws. */
export function simulateRule(input: SimulateRuleInput): RuleSimulation {
  const schedule = ruleSchedule(input.rule)
  try {
    return simulate(input)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    return { ruleType: null, schedule, executions: [], alerts: [], totals: EMPTY_TOTALS, stopped: false, diagnostics: [coded(C.internal, `Internal error in the alert simulation (a bug, not a problem with the rule): ${message}`)] }
  }
}

function paramsOf(input: SimulateRuleInput): { params: RuleTypeParams; diagnostics: readonly Diagnostic[] } {
  if (input.rule === null) {
    const type = input.language === 'eql' ? 'eql' : 'query'
    return { params: { type, language: input.language === 'eql' ? 'eql' : 'kuery', filters: [], buildingBlock: false }, diagnostics: [] }
  }
  return ruleParams(input.rule)
}

function simulate(input: SimulateRuleInput): RuleSimulation {
  const { events, schema } = input
  const schedule = ruleSchedule(input.rule)
  const diagnostics: Diagnostic[] = []
  const { params, diagnostics: paramDiagnostics } = paramsOf(input)
  diagnostics.push(...paramDiagnostics)
  const none = (): RuleSimulation => ({ ruleType: null, schedule, executions: [], alerts: [], totals: EMPTY_TOTALS, diagnostics, stopped: false })
  if (params.type === 'unsupported') return none()
  const ruleType: SimulatedRuleType = params.type
  // aggregation fields the schema maps as text fail the threshold / new_terms search as a whole
  const fieldProblems = ruleFieldProblems(params, schema)
  diagnostics.push(...fieldProblems)
  if (fieldProblems.some((d) => d.severity === 'error')) return { ...none(), ruleType }
  const isEql = ruleType === 'eql'
  if (isEql !== (input.language === 'eql')) {
    diagnostics.push(coded(C.languageMismatch, `a ${ruleType} rule's query is ${isEql ? 'EQL' : 'KQL'}, but the query is ${input.language === 'eql' ? 'EQL' : 'KQL'}`))
    return none()
  }

  // ---- the query, compiled once. EQL asks for size = max_signals, as the rule's EQL search does
  const rule = input.rule
  let eqlProgram: EqlProgram | null = null
  let kqlProgram: KqlProgram | null = null
  // the same query without size: what the search would have returned past max_signals (drops)
  let uncapped: () => EqlProgram | null = () => null
  if (isEql) {
    const settings = eqlSettings({
      ...input.settings,
      ...(rule?.eventCategoryOverride ? { eventCategoryField: rule.eventCategoryOverride } : {}),
      ...(rule?.timestampField ? { timestampField: rule.timestampField } : {}),
      ...(rule?.tiebreakerField ? { tiebreakerField: rule.tiebreakerField } : {}),
      size: schedule.maxSignals,
    })
    const compiled = compileEql(input.query, { schema, settings })
    diagnostics.push(...compiled.diagnostics)
    eqlProgram = compiled.program
    let cached: EqlProgram | null | undefined
    uncapped = () => (cached ??= compileEql(input.query, { schema, settings: { ...settings, size: null } }).program)
  } else {
    const compiled = compileKql(input.query, { schema, settings: { dateFormatTZ: 'UTC', ...(input.anchor !== undefined ? { now: input.anchor } : {}) } })
    diagnostics.push(...compiled.diagnostics)
    kqlProgram = compiled.program
  }
  if (eqlProgram === null && kqlProgram === null) return { ...none(), ruleType }

  // ---- what no run ever sees: excepted events and events the filters leave out
  const hidden = new Uint8Array(events.length)
  const counts = hiddenMask(input, params.filters, hidden, diagnostics)
  if (counts === null) return { ...none(), ruleType }

  const times = eventTimes(events, schedule)
  const range = timeRangeOf(times)
  const planned = scheduleExecutions(schedule, range ?? { from: NaN, to: NaN }, input.anchor !== undefined ? { anchor: input.anchor } : {})
  diagnostics.push(...planned.diagnostics)

  let stopped = false
  const shouldStop = (): boolean => {
    if (!stopped && input.shouldStop?.() === true) stopped = true
    return stopped
  }
  const runDiagnostics = new Map<string, Diagnostic>()
  const keep = (out: RunOutput): RunOutput => {
    for (const d of out.diagnostics) runDiagnostics.set(`${d.code}:${d.message}`, d)
    return out
  }
  // KQL-based types: the query's matches over every event but the hidden ones, once
  const kqlMatched = kqlProgram === null ? [] : matchedIndexes(keep(runKql(kqlProgram, events, { excluded: hidden, shouldStop })).result)
  const byTime = Uint32Array.from(kqlMatched.filter((i) => !Number.isNaN(times[i] ?? Number.NaN)).sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0) || a - b))
  const excluded = new Uint8Array(events.length)
  let history: ThresholdHistory | undefined
  const written = new Set<string>()
  const searchDrops = new Map<number, Detection[]>()
  const beyondSize = (kept: readonly Detection[], program: EqlProgram | null, mask: Uint8Array): Detection[] => {
    if (program === null) return []
    const all = runEql(program, events, { excluded: mask, shouldStop }).result
    const keys = new Set(kept.map((d) => d.key))
    return all === null ? [] : detectionsFromResult(all, times).filter((d) => !keys.has(d.key))
  }

  const detect = (inWindow: Uint8Array, execution: Execution): readonly Detection[] => {
    if (shouldStop()) return []
    const window = { from: execution.windowFrom, to: execution.windowTo }
    if (params.type === 'eql' && eqlProgram !== null) {
      for (let i = 0; i < events.length; i++) excluded[i] = hidden[i] === 1 || inWindow[i] !== 1 ? 1 : 0
      const out = keep(runEql(eqlProgram, events, { excluded, shouldStop }))
      const found = out.result === null ? [] : detectionsFromResult(out.result, times)
      if (found.length >= schedule.maxSignals) searchDrops.set(execution.index, beyondSize(found, uncapped(), excluded))
      return found
    }
    if (params.type === 'threshold') {
      const found = detectThreshold(params.threshold, kqlMatched, events, times, window, { schema, ...(history !== undefined ? { history } : {}) })
      // the signal history holds the groups this run WRITES: replay the schedule's own choice
      history = thresholdHistoryAfter(history, writtenByRun(found, written, schedule.maxSignals))
      return found
    }
    if (params.type === 'new_terms') {
      // the history start is evaluated by the detector, with now = the window's end as the engine does
      return detectNewTerms(params.newTerms, kqlMatched, events, times, { runAt: execution.runAt, windowFrom: execution.windowFrom, windowTo: execution.windowTo }, { schema })
    }
    // query: the matches in the window, found by binary search over the matches by time
    const out: Detection[] = []
    for (let p = firstAtOrAfter(byTime, times, window.from); p < byTime.length; p++) {
      const i = byTime[p] as number
      const t = times[i] ?? Number.NaN
      if (t > window.to) break
      if (inWindow[i] === 1) out.push({ key: `e:${i}`, eventIndexes: [i], time: t })
    }
    return out
  }

  const sim = simulateSchedule({ schedule, times, executions: planned.executions, detect, capMode: isEql ? 'search-hits' : 'new-alerts', shouldStop })
  diagnostics.push(...sim.diagnostics, ...runDiagnostics.values())
  if (stopped) diagnostics.push(coded(C.stopped, 'The alert simulation was stopped before it finished: the executions and alerts shown are partial.'))
  const { executions, alerts, documents, totals } = alertsOf(sim.executions, { rule, events, ruleType, searchDrops }, sim.totals)
  return { ruleType, schedule, executions, alerts, totals: { ...totals, documents, excepted: counts.excepted, filteredOut: counts.filteredOut }, diagnostics, stopped }
}

/**
 * Marks in `hidden` the events an exception item takes out or the rule's filters leave out (one
 * pass, reading the events' columns as a run does). Null when an item or a filter makes the rule's
 * search fail: Elasticsearch would refuse it, so the rule raises nothing.
 */
function hiddenMask(input: SimulateRuleInput, filters: readonly unknown[], hidden: Uint8Array, diagnostics: Diagnostic[]): { excepted: number; filteredOut: number } | null {
  const { events, schema } = input
  const items = input.exceptions ?? []
  const exceptions = items.length > 0 ? compileExceptions(items, { schema }) : null
  let fails = false
  for (const p of exceptions?.problems ?? []) {
    diagnostics.push(problem(p.code, p.severity, `exception item ${p.item + 1}${p.entry === undefined ? '' : `, entry ${p.entry + 1}`}: ${p.message}`))
    if (p.severity === 'error') fails = true
  }
  const compiledFilters = compileRuleFilters(filters, { schema, ...(input.anchor !== undefined ? { now: input.anchor } : {}) })
  for (const p of compiledFilters.problems) {
    diagnostics.push(problem(p.code, p.severity, `filter ${p.filter + 1}: ${p.message}`))
    if (p.severity === 'error') fails = true
  }
  if (fails) return null
  const test = compiledFilters.test
  let excepted = 0
  let filteredOut = 0
  if (exceptions === null && test === null) return { excepted, filteredOut }
  beginScan(events)
  try {
    for (let i = 0; i < events.length; i++) {
      const ev = events[i]
      scan.event = ev
      scan.index = i
      if (exceptions !== null && exceptions.itemOf(ev) >= 0) {
        hidden[i] = 1
        excepted++
      } else if (test !== null && !test(ev)) {
        hidden[i] = 1
        filteredOut++
      }
    }
  } finally {
    endScan()
  }
  return { excepted, filteredOut }
}

/** The first position in `sorted` (event indexes by time) whose time is >= t. */
function firstAtOrAfter(sorted: Uint32Array, times: Float64Array, t: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((times[sorted[mid] as number] ?? Number.NaN) < t) lo = mid + 1
    else hi = mid
  }
  return lo
}
