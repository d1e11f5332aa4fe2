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

/** Computes the analysis; the scans stop at the request's budget like a run does. */
export function analyze(req: AnalyzeRequestFields, ctx: AnalyzeContext): Analysis {
  const base = { query: req.query, language: req.language, eventsVersion: ctx.eventsVersion, eventCount: ctx.events.length }
  const compiled = compileFor(req, ctx)
  const explainer = compiled.explainer
  if (explainer === null) {
    return { ...base, diagnostics: compiled.diagnostics, coverage: [], nearMisses: [], nearMissTotal: 0, excluded: [], excludedTotal: 0, stopped: false }
  }
  const deadline = req.budgetMs === undefined ? Infinity : ctx.now() + req.budgetMs
  let stopped = false
  const shouldStop = (): boolean => (stopped ||= ctx.now() > deadline)
  const coverage = clauseCoverage(explainer, ctx.events, { shouldStop }).map(
    (c): ClauseCount => ({ kind: c.kind, span: c.span, text: c.text, filter: c.filter, depth: c.depth, trueCount: c.trueCount, falseCount: c.falseCount, nullCount: c.nullCount }),
  )
  // Once the budget is spent the scan would stop at its first poll: skip it outright. Near misses
  // and the query's exclusions read the same evaluated trees: one scan for both.
  const scanned = stopped ? { nearMisses: [], excluded: [] } : nearMissesAndExclusions(explainer, ctx.events, { shouldStop })
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

function compileFor(req: AnalyzeRequestFields, ctx: AnalyzeContext): { explainer: EqlExplainer | KqlExplainer | null; diagnostics: readonly Diagnostic[] } {
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
