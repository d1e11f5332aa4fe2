/**
 * Case folding of code-point sets for `case_insensitive` patterns.
 *
 * Unicode mode groups code points that reach each other through simple (one code point to one
 * code point) lower/upper-case mappings, e.g. {k, K, U+212A KELVIN SIGN} and {σ, ς, Σ}. Mappings
 * that JavaScript expands to several code points are dropped, except U+0130 (İ) whose Java simple
 * lower-case is `i`, which Lucene sees. The table is built once, lazily, by scanning the planes
 * that hold cased letters, so patterns that never fold never pay for it.
 */
import { contains, normalize } from './char-set'
import type { CaseFolding, CodePointRanges } from './types'

/** Cased code points live below this bound (the last cased script, Adlam, ends near U+1E94B). */
const SCAN_LIMIT = 0x20000

/** Sorted cased code points and, at the same index, every other member of their case group. */
interface FoldTable {
  readonly cased: Int32Array
  readonly others: readonly (readonly number[])[]
  /** The same groups by code point, for folding single characters without a scan. */
  readonly byCodePoint: ReadonlyMap<number, readonly number[]>
}

let table: FoldTable | undefined

function singleCodePoint(s: string): number | undefined {
  const cp = s.codePointAt(0)
  if (cp === undefined) return undefined
  return s.length === (cp > 0xffff ? 2 : 1) ? cp : undefined
}

function buildTable(): FoldTable {
  // Union-find over code points, so chains like ς -> Σ -> σ end in one group.
  const parent = new Map<number, number>()
  const find = (x: number): number => {
    let root = x
    for (let p = parent.get(root); p !== undefined && p !== root; p = parent.get(root)) root = p
    parent.set(x, root)
    return root
  }
  const join = (a: number, b: number): void => {
    if (!parent.has(a)) parent.set(a, a)
    if (!parent.has(b)) parent.set(b, b)
    const ra = find(a)
    const rb = find(b)
    if (ra !== rb) parent.set(ra, rb)
  }
  for (let cp = 0; cp < SCAN_LIMIT; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue
    const s = String.fromCodePoint(cp)
    const lower = cp === 0x130 ? 0x69 : singleCodePoint(s.toLowerCase())
    const upper = singleCodePoint(s.toUpperCase())
    if (lower !== undefined && lower !== cp) join(cp, lower)
    if (upper !== undefined && upper !== cp) join(cp, upper)
  }
  const groups = new Map<number, number[]>()
  for (const cp of parent.keys()) {
    const root = find(cp)
    const g = groups.get(root)
    if (g === undefined) groups.set(root, [cp])
    else g.push(cp)
  }
  const cased = [...parent.keys()].sort((a, b) => a - b)
  const others = cased.map((cp) => (groups.get(find(cp)) ?? []).filter((o) => o !== cp))
  const byCodePoint = new Map<number, readonly number[]>()
  cased.forEach((cp, i) => byCodePoint.set(cp, others[i] ?? []))
  return { cased: Int32Array.from(cased), others, byCodePoint }
}

function foldTable(): FoldTable {
  table ??= buildTable()
  return table
}

/** Adds to `set` every case variant (Unicode mode) of its members. */
export function foldUnicode(set: CodePointRanges): CodePointRanges {
  const { cased, others } = foldTable()
  const extra: [number, number][] = []
  for (let i = 0; i < cased.length; i++) {
    const cp = cased[i]
    if (cp === undefined || !contains(set, cp)) continue
    for (const o of others[i] ?? []) extra.push([o, o])
  }
  return extra.length === 0 ? set : normalize([...set, ...extra])
}

/** ASCII mode: the other-case letter of an ASCII letter, else `undefined`. */
export function asciiOtherCase(cp: number): number | undefined {
  if (cp >= 0x41 && cp <= 0x5a) return cp + 0x20
  if (cp >= 0x61 && cp <= 0x7a) return cp - 0x20
  return undefined
}

/** Folds the set of one literal character (also used for quoted strings and class members). */
export function foldChar(cp: number, mode: CaseFolding): CodePointRanges {
  if (mode === 'ascii') {
    const other = asciiOtherCase(cp)
    return other === undefined ? [[cp, cp]] : normalize([[cp, cp], [other, other]])
  }
  const others = foldTable().byCodePoint.get(cp)
  if (others === undefined) return [[cp, cp]]
  return normalize([[cp, cp], ...others.map((o): [number, number] => [o, o])])
}

/** Folds a character range: Unicode mode folds every member, ASCII mode leaves ranges alone. */
export function foldRange(set: CodePointRanges, mode: CaseFolding): CodePointRanges {
  return mode === 'ascii' ? set : foldUnicode(set)
}
