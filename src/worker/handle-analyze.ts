import {
  clauseCoverage,
  compileExplainEql,
  compileExplainKql,
  nearMissesAndExclusions,
  type Diagnostic,
  type EqlExplainer,
  type EqlSettings,
  type ExcludedEvent,
  type KqlExplainer,
  type Schema,
} from '../engine'
import {
  EXCLUDED_LIMIT,
  NEAR_MISS_LIMIT,
  type Analysis,
  type AnalyzeRequestFields,
  type ClauseCount,
  type ExcludedItem,
  type ExclusionHit,
  type NearMissItem,
} from './protocol-analyze'

/**
 * The worker's answer to `analyze`: clause coverage and near misses of a query over the loaded
 * events, from src/engine/explain. Apart from handle.ts so the dispatcher only gains one `case`;
 * it calls the engine's explain module directly (the worker bundles the whole engine anyway).
 * Never throws on user input: a query that does not compile answers its diagnostics.
 */

/** What the dispatcher gives: its current events and the schema a run of the request would use. */
export interface AnalyzeContext {
  readonly events: readonly unknown[]
  readonly eventsVersion: number
  readonly schema: Schema
  /** clock for the budget; injectable for tests */
  readonly now: () => number
}

/**
 * Events `from` .. `to - 1` only: the worker's scheduler (scheduler.ts) splits a long analysis into
 * slices, so a keystroke's run waits for one slice instead of the whole scan, and merges the
 * slices' answers (mergeAnalyses). Indexes stay those of the whole event set.
 */
export interface AnalyzeRange {
  readonly from: number
  readonly to: number
}

/** An analyze request, optionally for one slice of the events. */
export type AnalyzeSliceRequest = AnalyzeRequestFields & { readonly range?: AnalyzeRange }

/** Computes the analysis; the scans stop at the request's budget like a run does. */
export function analyze(req: AnalyzeSliceRequest, ctx: AnalyzeContext): Analysis {
  const base = { query: req.query, language: req.language, eventsVersion: ctx.eventsVersion, eventCount: ctx.events.length }
  const compiled = compiledFor(req, ctx)
  const explainer = compiled.explainer
  if (explainer === null) {
    return { ...base, diagnostics: compiled.diagnostics, coverage: [], nearMisses: [], nearMissTotal: 0, excluded: [], excludedTotal: 0, stopped: false }
  }
  const deadline = req.budgetMs === undefined ? Infinity : ctx.now() + req.budgetMs
  let stopped = false
  const shouldStop = (): boolean => (stopped ||= ctx.now() > deadline)
  const scan = req.range === undefined ? { shouldStop } : { shouldStop, from: req.range.from, to: req.range.to }
  const coverage = clauseCoverage(explainer, ctx.events, scan).map(
    (c): ClauseCount => ({ kind: c.kind, span: c.span, text: c.text, filter: c.filter, depth: c.depth, trueCount: c.trueCount, falseCount: c.falseCount, nullCount: c.nullCount }),
  )
  // Once the budget is spent the scan would stop at its first poll: skip it outright. Near misses
  // and the query's exclusions read the same evaluated trees: one scan for both.
  const scanned = stopped ? { nearMisses: [], excluded: [] } : nearMissesAndExclusions(explainer, ctx.events, scan)
  const misses = scanned.nearMisses
  const limit = Math.max(0, req.nearMissLimit ?? NEAR_MISS_LIMIT)
  const items = misses.slice(0, limit).map(
    (m): NearMissItem => ({ eventIndex: m.index, filter: m.filter, span: m.clause.span, text: m.clause.text, leafSpan: m.leaf.span, leafText: m.leaf.text }),
  )
  const excluded = scanned.excluded
  const excludedLimit = Math.max(0, req.excludedLimit ?? EXCLUDED_LIMIT)
  return {
    ...base,
    diagnostics: compiled.diagnostics,
    coverage,
    nearMisses: items,
    nearMissTotal: misses.length,
    excluded: excludedItems(excluded.slice(0, excludedLimit)),
    excludedTotal: excluded.length,
    stopped,
  }
}

/** Values shown per exclusion at most: a field with many values is named by the few that fired. */
const VALUES_SHOWN = 5

/**
 * The reply's excluded events. Events excluded alike (the same clause, element and values: most of
 * them, for an exclusion list) share one hit object, which the structured clone to the page sends
 * once, instead of the clause's text once per event.
 */
function excludedItems(events: readonly ExcludedEvent[]): ExcludedItem[] {
  const shared = new Map<string, ExclusionHit>()
  return events.map((e) => ({
    eventIndex: e.index,
    exclusions: e.exclusions.map((x) => {
      const values = x.values.slice(0, VALUES_SHOWN).map(scalar)
      const key = JSON.stringify([x.filter, x.clause.span, x.leaf.span, x.field, values])
      let hit = shared.get(key)
      if (hit === undefined) {
        hit = { filter: x.filter, span: x.clause.span, text: x.clause.text, leafSpan: x.leaf.span, leafText: x.leaf.text, field: x.field, values }
        shared.set(key, hit)
      }
      return hit
    }),
  }))
}

function scalar(v: unknown): string | number | boolean | null {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v
  return JSON.stringify(v) ?? String(v)
}

type Compiled = { explainer: EqlExplainer | KqlExplainer | null; diagnostics: readonly Diagnostic[] }

/**
 * The last compilation, reused by the next slice of the same analysis (same query, settings,
 * schema and events): compiling per slice would redo parse, check and KQL's binding each time.
 */
let last: { readonly key: string; readonly schema: Schema; readonly events: WeakRef<readonly unknown[]>; readonly compiled: Compiled } | null = null

function compiledFor(req: AnalyzeRequestFields, ctx: AnalyzeContext): Compiled {
  const key = JSON.stringify([req.language, req.query, req.settings])
  if (last !== null && last.key === key && last.schema === ctx.schema && last.events.deref() === ctx.events) return last.compiled
  const compiled = compileFor(req, ctx)
  // A weak reference: holding the array would keep a replaced 100 MB event set alive.
  last = { key, schema: ctx.schema, events: new WeakRef(ctx.events), compiled }
  return compiled
}

function compileFor(req: AnalyzeRequestFields, ctx: AnalyzeContext): Compiled {
  if (req.language === 'kql') {
    const c = compileExplainKql(req.query, { schema: ctx.schema, settings: req.settings.kql ?? {} })
    // constant_keyword fields take the event set's first value, as a run binds them
    c.explainer?.bindEvents(ctx.events)
    return c
  }
  return compileExplainEql(req.query, { schema: ctx.schema, settings: eqlOnly(req.settings) })
}

/** The EQL settings of a run's settings (KQL settings and mappings are not EQL's). */
function eqlOnly(settings: AnalyzeRequestFields['settings']): Partial<EqlSettings> {
  const { kql: _kql, mappings: _mappings, ...eql } = settings
  return eql
}

/**
 * One analysis from the answers for consecutive slices of the events (in event order), as the
 * whole scan would have answered: counts added up, near misses in input order per filter (the
 * filters in written order), each list cut to the request's limit. Each slice's list holds its
 * first `limit` items, and an item within the first `limit` overall is within its slice's first
 * `limit`, so the cut lists lose nothing.
 */
export function mergeAnalyses(parts: readonly Analysis[], req: Pick<AnalyzeRequestFields, 'nearMissLimit' | 'excludedLimit'>): Analysis | null {
  const first = parts[0]
  if (first === undefined) return null
  const coverage = first.coverage.map((c, k): ClauseCount => {
    let trueCount = 0
    let falseCount = 0
    let nullCount = 0
    for (const p of parts) {
      const row = p.coverage[k]
      trueCount += row?.trueCount ?? 0
      falseCount += row?.falseCount ?? 0
      nullCount += row?.nullCount ?? 0
    }
    return { ...c, trueCount, falseCount, nullCount }
  })
  const rank = new Map<string, number>()
  for (const c of first.coverage) if (!rank.has(c.filter)) rank.set(c.filter, rank.size)
  // Array.prototype.sort is stable: within a filter the slices' order, i.e. input order, stays.
  const misses = parts.flatMap((p) => p.nearMisses).sort((a, b) => (rank.get(a.filter) ?? 0) - (rank.get(b.filter) ?? 0))
  return {
    ...first,
    coverage,
    nearMisses: misses.slice(0, Math.max(0, req.nearMissLimit ?? NEAR_MISS_LIMIT)),
    nearMissTotal: parts.reduce((n, p) => n + p.nearMissTotal, 0),
    excluded: parts.flatMap((p) => p.excluded).slice(0, Math.max(0, req.excludedLimit ?? EXCLUDED_LIMIT)),
    excludedTotal: parts.reduce((n, p) => n + p.excludedTotal, 0),
    stopped: parts.some((p) => p.stopped),
  }
}
