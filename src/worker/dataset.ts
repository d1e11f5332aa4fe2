import type { Diagnostic, Schema } from '../engine'
import type { EventsReader } from '../engine/events/events-reader'
import type { InferenceState } from '../engine/schema/infer-from-events'
import type { EventsLoaded, EventsProblem, EventsProgress } from './protocol'

/**
 * The worker's event set and what is derived from it once (schemas per mappings, timestamps per
 * field, fields seen for completion), plus a streamed load in progress. Derived data is cached on
 * the dataset object, so a new dataset drops it all at once.
 */

/** At most this many problems are kept and sent (all are counted): a binary file is all problems. */
export const MAX_PROBLEMS = 1000

export interface BuiltSchemaLike {
  readonly schema: Schema
  readonly diagnostics: readonly Diagnostic[]
}

export interface Dataset {
  readonly version: number
  readonly events: readonly unknown[]
  readonly problems: readonly EventsProblem[]
  readonly problemCount: number
  readonly name?: string
  readonly bytes?: number
  /** built schemas, by the JSON text of the mappings they include ('' for none) */
  readonly schemas: Map<string, BuiltSchemaLike>
  /** epoch ms per event (NaN: no readable timestamp), by timestamp field */
  readonly timestamps: Map<string, Float64Array>
  /** whatever the completion engine indexes from the events (fields and values seen) */
  seen?: unknown
}

export function makeDataset(version: number, events: readonly unknown[], problems: readonly EventsProblem[], extra: { name?: string; bytes?: number } = {}): Dataset {
  return {
    version,
    events,
    problems: problems.slice(0, MAX_PROBLEMS),
    problemCount: problems.length,
    ...extra,
    schemas: new Map(),
    timestamps: new Map(),
  }
}

/** The reply describing a loaded dataset. */
export function describeDataset(d: Dataset, schema: BuiltSchemaLike): EventsLoaded {
  const out: EventsLoaded = { version: d.version, eventCount: d.events.length, problems: d.problems, schemaDiagnostics: schema.diagnostics }
  return { ...out, problemCount: d.problemCount, ...(d.name === undefined ? {} : { name: d.name }), ...(d.bytes === undefined ? {} : { bytes: d.bytes }) }
}

/** A field's value by dotted path: dotted keys, nested objects and mixes; the first of an array. */
export function readPath(event: unknown, path: string): unknown {
  if (typeof event !== 'object' || event === null) return undefined
  const obj = event as Record<string, unknown>
  if (path in obj) return obj[path]
  for (let dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
    const head = obj[path.slice(0, dot)]
    if (head === undefined) continue
    const inner = Array.isArray(head) ? head[0] : head
    const found = readPath(inner, path.slice(dot + 1))
    if (found !== undefined) return found
  }
  return undefined
}

/** Epoch ms of a timestamp value (ISO string, epoch ms number or numeric string), or NaN. */
export function toMillis(value: unknown): number {
  const v = Array.isArray(value) ? (value as unknown[])[0] : value
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN
  if (typeof v !== 'string' || v === '') return NaN
  if (/^\d{1,16}$/.test(v)) return Number(v)
  return Date.parse(v)
}

export function timestampsOf(d: Dataset, field: string): Float64Array {
  let out = d.timestamps.get(field)
  if (!out) {
    out = new Float64Array(d.events.length)
    for (let i = 0; i < d.events.length; i++) out[i] = toMillis(readPath(d.events[i], field))
    d.timestamps.set(field, out)
  }
  return out
}

/** A streamed load in progress: bytes are decoded with a streaming decoder and read incrementally. */
export interface StreamLoad {
  readonly version: number
  readonly name: string
  readonly size: number
  bytes: number
  readonly decoder: TextDecoder
  readonly reader: EventsReader
  readonly events: unknown[]
  readonly problems: EventsProblem[]
  problemCount: number
  /** field types of the events read so far, typed chunk by chunk while they are fresh in cache (the schema reuses it) */
  readonly inference: InferenceState
  /** epoch ms of each event's `@timestamp` (the histogram's default field), read as the events arrive */
  readonly times: GrowingTimes
}

/** The histogram's default timestamp field (a run's `timestampField` when it names none). */
export const DEFAULT_TIMESTAMP_FIELD = '@timestamp'

/** A Float64Array that grows by doubling, so a load of unknown length appends without a list of boxed numbers. */
export class GrowingTimes {
  private data = new Float64Array(1024)
  private length = 0

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }

  /** The values pushed, in a buffer of exactly that length. */
  finish(): Float64Array {
    return this.data.slice(0, this.length)
  }
}

/** Adds what a reader step produced to the load, keeping at most MAX_PROBLEMS problems. */
export function absorb(load: StreamLoad, step: { readonly events: readonly unknown[]; readonly problems: readonly EventsProblem[] }): void {
  const from = load.events.length
  for (const e of step.events) load.events.push(e)
  load.inference.add(load.events, from)
  for (let i = from; i < load.events.length; i++) load.times.push(toMillis(readPath(load.events[i], DEFAULT_TIMESTAMP_FIELD)))
  for (const p of step.problems) if (load.problems.length < MAX_PROBLEMS) load.problems.push(p)
  load.problemCount += step.problems.length
}

export function progressOf(load: StreamLoad): EventsProgress {
  return { datasetVersion: load.version, bytes: load.bytes, size: load.size, events: load.events.length, problems: load.problemCount }
}
