/**
 * The alphabet partition: code points split into classes that no pattern set cuts apart, so
 * automata transition on a small class id instead of on 1.1 million code points, and a DFA row
 * is a short typed array indexed by class.
 */
import type { CodePointRanges, RegexNode } from './types'
import { MAX_CODE_POINT } from './types'

/** Classes are `[starts[i], starts[i + 1] - 1]`; the last class ends at MAX_CODE_POINT. */
export interface Alphabet {
  readonly starts: Int32Array
  readonly size: number
  /** Class of each code point below 256 (most rule text is ASCII/Latin-1). */
  readonly latin1: Int32Array
  /** Same for the BMP pages of 256 code points, filled on first use (empty until then). */
  readonly pages: Int32Array[]
}

/** Builds the coarsest partition that keeps every set of `root` a union of whole classes. */
export function buildAlphabet(root: RegexNode): Alphabet {
  const cuts = new Set<number>([0])
  const visit = (node: RegexNode): void => {
    switch (node.kind) {
      case 'chars':
        for (const [lo, hi] of node.set) {
          cuts.add(lo)
          if (hi < MAX_CODE_POINT) cuts.add(hi + 1)
        }
        return
      case 'concat':
        node.parts.forEach(visit)
        return
      case 'union':
        node.alternatives.forEach(visit)
        return
      case 'intersection':
        visit(node.left)
        visit(node.right)
        return
      case 'complement':
      case 'repeat':
        visit(node.operand)
        return
      case 'empty-language':
      case 'empty-string':
      case 'any-string':
        return
      default: {
        const unreachable: never = node
        return unreachable
      }
    }
  }
  visit(root)
  const starts = Int32Array.from([...cuts].sort((a, b) => a - b))
  const alphabet: Alphabet = { starts, size: starts.length, latin1: new Int32Array(256), pages: [] }
  // A packed array of one element type keeps the page lookup on V8's fast path; holes or
  // `undefined` entries made it several times slower.
  for (let p = 0; p < 256; p++) alphabet.pages.push(UNFILLED)
  for (let cp = 0; cp < 256; cp++) alphabet.latin1[cp] = searchClass(starts, cp)
  return alphabet
}

const UNFILLED = new Int32Array(0)

function searchClass(starts: Int32Array, cp: number): number {
  let lo = 0
  let hi = starts.length - 1
  // Last start <= cp; starts[0] is 0 so the answer always exists.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((starts[mid] ?? 0) <= cp) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Class id of a code point. */
export function classOf(alphabet: Alphabet, cp: number): number {
  if (cp < 256) return alphabet.latin1[cp] ?? 0
  if (cp > 0xffff) return searchClass(alphabet.starts, cp)
  // Text in one script stays on a few pages, so a lazily filled page table makes non-Latin
  // values as cheap as ASCII after the first few characters.
  const table = alphabet.pages[cp >> 8] ?? UNFILLED
  return table.length === 0 ? fillPage(alphabet, cp) : (table[cp & 0xff] ?? 0)
}

/** Fills the page of `cp` and returns its class; kept out of classOf so that one inlines. */
function fillPage(alphabet: Alphabet, cp: number): number {
  const page = cp >> 8
  const table = new Int32Array(256)
  for (let i = 0; i < 256; i++) table[i] = searchClass(alphabet.starts, (page << 8) | i)
  alphabet.pages[page] = table
  return table[cp & 0xff] ?? 0
}

/**
 * The label of an edge on `set` (every class when `undefined`): class-id ranges
 * `[lo0, hi0, lo1, hi1, ...]`, exact because the partition refines every set of the pattern.
 */
export function classLabel(alphabet: Alphabet, set: CodePointRanges | undefined): Int32Array {
  if (set === undefined) return Int32Array.of(0, alphabet.size - 1)
  const ranges: number[] = []
  for (const [lo, hi] of set) {
    const first = classOf(alphabet, lo)
    const last = classOf(alphabet, hi)
    if (ranges.length > 0 && ranges[ranges.length - 1] === first - 1) ranges[ranges.length - 1] = last
    else ranges.push(first, last)
  }
  return Int32Array.from(ranges)
}
