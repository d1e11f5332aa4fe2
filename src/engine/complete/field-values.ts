/**
 * Which fields occur in the loaded events and which values they take, for completion (seen fields
 * rank first; values of the field before the cursor are proposed). The worker computes this once per
 * dataset; completion then costs nothing per keystroke.
 */

/** A scalar as it appears in the events. */
export type SeenValue = string | number | boolean

/** One field seen in the events. */
export interface SeenField {
  /** full dotted path, as the engine reads it */
  readonly name: string
  /** in how many of the scanned events it has a value */
  readonly count: number
  /** its most frequent values, most frequent first */
  readonly values: readonly SeenValue[]
}

/** Fields seen in the events, most frequent first. Plain data: it can cross the worker boundary. */
export interface FieldValueIndex {
  readonly fields: readonly SeenField[]
  /** how many events were scanned */
  readonly scanned: number
}

export interface CollectOptions {
  /** at most this many fields (the most frequent); default 2000 */
  readonly maxFields?: number
  /** at most this many values per field; default 50 */
  readonly maxValuesPerField?: number
  /** scan at most this many events (spread over the whole set); default 20000 */
  readonly maxEvents?: number
}

/** Strings longer than this are not proposed as values (command lines, stack traces). */
const MAX_VALUE_LENGTH = 200
/** Depth limit for nested objects: the events are user input. */
const MAX_DEPTH = 20

interface Tally {
  count: number
  lastEvent: number
  readonly values: Map<SeenValue, number>
}

/** Walks the events once and indexes their leaf fields and values. Never throws. */
export function collectFieldValues(events: readonly unknown[], options: CollectOptions = {}): FieldValueIndex {
  const maxFields = options.maxFields ?? 2000
  const maxValues = options.maxValuesPerField ?? 50
  const maxEvents = Math.max(1, options.maxEvents ?? 20000)
  // Distinct values tracked per field before the rarest stop being counted: bounds memory on
  // fields with a unique value per event (ids, timestamps).
  const trackLimit = maxValues * 20
  const tallies = new Map<string, Tally>()
  const step = Math.max(1, Math.ceil(events.length / maxEvents))
  let scanned = 0
  for (let e = 0; e < events.length; e += step) {
    scanned++
    visit(events[e], '', 0, e)
  }

  function add(path: string, v: unknown, eventNo: number): void {
    if (path === '') return
    let t = tallies.get(path)
    if (t === undefined) {
      t = { count: 0, lastEvent: -1, values: new Map() }
      tallies.set(path, t)
    }
    if (t.lastEvent !== eventNo) {
      t.count++
      t.lastEvent = eventNo
    }
    if (typeof v === 'string' ? v.length <= MAX_VALUE_LENGTH : typeof v === 'number' || typeof v === 'boolean') {
      const value = v as SeenValue
      const n = t.values.get(value)
      if (n !== undefined) t.values.set(value, n + 1)
      else if (t.values.size < trackLimit) t.values.set(value, 1)
    }
  }

  function visit(v: unknown, path: string, depth: number, eventNo: number): void {
    if (depth > MAX_DEPTH) return
    if (Array.isArray(v)) {
      for (const x of v) visit(x, path, depth + 1, eventNo)
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) visit(x, path === '' ? k : `${path}.${k}`, depth + 1, eventNo)
    } else if (v !== null && v !== undefined) {
      add(path, v, eventNo)
    }
  }

  const fields: SeenField[] = [...tallies.entries()]
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxFields)
    .map(([name, t]) => ({
      name,
      count: t.count,
      values: [...t.values.entries()].sort((a, b) => b[1] - a[1]).slice(0, maxValues).map(([v]) => v),
    }))
  return { fields, scanned }
}

/** The seen field called `name`, or undefined. */
export function seenField(index: FieldValueIndex | undefined, name: string): SeenField | undefined {
  return index?.fields.find((f) => f.name === name)
}
