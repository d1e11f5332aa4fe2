/**
 * Reading a field's values out of a JSON event the way Elasticsearch's document parser flattens
 * it: `a.b.c` may be stored as nested objects, dotted keys, or any mix (`{"a.b": {"c": 1}}`,
 * `{"a": {"b.c": 1}}`); arrays at any level are flattened, arrays of objects contribute every
 * element; explicit `null` (and `[]`, `[null]`) means "no value". Values found through several
 * spellings of the same path are all collected, as ES would index all of them.
 *
 * This runs in the hot loop (millions of events per second), so all key strings are computed once
 * here and the common case (one spelling, one scalar) allocates nothing.
 */

import { compileLongPathWalker, isObject, MAX_ARRAY_DEPTH, merge, walkThrough } from './long-path-walker'
import { columnar } from './prepared-events'

/** Returns undefined (no value), a scalar, or a flat array of non-null scalars. Callers must not
 * mutate a returned array: it may be the event's own array when that is already flat. */
export type Getter = (event: unknown) => unknown

type Obj = Record<string, unknown>

// Paths of more segments than this walk by scanning each object's keys (long-path-walker.ts):
// the table of every joined spelling below grows as n^3 characters. Real paths have at most ~8.
const TABLE_MAX_SEGMENTS = 16

// Keys that an ordinary object inherits from Object.prototype: a plain property read would see the
// inherited value, so these (and only these) pay for an own-property check.
function inherited(key: string): boolean {
  return key in Object.prototype
}

export interface GetterOptions {
  /**
   * The mapping's `null_value`: an explicit JSON null at the end of the path (alone or inside an
   * array) reads as this value instead of "no value", as ES indexes it. Absent keys and `[]` still
   * have no value.
   */
  readonly nullValue?: string | number | boolean
}

/**
 * Compiles a dotted field path into a getter (see `Getter`). During a run over prepared events
 * it answers from the path's column (prepared-events.ts), which holds what the walk returns.
 */
export function compileGetter(path: string, options: GetterOptions = {}): Getter {
  const sub = options.nullValue
  // distinct keys for distinct null_values: the column caches this getter's answers
  const key = sub === undefined ? path : `${path}\u0000${typeof sub}:${String(sub)}`
  return columnar(key, compileWalkingGetter(path, options))
}

function compileWalkingGetter(path: string, options: GetterOptions): Getter {
  const sub = options.nullValue
  const leaf = sub === undefined ? leafValue : (v: unknown) => (v === null ? sub : leafValue(v, sub))
  const segs = path.split('.')
  const n = segs.length
  if (n === 1) {
    const key = path
    const guard = inherited(key)
    return (event) => {
      if (!isObject(event)) return undefined
      const v = event[key]
      if (v === undefined || (guard && !Object.hasOwn(event, key))) return undefined
      return leaf(v)
    }
  }
  const walker = compileWalker(segs, leaf)
  // The fast path leaves out null_value, the keys Object.prototype has (both rare; a spelling of
  // several segments contains a '.', which no Object.prototype key does, so testing the segments
  // suffices) and long paths (its per-level spelling lists are quadratic).
  return sub !== undefined || n > TABLE_MAX_SEGMENTS || segs.some(inherited) ? walker : compileNestedFirst(segs, walker)
}

/**
 * The common case first: the path stored as plain nested objects, no dotted key on the way, a
 * scalar or flat array at the end. It reads each level once and checks that the other spellings
 * starting there (`a.b`, `a.b.c` on the root for `a.b.c`) are absent; as soon as one is present,
 * or an array must be flattened on the way, the full walk answers instead, so the result is the
 * same. Written as one flat loop without recursion, callbacks or merging: this runs for every
 * field of every event.
 */
function compileNestedFirst(segs: readonly string[], walker: Getter): Getter {
  const n = segs.length
  const last = segs[n - 1] as string
  const down = segs.slice(0, n - 1)
  // dotted[i]: the spellings of more than one segment starting at level i
  const dotted: string[][] = down.map((_, i) => {
    const out: string[] = []
    for (let j = i + 2; j <= n; j++) out.push(segs.slice(i, j).join('.'))
    return out
  })
  return (event) => {
    if (!isObject(event)) return undefined
    let o: Obj = event
    for (let i = 0; i < n - 1; i++) {
      const keys = dotted[i] as string[]
      for (let k = 0; k < keys.length; k++) if (o[keys[k] as string] !== undefined) return walker(event)
      const next = o[down[i] as string]
      if (typeof next !== 'object' || next === null) return undefined
      if (Array.isArray(next)) return walker(event)
      o = next as Obj
    }
    const v = o[last]
    if (typeof v !== 'object') return v
    return v === null ? undefined : leafValue(v)
  }
}

/**
 * The walk shared by the getters: every spelling of the path (nested objects, dotted keys, mixes),
 * arrays flattened on the way; `leaf` turns what is found at the end into the result.
 */
function compileWalker(segs: readonly string[], leaf: (v: unknown) => unknown): Getter {
  const n = segs.length
  if (n > TABLE_MAX_SEGMENTS) return compileLongPathWalker(segs, leaf)
  // keys[i * n + j - 1] = segs[i..j).join('.') for 0 <= i < j <= n: every way to spell the rest of
  // the path starting at segment i with one key.
  const keys: string[] = new Array<string>(n * n).fill('')
  const guards: boolean[] = new Array<boolean>(n * n).fill(false)
  for (let i = 0; i < n; i++) {
    let k = ''
    for (let j = i + 1; j <= n; j++) {
      k = j === i + 1 ? (segs[i] ?? '') : `${k}.${segs[j - 1] ?? ''}`
      keys[i * n + j - 1] = k
      guards[i * n + j - 1] = inherited(k)
    }
  }

  function walk(o: Obj, i: number): unknown {
    let acc: unknown = undefined
    const base = i * n - 1
    for (let j = i + 1; j <= n; j++) {
      const key = keys[base + j] as string
      const v = o[key]
      if (v === undefined) continue
      if (guards[base + j] === true && !Object.hasOwn(o, key)) continue
      const found = j === n ? leaf(v) : walkThrough(v, j, walk)
      if (found !== undefined) acc = acc === undefined ? found : merge(acc, found)
    }
    return acc
  }

  return (event) => (isObject(event) ? walk(event, 0) : undefined)
}

/** The indexed scalars of a value found at the end of the path (`sub` replaces nulls). */
function leafValue(v: unknown, sub?: string | number | boolean): unknown {
  if (v === null || v === undefined) return undefined
  if (typeof v !== 'object') return v
  if (!Array.isArray(v)) return undefined // the path names an object, which has no value itself
  const arr = v as unknown[]
  // Fast path: an already flat array of scalars is returned as is (no allocation).
  let clean = true
  for (const e of arr) {
    if (e === null || typeof e === 'object') {
      clean = false
      break
    }
  }
  if (clean) return arr.length === 0 ? undefined : arr.length === 1 ? arr[0] : arr
  const out: unknown[] = []
  flattenInto(arr, out, sub)
  return out.length === 0 ? undefined : out.length === 1 ? out[0] : out
}

function flattenInto(arr: readonly unknown[], out: unknown[], sub: string | number | boolean | undefined, depth = 0): void {
  if (depth > MAX_ARRAY_DEPTH) return
  for (const e of arr) {
    if (e === null || e === undefined) {
      if (sub !== undefined) out.push(sub)
      continue
    }
    if (Array.isArray(e)) flattenInto(e as unknown[], out, sub, depth + 1)
    else if (typeof e !== 'object') out.push(e)
    // objects inside a leaf array have no value at this path
  }
}

/**
 * The objects found at a path, arrays of objects flattened (for KQL `nested` queries, which test
 * their inner query against each object separately, and for "any leaf under this object" checks).
 */
export function compileObjectGetter(path: string): (event: unknown) => readonly Obj[] {
  const walk = compileWalker(path.split('.'), objectLeaf)
  return (event) => {
    const found = walk(event)
    return found === undefined ? [] : Array.isArray(found) ? (found as Obj[]) : [found as Obj]
  }
}

function objectLeaf(v: unknown): unknown {
  if (isObject(v)) return v
  if (!Array.isArray(v)) return undefined
  const out: Obj[] = []
  collectObjects(v as unknown[], out, 0)
  return out.length === 0 ? undefined : out
}

function collectObjects(arr: readonly unknown[], out: Obj[], depth: number): void {
  if (depth > MAX_ARRAY_DEPTH) return
  for (const e of arr) {
    if (isObject(e)) out.push(e)
    else if (Array.isArray(e)) collectObjects(e as unknown[], out, depth + 1)
  }
}

/** True when the value (an object, array or scalar) holds at least one non-null scalar. */
export function hasLeafValue(v: unknown, depth = 0): boolean {
  if (v === null || v === undefined || depth > MAX_ARRAY_DEPTH) return false
  if (typeof v !== 'object') return true
  const items = Array.isArray(v) ? (v as unknown[]) : Object.values(v as Obj)
  for (const e of items) if (hasLeafValue(e, depth + 1)) return true
  return false
}

/**
 * Every non-null scalar anywhere under a value, in document order: what a `flattened` field
 * indexes for its root (a query on the root matches any leaf), and the candidates of KQL free-text
 * search over a whole event.
 */
export function leafValuesUnder(v: unknown, out: unknown[] = [], depth = 0): unknown[] {
  if (v === null || v === undefined || depth > MAX_ARRAY_DEPTH) return out
  if (typeof v !== 'object') out.push(v)
  else for (const e of Array.isArray(v) ? (v as unknown[]) : Object.values(v as Obj)) leafValuesUnder(e, out, depth + 1)
  return out
}

/** Calls `fn` for each value a getter returned (none for undefined). */
export function forEachValue(values: unknown, fn: (v: unknown) => void): void {
  if (values === undefined) return
  if (Array.isArray(values)) for (const v of values as unknown[]) fn(v)
  else fn(values)
}

/** The values a getter returned, as an array (allocates; for cold paths). */
export function valuesOf(values: unknown): readonly unknown[] {
  if (values === undefined) return []
  return Array.isArray(values) ? (values as unknown[]) : [values]
}
