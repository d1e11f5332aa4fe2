import type { Indexed } from '../values/indexed-types'
import { compareIndexed, displayIndexed } from '../values/compare-indexed'
import { formatDateMillis } from '../values/date-parse'
import type { KeyDisplay, KeyReader, KeyValue } from './program'

/**
 * Join keys at run time: the fan-out of multi-valued keys into key tuples (spec 8.2: one tuple per
 * combination of distinct values, cartesian product over the keys) and an identity for each tuple
 * usable as a Map key, so per-key matcher state is one Map lookup.
 */

const NO_TUPLES: readonly (readonly KeyValue[])[] = []
const EMPTY_TUPLE: readonly KeyValue[] = []

// The key of the empty tuple (a sequence without `by`): one state for all events.
const EMPTY_KEY = Symbol('no keys')

/**
 * A map from key tuples to values, as a trie of Maps keyed by the tuple's values: no string is
 * built per lookup, and JS Map equality already separates 1 from "1" and true from "true". Ips and
 * versions (objects) are interned by their canonical text so equal values find the same entry.
 */
export class TupleMap<V> {
  private readonly root = new Map<unknown, unknown>()
  private readonly interned = new Map<string, object>()

  private norm(v: KeyValue): unknown {
    if (v === null || typeof v !== 'object') return v
    const text = v.kind === 'ip' ? `i${v.hex}` : `v${v.text}`
    let token = this.interned.get(text)
    if (token === undefined) {
      token = { text }
      this.interned.set(text, token)
    }
    return token
  }

  /** The innermost Map holding the tuple's last value, or undefined (create: build the path). */
  private leafMap(tuple: readonly KeyValue[], create: boolean): Map<unknown, unknown> | undefined {
    let m = this.root
    for (let k = 0; k < tuple.length - 1; k++) {
      const key = this.norm(tuple[k] as KeyValue)
      let next = m.get(key) as Map<unknown, unknown> | undefined
      if (next === undefined) {
        if (!create) return undefined
        next = new Map<unknown, unknown>()
        m.set(key, next)
      }
      m = next
    }
    return m
  }

  private lastKey(tuple: readonly KeyValue[]): unknown {
    return tuple.length === 0 ? EMPTY_KEY : this.norm(tuple[tuple.length - 1] as KeyValue)
  }

  get(tuple: readonly KeyValue[]): V | undefined {
    if (tuple.length === 1) return this.root.get(this.norm(tuple[0] as KeyValue)) as V | undefined
    return this.leafMap(tuple, false)?.get(this.lastKey(tuple)) as V | undefined
  }

  set(tuple: readonly KeyValue[], value: V): void {
    ;(this.leafMap(tuple, true) as Map<unknown, unknown>).set(this.lastKey(tuple), value)
  }

  /** Removes the entry (inner Maps stay: they are bounded by the distinct key prefixes seen). */
  delete(tuple: readonly KeyValue[]): void {
    this.leafMap(tuple, false)?.delete(this.lastKey(tuple))
  }
}

/**
 * Every key tuple of an event for the given readers: [] when some key has no value (the event
 * cannot take part), one tuple per combination otherwise. No readers: the single empty tuple.
 */
export function keyTuples(readers: readonly KeyReader[], event: unknown): readonly (readonly KeyValue[])[] {
  const n = readers.length
  if (n === 0) return [EMPTY_TUPLE]
  if (n === 1) {
    const vals = (readers[0] as KeyReader)(event)
    if (vals.length === 0) return NO_TUPLES
    if (vals.length === 1) return [vals]
    return vals.map((v) => [v])
  }
  // read every key once; the common case (each single-valued) is one tuple, built directly
  const all: (readonly KeyValue[])[] = new Array<readonly KeyValue[]>(n)
  let single = true
  for (let k = 0; k < n; k++) {
    const vals = (readers[k] as KeyReader)(event)
    if (vals.length === 0) return NO_TUPLES
    if (vals.length !== 1) single = false
    all[k] = vals
  }
  if (single) {
    const tuple: KeyValue[] = new Array<KeyValue>(n)
    for (let k = 0; k < n; k++) tuple[k] = (all[k] as readonly KeyValue[])[0] as KeyValue
    return [tuple]
  }
  let acc: KeyValue[][] = [[]]
  for (const vals of all) {
    const next: KeyValue[][] = []
    for (const prefix of acc) for (const v of vals) next.push([...prefix, v])
    acc = next
  }
  return acc
}

/**
 * A key tuple as results show it: dates in ISO-8601 UTC as Elasticsearch prints join keys of date
 * fields (QA `byDate`: "1970-01-01T00:00:00.000Z"), ips and versions as text.
 */
export function displayTuple(
  tuple: readonly KeyValue[],
  display: readonly KeyDisplay[] | undefined,
): (string | number | boolean | null)[] {
  return tuple.map((v, k) => {
    if (v === null) return null
    const how = display?.[k] ?? 'plain'
    if (how === 'date' && typeof v === 'number') return formatDateMillis(v)
    if (how === 'date_nanos' && typeof v === 'bigint') return formatNanos(v)
    return displayIndexed(v)
  })
}

const NANOS_PER_MS = 1_000_000n

// Millisecond ISO text with the sub-millisecond digits appended (9 fraction digits) when present.
// [verify] Elasticsearch's exact rendering of date_nanos join keys (trailing zeros) is unconfirmed.
function formatNanos(v: bigint): string {
  let ms = v / NANOS_PER_MS
  let sub = v - ms * NANOS_PER_MS
  if (sub < 0n) {
    ms -= 1n
    sub += NANOS_PER_MS
  }
  const iso = formatDateMillis(Number(ms))
  return sub === 0n ? iso : iso.replace(/Z$/, `${sub.toString().padStart(6, '0')}Z`)
}

/** Key tuples in ascending order, component by component, null first (spec 9, QA sample order). */
export function compareTuples(a: readonly KeyValue[], b: readonly KeyValue[]): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? null
    const y = b[i] ?? null
    if (x === y) continue
    if (x === null) return -1
    if (y === null) return 1
    const c = compareIndexed(x as Indexed, y as Indexed)
    if (c !== 0) return c
  }
  return a.length - b.length
}
