/**
 * Code-point sets as sorted inclusive ranges. Character classes, `.`, literals and case folding
 * all reduce to these, so the automata only ever see "one code point out of this set".
 */
import { MAX_CODE_POINT, type CodePointRanges } from './types'

type Range = [number, number]

/** The set holding exactly `cp`. */
export function singleton(cp: number): CodePointRanges {
  return [[cp, cp]]
}

/** The set of code points `lo..hi` inclusive (empty when `lo > hi`). */
export function range(lo: number, hi: number): CodePointRanges {
  return lo <= hi ? [[lo, hi]] : []
}

/** Every code point: what `.` matches. */
export const ANY_CHAR: CodePointRanges = [[0, MAX_CODE_POINT]]

/** Sorts and merges overlapping or touching ranges into canonical form. */
export function normalize(ranges: readonly (readonly [number, number])[]): CodePointRanges {
  const sorted: Range[] = ranges.filter((r) => r[0] <= r[1]).map((r): Range => [r[0], r[1]])
  sorted.sort((a, b) => a[0] - b[0])
  const out: Range[] = []
  for (const r of sorted) {
    const last = out[out.length - 1]
    // Touching ranges merge too, so equal sets always have equal representations.
    if (last !== undefined && r[0] <= last[1] + 1) {
      if (r[1] > last[1]) last[1] = r[1]
    } else {
      out.push(r)
    }
  }
  return out
}

/** Union of several sets. */
export function unionAll(sets: readonly CodePointRanges[]): CodePointRanges {
  const all: (readonly [number, number])[] = []
  for (const s of sets) all.push(...s)
  return normalize(all)
}

/** Complement within `0..MAX_CODE_POINT` (a negated class `[^...]`). */
export function negate(set: CodePointRanges): CodePointRanges {
  const out: Range[] = []
  let next = 0
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1])
    next = hi + 1
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT])
  return out
}

/** True when `cp` is in the set (binary search). */
export function contains(set: CodePointRanges, cp: number): boolean {
  let lo = 0
  let hi = set.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const r = set[mid]
    if (r === undefined) return false
    if (cp < r[0]) hi = mid - 1
    else if (cp > r[1]) lo = mid + 1
    else return true
  }
  return false
}

/** Total number of code points in the set. */
export function size(set: CodePointRanges): number {
  let n = 0
  for (const [lo, hi] of set) n += hi - lo + 1
  return n
}

// Lucene 9's predefined classes `\d \D \s \S \w \W`, defined over ASCII only (off by default,
// see `LuceneRegexOptions.predefinedClasses`).
const DIGIT: CodePointRanges = [[0x30, 0x39]]
const SPACE: CodePointRanges = normalize([[0x20, 0x20], [0x09, 0x0a], [0x0d, 0x0d]])
const WORD: CodePointRanges = normalize([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]])

/** The class named by the letter after `\`, or `undefined` when it names none. */
export function predefinedClass(letter: string): CodePointRanges | undefined {
  switch (letter) {
    case 'd':
      return DIGIT
    case 'D':
      return negate(DIGIT)
    case 's':
      return SPACE
    case 'S':
      return negate(SPACE)
    case 'w':
      return WORD
    case 'W':
      return negate(WORD)
    default:
      return undefined
  }
}
