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

/** A key under its parent in the walk; `tally` is shared by every node with the same dotted path. */
interface KeyNode {
  readonly path: string
  tally: Tally | undefined
  children: Map<string, KeyNode> | undefined
}

/**
 * Walks the events once and indexes their leaf fields and values. Never throws. The walk follows a
 * tree of the keys seen (events share a few shapes) rather than building the dotted path of every
 * leaf of every event; each path's tally is shared by all its nodes (a dotted key and nested
 * objects), so counts and value order are those of a walk by path strings.
 */
export function collectFieldValues(events: readonly unknown[], options: CollectOptions = {}): FieldValueIndex {
  const maxFields = options.maxFields ?? 2000
  const maxValues = options.maxValuesPerField ?? 50
  const maxEvents = Math.max(1, options.maxEvents ?? 20000)
  // Distinct values tracked per field before the rarest stop being counted: bounds memory on
  // fields with a unique value per event (ids, timestamps).
  const trackLimit = maxValues * 20
  const tallies = new Map<string, Tally>()
  const root: KeyNode = { path: '', tally: undefined, children: undefined }
  const step = Math.max(1, Math.ceil(events.length / maxEvents))
  let scanned = 0
  for (let e = 0; e < events.length; e += step) {
    scanned++
    visit(events[e], root, 0, e)
  }

  function childOf(node: KeyNode, key: string): KeyNode {
    const children = (node.children ??= new Map())
    let child = children.get(key)
    if (child === undefined) {
      child = { path: node.path === '' ? key : `${node.path}.${key}`, tally: undefined, children: undefined }
      children.set(key, child)
    }
    return child
  }

  function add(node: KeyNode, v: unknown, eventNo: number): void {
    if (node.path === '') return
    let t = node.tally
    if (t === undefined) {
      t = tallies.get(node.path)
      if (t === undefined) {
        t = { count: 0, lastEvent: -1, values: new Map() }
        tallies.set(node.path, t)
      }
      node.tally = t
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

  function visit(v: unknown, node: KeyNode, depth: number, eventNo: number): void {
    if (depth > MAX_DEPTH) return
    if (Array.isArray(v)) {
      for (const x of v) visit(x, node, depth + 1, eventNo)
    } else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>
      for (const k of Object.keys(o)) visit(o[k], childOf(node, k), depth + 1, eventNo)
    } else if (v !== null && v !== undefined) {
      add(node, v, eventNo)
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
