/**
 * The field walk for paths of many segments (see field-getter.ts for what a walk returns).
 *
 * The ordinary walk tries, at each level i, every key that could spell the rest of the path:
 * segs[i..j).join('.') for every j. A path of n segments has n(n+1)/2 such keys of up to the whole
 * path's length, so building them costs O(n^3) characters: a hostile KQL field of 800 segments
 * took seconds before any event was read. Real field paths have a handful of segments; this walk
 * is for the rest. It turns the question around: instead of asking an object for every spelling,
 * it asks each of the object's own keys whether it spells segs[i..j) for some j, by comparing it
 * in place against the dotted path (no key strings are built). That is linear in the object's
 * keys and the path's length, and it finds exactly the keys the ordinary walk finds, in the same
 * order (by j), so both walks return the same values.
 */

type Obj = Record<string, unknown>

// Arrays nested deeper than this are ignored rather than recursed into, so hostile input cannot
// overflow the stack (the engine never throws on user input). Real events nest a level or two.
export const MAX_ARRAY_DEPTH = 64

export function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Two found values as one flat array (scalars and arrays alike), `a`'s first. */
export function merge(a: unknown, b: unknown): unknown[] {
  const out: unknown[] = []
  if (Array.isArray(a)) out.push(...(a as unknown[]))
  else out.push(a)
  if (Array.isArray(b)) out.push(...(b as unknown[]))
  else out.push(b)
  return out
}

/**
 * What `walk` finds from level `i` in `v`: an object is walked; an array's elements are searched
 * in order (nested arrays to MAX_ARRAY_DEPTH) and what they hold merged; anything else holds nothing.
 * Shared by both walks, so they treat arrays alike.
 */
export function walkThrough(v: unknown, i: number, walk: (o: Obj, i: number) => unknown, depth = 0): unknown {
  if (typeof v !== 'object' || v === null) return undefined
  if (!Array.isArray(v)) return walk(v as Obj, i)
  if (depth > MAX_ARRAY_DEPTH) return undefined
  let acc: unknown = undefined
  for (const e of v as unknown[]) {
    const found = walkThrough(e, i, walk, depth + 1)
    if (found !== undefined) acc = acc === undefined ? found : merge(acc, found)
  }
  return acc
}

/** The walk over `segs` by key scanning; `leaf` turns what is found at the end into the result. */
export function compileLongPathWalker(segs: readonly string[], leaf: (v: unknown) => unknown): (event: unknown) => unknown {
  const path = segs.join('.')
  const n = segs.length
  // start[i]: where segment i begins in `path`. segmentAt[o] = i when segment i begins at offset o
  // (segmentAt[path.length + 1] = n: "past the end"), else -1. A key read at level i that spells
  // segs[i..j) ends at start[j] - 1, so segmentAt[start[i] + key.length + 1] names its j.
  const start = new Int32Array(n + 1)
  const segmentAt = new Int32Array(path.length + 2).fill(-1)
  let offset = 0
  for (let i = 0; i < n; i++) {
    start[i] = offset
    segmentAt[offset] = i
    offset += (segs[i] ?? '').length + 1
  }
  start[n] = offset
  segmentAt[offset] = n

  /** The (j, value) pairs of the own keys of `o` spelling segs[i..j), by increasing j. */
  function spelled(o: Obj, i: number): [number, unknown][] {
    const from = start[i] as number
    const found: [number, unknown][] = []
    for (const key of Object.keys(o)) {
      const end = from + key.length
      if (end > path.length) continue
      const j = segmentAt[end + 1] as number
      if (j < 0 || !path.startsWith(key, from)) continue
      const v = o[key]
      if (v !== undefined) found.push([j, v])
    }
    // distinct keys spell distinct j; sorting keeps the ordinary walk's order of values
    if (found.length > 1) found.sort((a, b) => a[0] - b[0])
    return found
  }

  function walk(o: Obj, i: number): unknown {
    let acc: unknown = undefined
    for (const [j, v] of spelled(o, i)) {
      const found = j === n ? leaf(v) : walkThrough(v, j, walk)
      if (found !== undefined) acc = acc === undefined ? found : merge(acc, found)
    }
    return acc
  }

  return (event) => (isObject(event) ? walk(event, 0) : undefined)
}
