import type { FieldSpec } from './types'

/**
 * Dynamic mapping, as Elasticsearch applies it to fields no mapping defines: every leaf path in the
 * events gets the type of the first non-null value seen (strings -> keyword, or text with a
 * `.keyword` sub-field, ignore_above 256, in 'text+keyword' mode; whole numbers -> long, other
 * numbers -> float; booleans -> boolean). Date detection is off (ISO strings stay strings, as with
 * ECS index templates). Paths under a `flattened` field are covered by that field and skipped.
 *
 * Speed: a large file has hundreds of thousands of events with the same few shapes, so the walk
 * follows a tree of the keys seen (one node per key under its parent) instead of building the
 * dotted path string of every leaf of every event; each node points at the record of its path,
 * shared by every node with that path (`a.b` as a dotted key and as nested objects), so the first
 * kind and the mixed flag are exactly those of a walk keyed by path strings. The walk can be fed
 * in pieces (`createInference`): a streamed load types each chunk's events as they are read, and
 * `inferFromEvents` over that same array reuses the work (`rememberInference`).
 */
export type InferStrings = 'keyword' | 'text+keyword'

type JsonKind = 'string' | 'integer' | 'number' | 'boolean'

export interface Inference {
  readonly fields: FieldSpec[]
  /** paths whose values had more than one JSON kind */
  readonly mixed: string[]
}

/** What was seen at one dotted path. */
interface PathRecord {
  readonly path: string
  /** the kind of the first value seen; undefined: no scalar value yet */
  first: JsonKind | undefined
  mixed: boolean
}

/** A key under its parent object in the walk. */
interface KeyNode {
  readonly record: PathRecord
  children: Map<string, KeyNode> | undefined
}

/** The JSON kinds seen per leaf path of events added so far. */
export interface InferenceState {
  /** Walks `events[from, to)` (default: all), in order. */
  add(events: readonly unknown[], from?: number, to?: number): void
  /** how many events were added */
  readonly count: number
  /** The inference over the events added, for paths neither known nor under a flattened field. */
  result(isKnown: (path: string) => boolean, underFlattened: (path: string) => boolean, mode: InferStrings): Inference
}

type Obj = Record<string, unknown>

// Deeper structure is not inferred (ES itself stops at a mapping depth of 20 by default); the
// bound keeps hostile input from overflowing the stack.
const MAX_DEPTH = 100

/** A fresh, empty inference to feed events to. */
export function createInference(): InferenceState {
  const records = new Map<string, PathRecord>()
  /** records in the order they got their first kind: the order a walk keyed by path would list them */
  const typed: PathRecord[] = []
  const root: KeyNode = { record: { path: '', first: undefined, mixed: false }, children: undefined }
  let count = 0

  const childOf = (node: KeyNode, key: string): KeyNode => {
    const children = (node.children ??= new Map())
    let child = children.get(key)
    if (child === undefined) {
      const parent = node.record.path
      const path = parent === '' ? key : `${parent}.${key}`
      let record = records.get(path)
      if (record === undefined) {
        record = { path, first: undefined, mixed: false }
        records.set(path, record)
      }
      child = { record, children: undefined }
      children.set(key, child)
    }
    return child
  }

  function visit(v: unknown, node: KeyNode, depth: number): void {
    if (v === null || v === undefined || depth > MAX_DEPTH) return
    if (Array.isArray(v)) {
      for (const e of v as unknown[]) visit(e, node, depth + 1)
      return
    }
    if (typeof v === 'object') {
      const o = v as Obj
      for (const k of Object.keys(o)) visit(o[k], childOf(node, k), depth + 1)
      return
    }
    const kind = kindOf(v)
    const r = node.record
    if (kind === undefined || r.path === '') return
    if (r.first === undefined) {
      r.first = kind
      typed.push(r)
    } else if (r.first !== kind && !(r.first === 'integer' && kind === 'number')) r.mixed = true
  }

  return {
    add(events, from = 0, to = events.length) {
      for (let i = from; i < to; i++) {
        const e = events[i]
        if (typeof e === 'object' && e !== null && !Array.isArray(e)) visit(e, root, 0)
      }
      count += Math.max(0, to - from)
    },
    get count() {
      return count
    },
    result(isKnown, underFlattened, mode) {
      const fields: FieldSpec[] = []
      const mixed: string[] = []
      for (const r of typed) {
        if (r.first === undefined) continue
        if (r.mixed && !isKnown(r.path)) mixed.push(r.path)
        if (isKnown(r.path) || underFlattened(r.path)) continue
        fields.push(...specsFor(r.path, r.first, mode))
      }
      fields.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      return { fields, mixed: mixed.sort() }
    },
  }
}

/**
 * Inferences fed while an events array was filled (a streamed load), by that array: inferring over
 * the same array again would walk every event a second time. Used only while the array still has
 * exactly the events fed (events are not edited in place once loaded).
 */
const remembered = new WeakMap<readonly unknown[], InferenceState>()

/** Says that `state` has been fed exactly `events`, in order, so `inferFromEvents(events)` can reuse it. */
export function rememberInference(events: readonly unknown[], state: InferenceState): void {
  remembered.set(events, state)
}

export function inferFromEvents(
  events: readonly unknown[],
  isKnown: (path: string) => boolean,
  underFlattened: (path: string) => boolean,
  mode: InferStrings,
): Inference {
  let state = remembered.get(events)
  if (state === undefined || state.count !== events.length) {
    state = createInference()
    state.add(events)
  }
  return state.result(isKnown, underFlattened, mode)
}

function kindOf(v: unknown): JsonKind | undefined {
  switch (typeof v) {
    case 'string':
      return 'string'
    case 'number':
      return Number.isInteger(v) ? 'integer' : 'number'
    case 'boolean':
      return 'boolean'
    default:
      return undefined
  }
}

function specsFor(name: string, kind: JsonKind, mode: InferStrings): FieldSpec[] {
  switch (kind) {
    case 'integer':
      return [{ name, type: 'long', origin: 'events' }]
    case 'number':
      return [{ name, type: 'float', origin: 'events' }]
    case 'boolean':
      return [{ name, type: 'boolean', origin: 'events' }]
    case 'string': {
      if (mode === 'keyword') return [{ name, type: 'keyword', origin: 'events' }]
      const sub = { name: `${name}.keyword`, type: 'keyword', ignoreAbove: 256 } as const
      return [
        { name, type: 'text', origin: 'events', multiFields: [sub] },
        { ...sub, origin: 'events', multiFieldOf: name },
      ]
    }
  }
}
