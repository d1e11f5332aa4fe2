import {
  compileExplainEql,
  compileExplainKql,
  sequenceVerdicts,
  type Diagnostic,
  type EqlExplainer,
  type EqlSettings,
  type FilterExplanation,
  type KqlExplainer,
  type Schema,
  type SequenceVerdicts,
  type StageExplanation,
  type TraceNode,
} from '../engine'
import type { Dataset } from './dataset'
import type { ExplainRequest, ExplainReport, RunSettings } from './protocol'
import type { EventExplanation, ExplainedFilter, ExplainedStage } from './protocol-explain'

/**
 * The worker's `explain` request: the evaluation tree of the query for one loaded event, as
 * src/engine/explain builds it, turned into plain data (the deciding clause as a path).
 *
 * Selecting events one after another asks about the same query each time, so the compiled explainer
 * (and, for sequences, the verdicts, which re-run the sequence matcher over the whole event set a
 * few times) is kept per dataset for the last query and settings. A new dataset drops it with the
 * dataset itself (a WeakMap key).
 */

/** The sequence verdicts stop after this long: the stage trees alone are still an answer. */
export const VERDICT_BUDGET_MS = 3000

interface Cached {
  readonly key: string
  readonly explainer: EqlExplainer | KqlExplainer | null
  readonly diagnostics: readonly Diagnostic[]
  /** undefined: not computed yet; null: not a sequence/sample, or it could not be computed */
  verdicts?: SequenceVerdicts | null
}

const cache = new WeakMap<Dataset, Cached>()

/** Explains event `req.eventIndex` of `dataset` (the caller checked the dataset version). Never throws on user input. */
export function explainEvent(req: ExplainRequest, dataset: Dataset, schema: Schema): ExplainReport {
  const cached = explainerFor(req, dataset, schema)
  const base = { query: req.query, language: req.language, eventsVersion: dataset.version, eventIndex: req.eventIndex, diagnostics: cached.diagnostics }
  const event = Number.isInteger(req.eventIndex) && req.eventIndex >= 0 ? dataset.events[req.eventIndex] : undefined
  const { explainer } = cached
  if (explainer === null || event === undefined) return { ...base, explanation: null }
  if (explainer.language === 'kql') return { ...base, explanation: { kind: 'kql', ...filterOf(explainer.explain(event)) } }
  const e = explainer.explain(event)
  if (e.kind === 'event') return { ...base, explanation: { kind: 'event', returned: e.returned, timestamp: e.timestamp, ...filterOf(e) } }
  cached.verdicts ??= verdictsOf(explainer, dataset.events)
  const explanation: EventExplanation = {
    kind: e.kind,
    stages: e.stages.map(stageOf),
    until: e.until === null ? null : stageOf(e.until),
    timestamp: e.timestamp,
    note: e.note,
    verdict: cached.verdicts === null ? null : cached.verdicts.verdict(req.eventIndex),
  }
  return { ...base, explanation }
}

function explainerFor(req: ExplainRequest, dataset: Dataset, schema: Schema): Cached {
  const key = JSON.stringify([req.language, req.query, req.settings])
  const hit = cache.get(dataset)
  if (hit && hit.key === key) return hit
  let made: Cached
  if (req.language === 'kql') {
    const { explainer, diagnostics } = compileExplainKql(req.query, { schema, settings: req.settings.kql ?? {} })
    // constant_keyword fields take the event set's first value, as runKql binds them for a run
    explainer?.bindEvents(dataset.events)
    made = { key, explainer, diagnostics }
  } else {
    const { explainer, diagnostics } = compileExplainEql(req.query, { schema, settings: eqlOnly(req.settings) })
    made = { key, explainer, diagnostics }
  }
  cache.set(dataset, made)
  return made
}

function verdictsOf(explainer: EqlExplainer, events: readonly unknown[]): SequenceVerdicts | null {
  const deadline = Date.now() + VERDICT_BUDGET_MS
  let stopped = false
  const verdicts = sequenceVerdicts(explainer, events, { shouldStop: () => (stopped ||= Date.now() > deadline) })
  // A run cut short would name blockers that are not there: better no verdict than a wrong one.
  return stopped ? null : verdicts
}

/** The run's EQL settings (KQL's and the mappings are not EQL's), as the run request reads them. */
function eqlOnly(settings: RunSettings): Partial<EqlSettings> {
  const { kql: _kql, mappings: _mappings, ...eql } = settings
  return eql
}

function stageOf(s: StageExplanation): ExplainedStage {
  const { stage, until, missing, runs, span, text, keys, joinable, fills } = s
  return { stage, until, missing, runs, span, text, keys, joinable, fills, ...filterOf(s) }
}

function filterOf(f: FilterExplanation): ExplainedFilter {
  // the tree is plain data already; posting the reply clones it
  return { tree: f.tree, outcome: f.outcome, decidingPath: decidingPathOf(f), decidingSpan: f.decidingSpan }
}

/** The path to the deciding node; by its span when it is not the tree's own object (defensive). */
function decidingPathOf(f: FilterExplanation): number[] {
  const d = f.deciding
  return pathTo(f.tree, (n) => n === d) ?? pathTo(f.tree, (n) => n.span.start === d.span.start && n.span.end === d.span.end && n.kind === d.kind) ?? []
}

/** Child indexes from `root` to the first node (depth first) that `is`, or null when there is none. */
export function pathTo(root: TraceNode, is: (n: TraceNode) => boolean): number[] | null {
  if (is(root)) return []
  for (let i = 0; i < root.children.length; i++) {
    const child = root.children[i]
    const rest = child === undefined ? null : pathTo(child, is)
    if (rest !== null) return [i, ...rest]
  }
  return null
}
