import type { Diagnostic, EqlSettings, RunOutput, RunResult, Schema } from '../engine'
import {
  NO_EVENTS_VERSION,
  PROTOCOL_VERSION,
  type EventsLoaded,
  type EventsProblem,
  type Failure,
  type Reply,
  type Request,
  type RunReport,
  type RunRequest,
  type SetEventsRequest,
} from './protocol'

/**
 * The worker's dispatcher, kept free of `self` so it runs (and is tested) in Node. It holds the
 * current dataset (events + schema, built once per `setEvents`) and answers every request with
 * exactly one reply: an exception from the engine is a bug, reported as an `engine-bug` failure
 * instead of killing the worker (which would lose the loaded events).
 */

/** The slice of the engine's public API (`src/engine/index.ts`) the worker uses. */
export interface EngineApi<Program> {
  parseEventsText(text: string): { readonly events: readonly unknown[]; readonly problems: readonly EventsProblem[] }
  buildSchema(options: { ecs: boolean; events: readonly unknown[] }): { readonly schema: Schema; readonly diagnostics: readonly Diagnostic[] }
  compileEql(
    text: string,
    options: { schema: Schema; settings: EqlSettings },
  ): { readonly program: Program | null; readonly diagnostics: readonly Diagnostic[] }
  runEql(program: Program, events: readonly unknown[], options: { shouldStop?: () => boolean }): RunOutput
  eqlSettings(partial: Partial<EqlSettings>): EqlSettings
}

export interface HandlerOptions {
  /** clock for `elapsedMs`; injectable for tests */
  readonly now?: () => number
}

interface Dataset {
  readonly version: number
  readonly events: readonly unknown[]
  schema: { readonly schema: Schema; readonly diagnostics: readonly Diagnostic[] } | null
}

/** Makes a dispatcher over one engine. Its state is the loaded dataset; it never throws. */
export function createHandler<Program>(engine: EngineApi<Program>, options: HandlerOptions = {}): (data: unknown) => Reply {
  const now = options.now ?? (() => performance.now())
  let dataset: Dataset = { version: NO_EVENTS_VERSION, events: [], schema: null }

  // Built lazily: a run against "no events" must still see the ECS fields.
  const schemaOf = (d: Dataset) => (d.schema ??= engine.buildSchema({ ecs: true, events: d.events }))

  function setEvents(req: SetEventsRequest): EventsLoaded {
    const parsed = engine.parseEventsText(req.text)
    const next: Dataset = { version: req.version, events: parsed.events, schema: null }
    const schema = schemaOf(next)
    dataset = next // only after parsing and schema succeeded: a throw keeps the old dataset
    return { version: req.version, eventCount: parsed.events.length, problems: parsed.problems, schemaDiagnostics: schema.diagnostics }
  }

  function run(req: RunRequest): RunReport | Failure {
    if (req.eventsVersion !== dataset.version) {
      return { code: 'unknown-events', message: `Events version ${req.eventsVersion} is not loaded (current: ${dataset.version}).` }
    }
    const started = now()
    const { schema } = schemaOf(dataset)
    const compiled = engine.compileEql(req.query, { schema, settings: engine.eqlSettings(req.settings) })
    const base = { query: req.query, language: req.language, eventsVersion: dataset.version, eventCount: dataset.events.length }
    if (!compiled.program) {
      return { ...base, diagnostics: compiled.diagnostics, result: null, matchedIndexes: [], hits: {}, events: [], histogram: null, elapsedMs: now() - started }
    }
    const output = engine.runEql(compiled.program, dataset.events, {})
    return {
      ...base,
      diagnostics: [...compiled.diagnostics, ...output.diagnostics],
      result: output.result,
      matchedIndexes: [],
      hits: {},
      events: pickEvents(output.result, dataset.events, req.displayLimit),
      histogram: null,
      elapsedMs: now() - started,
    }
  }

  return (data: unknown): Reply => {
    const id = idOf(data)
    try {
      const req = asRequest(data)
      if (typeof req === 'string') return { id, ok: false, failure: { code: 'bad-request', message: req } }
      switch (req.kind) {
        case 'ping':
          return { id, ok: true, kind: 'ping', result: { protocol: PROTOCOL_VERSION } }
        case 'setEvents':
          return { id, ok: true, kind: 'setEvents', result: setEvents(req) }
        case 'run': {
          const r = run(req)
          return 'code' in r ? { id, ok: false, failure: r } : { id, ok: true, kind: 'run', result: r }
        }
        case 'getEvents':
        case 'complete':
        case 'hover':
        case 'format':
        case 'beginEvents':
        case 'appendEvents':
        case 'endEvents':
        case 'cancelEvents':
          return { id, ok: false, failure: { code: 'not-available', message: `${req.kind} is not available yet.` } }
        default:
          return assertNever(req)
      }
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err)
      return { id, ok: false, failure: { code: 'engine-bug', message: `Internal error in the engine (a bug, not a problem with your rule): ${detail}` } }
    }
  }
}

/** The matched events a result references, in result order, deduplicated, capped for display. */
export function pickEvents(result: RunResult | null, events: readonly unknown[], limit: number): [number, unknown][] {
  if (!result) return []
  const indexes: number[] = []
  switch (result.kind) {
    case 'events':
      for (const e of result.events) indexes.push(e.index)
      break
    case 'sequences':
    case 'samples':
      for (const s of result.kind === 'sequences' ? result.sequences : result.samples) {
        for (const e of s.events) if (!('missing' in e)) indexes.push(e.index)
      }
      break
    default:
      assertNever(result)
  }
  const out: [number, unknown][] = []
  const seen = new Set<number>()
  for (const i of indexes) {
    if (out.length >= limit) break
    if (seen.has(i)) continue
    seen.add(i)
    out.push([i, events[i]])
  }
  return out
}

function idOf(data: unknown): number {
  const id = typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : undefined
  return typeof id === 'number' ? id : -1
}

/** The request, or why it is refused. Only the fields the handler reads are checked. */
function asRequest(data: unknown): Request | string {
  if (typeof data !== 'object' || data === null) return 'A request must be an object.'
  const r = data as Partial<Record<keyof RunRequest | keyof SetEventsRequest, unknown>>
  if (typeof r.id !== 'number') return 'A request needs a numeric id.'
  if (r.protocol !== PROTOCOL_VERSION) return `Protocol ${String(r.protocol)} is not supported (expected ${PROTOCOL_VERSION}); reload the page.`
  if (r.kind === 'ping') return data as Request
  if (r.kind === 'setEvents') return typeof r.text === 'string' && typeof r.version === 'number' ? (data as Request) : 'setEvents needs text and version.'
  if (r.kind === 'run') {
    const ok = typeof r.query === 'string' && typeof r.eventsVersion === 'number' && typeof r.displayLimit === 'number' &&
      typeof r.settings === 'object' && r.settings !== null
    return ok && r.language === 'eql' ? (data as Request) : 'run needs an EQL query, an events version and a display limit.'
  }
  return `Unknown request kind ${JSON.stringify(r.kind)}.`
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`)
}
