import type { Diagnostic, EqlSettings, FieldHit, KqlSettings, RunOutput, Schema } from '../engine'
import type { CompletionRequest, CompletionResult, EcsDocs, FieldValueIndex, HoverResult } from '../engine/complete'
import type { EventsReader } from '../engine/events/events-reader'
import { overBudgetMessage } from './budget'
import { analyze } from './handle-analyze'
import { compare } from './handle-compare'
import { simulateAlerts } from './handle-alerts'
import { explainEvent } from './handle-explain'
import { fingerprintMarks } from './handle-fingerprint'
import { describeDataset, makeDataset, type BuiltSchemaLike, type Dataset } from './dataset'
import { createLoadHandlers, type LoadRefusal } from './handle-load'
import * as P from './protocol'
import { prepareExceptions, runExceptions } from './run-exceptions'
import { perEventData } from './run-report'
import { HeldRun, HeldRuns } from './run-hits'
import { asRequest } from './validate'

export { pickEvents } from './run-report'

/**
 * The worker's dispatcher, kept free of `self` so it runs (and is tested) in Node. It holds the
 * current dataset (events + what is derived from them, built once per dataset) and a streamed load
 * in progress, and answers every request with exactly one reply: an exception from the engine is a
 * bug, reported as an `engine-bug` failure instead of killing the worker (which would lose the
 * loaded events). Engine parts a test does not need are optional: a request for one the engine was
 * not given fails with `not-available`.
 */

/** The slice of the engine's public API (`src/engine/index.ts`) the worker uses. */
export interface EngineApi<Program, KqlProgram = unknown> {
  parseEventsText(text: string): { readonly events: readonly unknown[]; readonly problems: readonly P.EventsProblem[] }
  buildSchema(options: { ecs: boolean; events: readonly unknown[]; mappings?: unknown }): BuiltSchemaLike
  compileEql(text: string, options: { schema: Schema; settings: EqlSettings }): { readonly program: Program | null; readonly diagnostics: readonly Diagnostic[] }
  runEql(program: Program, events: readonly unknown[], options: { shouldStop?: () => boolean; excluded?: Uint8Array; hits?: boolean }): RunOutput
  eqlSettings(partial: Partial<EqlSettings>): EqlSettings
  compileKql?(text: string, options: { schema: Schema; settings?: Partial<KqlSettings> }): { readonly program: KqlProgram | null; readonly diagnostics: readonly Diagnostic[] }
  runKql?(program: KqlProgram, events: readonly unknown[], options: { shouldStop?: () => boolean; excluded?: Uint8Array; hits?: boolean }): RunOutput
  /**
   * One matched event's hits from the run's program (engine hits-of.ts). Given, runs skip hit
   * collection and the hits of the rows in view are computed on demand; absent, runs collect them.
   */
  hitsOf?(program: Program | KqlProgram, event: unknown, stage: number): readonly FieldHit[]
  formatEql?(text: string): P.Formatted
  formatKql?(text: string): string | null
  createEventsReader?(): EventsReader
  collectFieldValues?(events: readonly unknown[]): FieldValueIndex
  completeAt?(request: CompletionRequest): CompletionResult | null
  hoverAt?(request: CompletionRequest): HoverResult | null
}

export interface HandlerOptions {
  /** clock for `elapsedMs`; injectable for tests */
  readonly now?: () => number
  /** the ECS descriptions, once loaded (the worker loads them in the background) */
  readonly ecsDocs?: () => EcsDocs | undefined
}

/** One hitSpans answer visits matches for at most this long; the page asks again for the rest. */
export const HIT_SPANS_SLICE_MS = 25

/** getEvents answers at most this many events at once (a screenful is a few dozen). */
export const MAX_WINDOW = 2000

/** A request the handler refuses; a class so no result shape can be mistaken for one. */
class Refusal {
  constructor(readonly failure: P.Failure) {}
}

type Answer<K extends P.RequestKind> = P.ResultMap[K] | Refusal

const refuse = (code: P.FailureCode, message: string) => new Refusal({ code, message })
const notAvailable = (what: string) => refuse('not-available', `${what} is not available in this engine build.`)

/** Makes a dispatcher over one engine. Its state is the loaded dataset; it never throws. */
export function createHandler<Program, KqlProgram = unknown>(engine: EngineApi<Program, KqlProgram>, options: HandlerOptions = {}): (data: unknown) => P.Reply {
  const now = options.now ?? (() => performance.now())
  let dataset: Dataset = makeDataset(P.NO_EVENTS_VERSION, [], [])

  // Built lazily and cached per mappings: a run against "no events" must still see the ECS fields.
  const schemaOf = (d: Dataset, mappings?: unknown): BuiltSchemaLike => {
    const key = mappings === undefined || mappings === null ? '' : JSON.stringify(mappings)
    let built = d.schemas.get(key)
    if (!built) {
      built = engine.buildSchema(key === '' ? { ecs: true, events: d.events } : { ecs: true, events: d.events, mappings })
      d.schemas.set(key, built)
    }
    return built
  }

  /** Replaces the dataset only after its schema built: a throw keeps the old one. */
  const commit = (next: Dataset): P.EventsLoaded => {
    const schema = schemaOf(next)
    dataset = next
    return describeDataset(next, schema)
  }

  const loading = createLoadHandlers(engine.createEventsReader?.bind(engine), commit)
  const refusedOr = <T,>(r: T | LoadRefusal): T | Refusal => (typeof r === 'object' && r !== null && 'refused' in r ? new Refusal(r.refused) : (r as T))

  // the latest runs' programs and results, for the hits of the rows in view (run-hits.ts)
  const held = new HeldRuns()
  const { hitsOf } = engine
  const runOptions = hitsOf === undefined ? {} : { hits: false }

  const unknownEvents = (version: number) => refuse('unknown-events', `Events version ${version} is not loaded (current: ${dataset.version}).`)

  function run(req: P.RunRequest): Answer<'run'> {
    if (req.eventsVersion !== dataset.version) return unknownEvents(req.eventsVersion)
    const started = now()
    // Polled by the engine every few thousand events: a runaway query ends here, and the worker
    // keeps its events (the client's watchdog would have to restart it and send them again).
    const deadline = req.budgetMs === undefined ? Infinity : started + req.budgetMs
    let stopped = false
    const shouldStop = (): boolean => (stopped ||= now() > deadline)
    const { schema } = schemaOf(dataset, req.settings.mappings)
    let compiled: { readonly program: unknown; readonly diagnostics: readonly Diagnostic[] }
    // `excluded`: events hidden by the exception items (run-exceptions.ts)
    let execute: (excluded?: Uint8Array) => RunOutput
    if (req.language === 'kql') {
      const { compileKql, runKql } = engine
      if (!compileKql || !runKql) return notAvailable('KQL')
      const c = compileKql(req.query, { schema, settings: req.settings.kql ?? {} })
      compiled = c
      execute = (excluded) => runKql(c.program as KqlProgram, dataset.events, excluded === undefined ? { shouldStop, ...runOptions } : { shouldStop, excluded, ...runOptions })
    } else {
      const c = engine.compileEql(req.query, { schema, settings: engine.eqlSettings(eqlOnly(req.settings)) })
      compiled = c
      execute = (excluded) => engine.runEql(c.program as Program, dataset.events, excluded === undefined ? { shouldStop, ...runOptions } : { shouldStop, excluded, ...runOptions })
    }
    const base = { query: req.query, language: req.language, eventsVersion: dataset.version, eventCount: dataset.events.length, runId: held.newId() }
    const prepared = prepareExceptions(req.exceptions, schema)
    if (compiled.program === null) {
      // the items' own problems still show while the query is being fixed
      const problems = prepared === null ? {} : { excepted: [], exceptionProblems: prepared.problems }
      return { ...base, diagnostics: compiled.diagnostics, result: null, matchedIndexes: [], events: [], eventHits: [], histogram: null, ...problems, elapsedMs: now() - started }
    }
    const ex = prepared === null ? null : runExceptions(prepared, compiled.program, dataset.events, execute)
    const output = ex === null ? execute() : ex.output
    if (stopped && req.budgetMs !== undefined) return refuse('timeout', overBudgetMessage(req.budgetMs, false))
    const exceptions = ex === null ? {} : { excepted: ex.excepted, exceptionProblems: ex.exceptionProblems }
    const diagnostics = [...compiled.diagnostics, ...(ex?.diagnostics ?? []), ...(output?.diagnostics ?? [])]
    const result = output?.result ?? null
    const timestampField = req.settings.timestampField ?? '@timestamp'
    let hitsFor = (_index: number, _event: unknown): P.EventHits | null => null
    if (result !== null) {
      const program = compiled.program as Program | KqlProgram
      const run = new HeldRun(base.runId, dataset.version, result, hitsOf === undefined ? null : (event, stage) => hitsOf(program, event, stage))
      held.keep(run)
      hitsFor = (index, event) => run.hitsFor(index, event)
    }
    const perEvent = perEventData(result, dataset, hitsFor, { displayLimit: req.displayLimit, timestampField, ...(req.histogramBuckets === undefined ? {} : { buckets: req.histogramBuckets }) })
    return { ...base, diagnostics, ...perEvent, ...exceptions, elapsedMs: now() - started }
  }

  function getEvents(req: P.GetEventsRequest): Answer<'getEvents'> {
    if (req.eventsVersion !== dataset.version) return unknownEvents(req.eventsVersion)
    const { events } = dataset
    const wanted = req.indexes ?? Array.from({ length: Math.max(0, Math.min(req.count, events.length - req.from)) }, (_, i) => req.from + i)
    const items = wanted.slice(0, MAX_WINDOW).flatMap((i): [number, unknown][] => (i >= 0 && i < events.length ? [[i, events[i]]] : []))
    // hits for the rows in view only, from the run the list shows (when still held)
    const run = req.runId === undefined ? undefined : held.get(req.runId, dataset.version)
    if (run === undefined) return { eventsVersion: dataset.version, total: events.length, items }
    const hits = { runId: run.runId, items: items.map(([i, e]) => run.hitsFor(i, e)) }
    return { eventsVersion: dataset.version, total: events.length, items, hits }
  }

  function hitSpans(req: P.HitSpansRequest): Answer<'hitSpans'> {
    if (req.eventsVersion !== dataset.version) return unknownEvents(req.eventsVersion)
    const run = held.get(req.runId, dataset.version)
    if (run === undefined) return { runId: req.runId, spans: null, complete: true }
    return { runId: req.runId, ...run.spansWithin(dataset.events, HIT_SPANS_SLICE_MS, now) }
  }

  function editorRequest(req: P.CompleteRequest | P.HoverRequest): CompletionRequest {
    const d = dataset
    d.seen ??= engine.collectFieldValues?.(d.events)
    const docs = options.ecsDocs?.()
    const category = req.settings?.eventCategoryField
    return {
      language: req.language,
      text: req.text,
      offset: req.offset,
      schema: schemaOf(d, req.settings?.mappings).schema,
      ...(d.seen === undefined ? {} : { seen: d.seen as FieldValueIndex }),
      ...(docs === undefined ? {} : { ecsDocs: docs }),
      ...(category === undefined ? {} : { eventCategoryField: category }),
    }
  }

  function complete(req: P.CompleteRequest): Answer<'complete'> {
    if (!engine.completeAt) return notAvailable('Completion')
    const r = engine.completeAt(editorRequest(req))
    if (!r) return null
    const entries = r.items.map((i): P.CompletionEntry => ({ ...i }))
    return { replace: r.replace, entries }
  }

  function hover(req: P.HoverRequest): Answer<'hover'> {
    if (!engine.hoverAt) return notAvailable('Hover')
    const r = engine.hoverAt(editorRequest(req))
    return r ? { span: r.range, contents: [r.contents] } : null
  }

  function format(req: P.FormatRequest): Answer<'format'> {
    if (req.language === 'eql') return engine.formatEql ? engine.formatEql(req.text) : notAvailable('Formatting')
    if (!engine.formatKql) return notAvailable('Formatting')
    const formatted = engine.formatKql(req.text)
    return { formatted, reason: formatted === null ? 'errors' : null }
  }

  function answer(req: P.Request): Answer<P.RequestKind> {
    switch (req.kind) {
      case 'ping':
        return { protocol: P.PROTOCOL_VERSION }
      case 'setEvents': {
        const parsed = engine.parseEventsText(req.text)
        return commit(makeDataset(req.version, parsed.events, parsed.problems))
      }
      case 'run':
        return run(req)
      case 'getEvents':
        return getEvents(req)
      case 'hitSpans':
        return hitSpans(req)
      case 'complete':
        return complete(req)
      case 'hover':
        return hover(req)
      case 'format':
        return format(req)
      case 'beginEvents':
        return refusedOr(loading.beginEvents(req))
      case 'appendEvents':
        return refusedOr(loading.appendEvents(req))
      case 'endEvents':
        return refusedOr(loading.endEvents(req))
      case 'cancelEvents':
        return loading.cancelEvents(req)
      case 'explain':
        return req.eventsVersion === dataset.version ? explainEvent(req, dataset, schemaOf(dataset, req.settings.mappings).schema) : unknownEvents(req.eventsVersion)
      case 'analyze':
        return req.eventsVersion === dataset.version ? analyze(req, { events: dataset.events, eventsVersion: dataset.version, schema: schemaOf(dataset, req.settings.mappings).schema, now }) : unknownEvents(req.eventsVersion)
      case 'alerts': {
        if (req.eventsVersion !== dataset.version) return unknownEvents(req.eventsVersion)
        return simulateAlerts(req, { events: dataset.events, eventsVersion: dataset.version, schema: schemaOf(dataset, req.settings.mappings).schema, now })
      }
      case 'compare':
        return req.eventsVersion === dataset.version
          ? compare(req, { events: dataset.events, eventsVersion: dataset.version, schemaFor: (mappings) => schemaOf(dataset, mappings).schema, now })
          : unknownEvents(req.eventsVersion)
      case 'fingerprint':
        return req.eventsVersion === dataset.version ? fingerprintMarks(req, dataset) : unknownEvents(req.eventsVersion)
      default:
        return assertNever(req)
    }
  }

  return (data: unknown): P.Reply => {
    const id = idOf(data)
    try {
      const req = asRequest(data)
      if (typeof req === 'string') return { id, ok: false, failure: { code: 'bad-request', message: req } }
      const result = answer(req)
      if (result instanceof Refusal) return { id, ok: false, failure: result.failure }
      // `answer` returns the result type of `req.kind`; the union loses that link, hence the cast.
      return { id, ok: true, kind: req.kind, result } as P.OkReply
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err)
      return { id, ok: false, failure: { code: 'engine-bug', message: `Internal error in the engine (a bug, not a problem with your rule): ${detail}` } }
    }
  }
}

/** The EQL settings of a run's settings (KQL settings and mappings are not EQL's). */
function eqlOnly(settings: P.RunSettings): Partial<EqlSettings> {
  const { kql: _kql, mappings: _mappings, ...eql } = settings
  return eql
}

function idOf(data: unknown): number {
  const id = typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : undefined
  return typeof id === 'number' ? id : -1
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`)
}
