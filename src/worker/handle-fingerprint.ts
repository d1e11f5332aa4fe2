import type { Dataset } from './dataset'
import type { FingerprintMark, FingerprintReport, FingerprintRequestFields, PlacedMark } from './protocol-fingerprint'

/**
 * The worker's `fingerprint` request (see protocol-fingerprint.ts): fingerprints of events and
 * where marked events are now.
 *
 * Placement, simplest rule that never moves a mark onto another event silently:
 * 1. a mark without a fingerprint is anchored by position (its event is the one at `index`);
 * 2. a mark whose event is still at `index` stays there;
 * 3. any other mark takes the first event, in input order, with its fingerprint that no mark has
 *    claimed (marks taken in their old order, so identical events keep their marks' order);
 * 4. none left: the mark's event is gone (`index: null`); the page keeps the mark and says so.
 * Fingerprints are computed lazily and cached per dataset, so a scan happens once per event set.
 */

/**
 * A stable fingerprint of an event: a 53-bit hash of its canonical JSON (object keys sorted at
 * every level, so reordering keys in the text does not change it), in base 36. Identical events
 * share one, which is why placement claims matches one by one.
 */
export function eventFingerprint(event: unknown): string {
  return hash53(canonicalJson(event)).toString(36)
}

/** JSON with object keys sorted; `undefined` members dropped as JSON.stringify drops them. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** cyrb53: two 32-bit multiplicative hashes mixed into 53 bits (collisions over 200k events: ~1e-6). */
function hash53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/**
 * Places `marks` among `count` events whose fingerprints `fingerprintAt` gives (rules above).
 * Pure, so the rules are tested without a worker.
 */
export function placeMarks(marks: readonly FingerprintMark[], count: number, fingerprintAt: (index: number) => string): PlacedMark[] {
  const placed: (PlacedMark | undefined)[] = marks.map(() => undefined)
  const claimed = new Set<number>()
  const inRange = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < count
  // 1. and 2.: marks that stay where they are
  marks.forEach((m, k) => {
    if (!inRange(m.index) || claimed.has(m.index)) return
    const here = fingerprintAt(m.index)
    if (m.fingerprint !== undefined && m.fingerprint !== here) return
    claimed.add(m.index)
    placed[k] = { index: m.index, fingerprint: here }
  })
  // 3.: the others look for their event, in their old order
  const order = marks.map((m, k) => ({ m, k })).filter(({ m, k }) => placed[k] === undefined && m.fingerprint !== undefined)
  order.sort((a, b) => a.m.index - b.m.index)
  if (order.length > 0) {
    const wanted = new Map<string, number[]>()
    for (const { m, k } of order) if (m.fingerprint !== undefined) wanted.set(m.fingerprint, [...(wanted.get(m.fingerprint) ?? []), k])
    let left = order.length
    for (let i = 0; i < count && left > 0; i++) {
      if (claimed.has(i)) continue
      const f = fingerprintAt(i)
      const waiting = wanted.get(f)
      const k = waiting?.shift()
      if (k === undefined) continue
      claimed.add(i)
      placed[k] = { index: i, fingerprint: f }
      left--
    }
  }
  keepOrderAmongCopies(marks, placed)
  // 4.: gone (or a position past the events, for a mark without a fingerprint)
  return placed.map((p) => p ?? { index: null, fingerprint: null })
}

/**
 * Identical events are interchangeable to a fingerprint, so rules 2 and 3 can swap the marks of two
 * copies (one stayed put, the other moved onto the copy above it). Reassigning each fingerprint's
 * positions in the marks' old order keeps them in the order they were written in.
 */
function keepOrderAmongCopies(marks: readonly FingerprintMark[], placed: (PlacedMark | undefined)[]): void {
  const groups = new Map<string, number[]>()
  placed.forEach((p, k) => {
    if (p && p.fingerprint !== null && marks[k]?.fingerprint !== undefined) groups.set(p.fingerprint, [...(groups.get(p.fingerprint) ?? []), k])
  })
  for (const ks of groups.values()) {
    if (ks.length < 2) continue
    const indexes = ks.map((k) => placed[k]?.index ?? 0).sort((a, b) => a - b)
    const byOld = [...ks].sort((a, b) => (marks[a]?.index ?? 0) - (marks[b]?.index ?? 0))
    byOld.forEach((k, j) => {
      const p = placed[k]
      if (p) placed[k] = { ...p, index: indexes[j] ?? p.index }
    })
  }
}

const cache = new WeakMap<Dataset, (string | undefined)[]>()

/**
 * Events `from` .. `to - 1` to fingerprint before placing: the worker's scheduler (scheduler.ts)
 * fingerprints a large set in slices (about 15 µs an event: 3 s for 200,000), answering runs in
 * between, instead of in one scan a keystroke would wait for.
 */
export interface FingerprintWarm {
  readonly from: number
  readonly to: number
}

/** Thrown inside a warm-up placement that needs a fingerprint not made yet. */
const NOT_YET: unique symbol = Symbol('not yet')

/**
 * Answers `fingerprint` over `dataset` (the caller checked the version). With `warm`, the events
 * of that range are fingerprinted first, and the marks are placed only if no other event's
 * fingerprint is needed (those at the marks' own positions are made): otherwise `marks` is empty,
 * and the scheduler warms the next range (placement reads events from the first on, so once the
 * warmed prefix covers what it reads, it answers).
 */
export function fingerprintMarks(req: FingerprintRequestFields & { readonly warm?: FingerprintWarm }, dataset: Dataset): FingerprintReport {
  let prints = cache.get(dataset)
  if (!prints) {
    prints = []
    cache.set(dataset, prints)
  }
  const known = prints
  const events = dataset.events
  const at = (i: number): string => (known[i] ??= eventFingerprint(events[i]))
  const report = (marks: PlacedMark[]): FingerprintReport => ({ eventsVersion: dataset.version, eventCount: events.length, marks })
  const warm = req.warm
  if (warm === undefined) return report(placeMarks(req.marks, events.length, at))
  const from = Math.max(0, warm.from)
  const to = Math.min(events.length, warm.to)
  for (let i = from; i < to; i++) at(i)
  // Placement reads the warmed prefix from its start: tried on the first range, then each time the
  // prefix has doubled, and at the end, so the tries cost O(events) in all, not O(events x slices).
  const doubled = from === 0 || to >= events.length || Math.floor(Math.log2(from)) !== Math.floor(Math.log2(to))
  if (!doubled) return report([])
  const own = new Set(req.marks.map((m) => m.index))
  const cached = (i: number): string => {
    const f = known[i] ?? (own.has(i) ? at(i) : undefined)
    if (f === undefined) throw NOT_YET
    return f
  }
  try {
    return report(placeMarks(req.marks, events.length, cached))
  } catch (e) {
    if (e === NOT_YET) return report([])
    throw e
  }
}
