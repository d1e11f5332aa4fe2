import type { Indexed } from '../values/indexed-types'
import { compareIndexed, displayIndexed } from '../values/compare-indexed'
import type { KeyReader, KeyValue } from './program'

/**
 * Join keys at run time: the fan-out of multi-valued keys into key tuples (spec 8.2: one tuple per
 * combination of distinct values, cartesian product over the keys) and an identity for each tuple
 * usable as a Map key, so per-key matcher state is one Map lookup.
 */

/** A Map key standing for one key tuple (equal tuples get equal ids within one run). */
export type TupleId = string | number | boolean | bigint | null | object

const NO_TUPLES: readonly (readonly KeyValue[])[] = []
const EMPTY_TUPLE: readonly KeyValue[] = []

/** Per-run tuple identities. Ips and versions are interned so single-key ids never collide with strings. */
export class TupleIds {
  private readonly interned = new Map<string, object>()

  /** Identity of a tuple: the bare value for single primitive keys (the fast, common case). */
  id(tuple: readonly KeyValue[]): TupleId {
    if (tuple.length === 1) {
      const v = tuple[0] as KeyValue
      if (v === null || typeof v !== 'object') return v
      const text = encode(v)
      let token = this.interned.get(text)
      if (token === undefined) {
        token = { text }
        this.interned.set(text, token)
      }
      return token
    }
    let s = ''
    for (const v of tuple) s += encode(v)
    return s
  }
}

// Self-delimiting encoding of one component, so concatenations of different tuples never coincide.
function encode(v: KeyValue): string {
  if (v === null) return 'z'
  switch (typeof v) {
    case 'string':
      return `s${v.length}:${v}`
    case 'number':
      return `n${v}|`
    case 'bigint':
      return `g${v}|`
    case 'boolean':
      return v ? 't' : 'f'
    default:
      return v.kind === 'ip' ? `i${v.hex}` : `v${v.text.length}:${v.text}`
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
  let acc: KeyValue[][] = [[]]
  for (const r of readers) {
    const vals = r(event)
    if (vals.length === 0) return NO_TUPLES
    const next: KeyValue[][] = []
    for (const prefix of acc) for (const v of vals) next.push([...prefix, v])
    acc = next
  }
  return acc
}

/** Join keys as results show them: ips and versions as text, nanosecond dates as digit strings. */
export function displayKey(v: KeyValue): string | number | boolean | null {
  return v === null ? null : displayIndexed(v)
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
