/**
 * The matcher: a DFA built lazily from the pattern's NFA while strings are tested.
 *
 * Each DFA state is an NFA subset; a row holds one transition per alphabet class, filled on
 * first use (UNKNOWN until then). Matching is therefore one table lookup per code point once
 * warm, and O(NFA size) per code point in the worst case — never exponential. The cache is
 * bounded (states, table cells and stored subset sizes): past a bound it is dropped and rebuilt,
 * so adversarial inputs cost time linear in their length but never unbounded memory.
 */
import { classOf, type Alphabet } from './alphabet'
import type { Nfa } from './nfa'
import { SubsetSpace, subsetKey } from './subset'

/** Stands for a page not yet filled (length 0 sends the lookup to classOf). */
const NO_PAGE = new Int32Array(0)
const UNKNOWN = -2
const DEAD = -1

/** Memory bounds of the transition cache. */
export interface CacheLimits {
  /** DFA states kept before flushing. */
  readonly states: number
  /** Transition-table cells (states x classes) kept before flushing. */
  readonly cells: number
  /** Sum of stored NFA-subset sizes kept before flushing. */
  readonly subsetEntries: number
}

/** Lazily determinized matcher of one compiled pattern. */
export class LazyDfa {
  private readonly space: SubsetSpace
  private readonly k: number
  private ids = new Map<string, number>()
  private subsetEntries = 0
  private readonly maxStates: number
  private sets: Int32Array[] = []
  private accept: Uint8Array
  private trans: Int32Array
  private start = 0

  constructor(
    nfa: Nfa,
    private readonly alphabet: Alphabet,
    private readonly limits: CacheLimits,
  ) {
    // Wide alphabets make rows long, so the state bound shrinks to keep the table bounded.
    this.maxStates = Math.max(16, Math.min(limits.states, Math.floor(limits.cells / alphabet.size)))
    this.space = new SubsetSpace(nfa)
    this.k = alphabet.size
    this.accept = new Uint8Array(16)
    this.trans = new Int32Array(16 * this.k).fill(UNKNOWN)
    this.start = this.intern(this.space.closure([nfa.start]))
  }

  /**
   * Fills transitions breadth-first from the start state, so typical patterns are fully
   * determinized at compile time and `test` never computes a subset. Stops with
   * `too-many-states` once more than `budget` states exist (the whole DFA is larger than
   * Elasticsearch would build), or `stopped` when the cache bound or `maxEffort` (NFA-state
   * visits) runs out first, which says nothing about the final size.
   */
  warm(budget: number, maxEffort: number): 'complete' | 'too-many-states' | 'stopped' {
    const buckets: number[][] = Array.from({ length: this.k }, () => [])
    let effort = 0
    for (let d = 0; d < this.sets.length; d++) {
      if (this.sets.length > budget) return 'too-many-states'
      if (this.sets.length >= this.maxStates || effort > maxEffort) return 'stopped'
      const row = d * this.k
      const set = this.sets[d] ?? new Int32Array(0)
      const touched = this.space.moveAll(set, buckets)
      for (let c = 0; c < this.k; c++) if (this.trans[row + c] === UNKNOWN) this.trans[row + c] = DEAD
      // Classes with the same move share one closure: rows are mostly a few distinct targets.
      const byMove = new Map<string, number>()
      for (const c of touched) {
        const moved = buckets[c] ?? []
        effort += moved.length
        const key = moved.join(',')
        let target = byMove.get(key)
        if (target === undefined) {
          const closed = this.space.closure(moved)
          effort += closed.length
          target = closed.length === 0 ? DEAD : (this.ids.get(subsetKey(closed)) ?? this.intern(closed))
          byMove.set(key, target)
        }
        // intern() may have replaced the table, so index the current one.
        this.trans[row + c] = target
        moved.length = 0
      }
      effort += set.length
    }
    return this.sets.length > budget ? 'too-many-states' : 'complete'
  }

  /** Whole-string match over code points. */
  test(value: string): boolean {
    const trans = this.trans
    const k = this.k
    const latin1 = this.alphabet.latin1
    const pages = this.alphabet.pages
    let state = this.start
    const n = value.length
    for (let i = 0; i < n; i++) {
      let cp = value.charCodeAt(i)
      let c: number
      if (cp < 256) {
        c = latin1[cp] ?? 0
      } else if (cp < 0xd800 || cp > 0xdfff) {
        // Other BMP characters: the alphabet's page table, read inline (a call here was
        // several times slower than the lookup itself).
        const page = pages[cp >> 8] ?? NO_PAGE
        c = page.length === 0 ? classOf(this.alphabet, cp) : (page[cp & 0xff] ?? 0)
      } else {
        // A surrogate pair is one code point, as Lucene reads UTF-8 terms; a lone surrogate
        // stands for itself.
        if (cp <= 0xdbff && i + 1 < n) {
          const low = value.charCodeAt(i + 1)
          if (low >= 0xdc00 && low <= 0xdfff) {
            cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
            i++
          }
        }
        c = classOf(this.alphabet, cp)
      }
      const next = trans[state * k + c] ?? UNKNOWN
      if (next === UNKNOWN) {
        // Slow path: compute() may grow or flush the tables, so continue on fresh reads.
        const target = this.compute(state, c)
        return target === DEAD ? false : this.testFrom(target, value, i + 1)
      }
      if (next === DEAD) return false
      state = next
    }
    return this.accept[state] === 1
  }

  /** Rest of {@link test} after a table miss, re-reading the tables at every step. */
  private testFrom(state: number, value: string, from: number): boolean {
    const n = value.length
    for (let i = from; i < n; i++) {
      let cp = value.charCodeAt(i)
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
        const low = value.charCodeAt(i + 1)
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000
          i++
        }
      }
      const c = classOf(this.alphabet, cp)
      let next = this.trans[state * this.k + c] ?? UNKNOWN
      if (next === UNKNOWN) next = this.compute(state, c)
      if (next === DEAD) return false
      state = next
    }
    return this.accept[state] === 1
  }

  /** Computes (and caches) the transition of `state` on class `c`; returns the target id. */
  private compute(state: number, c: number): number {
    const set = this.sets[state] ?? new Int32Array(0)
    const closed = this.space.closure(this.space.move(set, c))
    if (closed.length === 0) {
      this.trans[state * this.k + c] = DEAD
      return DEAD
    }
    const known = this.ids.get(subsetKey(closed))
    const full =
      this.sets.length >= this.maxStates || this.subsetEntries + closed.length > this.limits.subsetEntries
    if (known === undefined && full) {
      // Flush: keep only the start state; the caller continues from the new id it gets back.
      this.reset()
      return this.intern(closed)
    }
    const target = known ?? this.intern(closed)
    this.trans[state * this.k + c] = target
    return target
  }

  private reset(): void {
    const startSet = this.sets[this.start] ?? new Int32Array(0)
    this.ids = new Map()
    this.sets = []
    this.subsetEntries = 0
    this.accept = new Uint8Array(16)
    this.trans = new Int32Array(16 * this.k).fill(UNKNOWN)
    this.start = this.intern(startSet)
  }

  private intern(set: Int32Array): number {
    const id = this.sets.length
    if (id >= this.accept.length) {
      const accept = new Uint8Array(this.accept.length * 2)
      accept.set(this.accept)
      this.accept = accept
      const trans = new Int32Array(this.trans.length * 2).fill(UNKNOWN)
      trans.set(this.trans)
      this.trans = trans
    }
    this.ids.set(subsetKey(set), id)
    this.sets.push(set)
    this.subsetEntries += set.length
    this.accept[id] = this.space.accepts(set) ? 1 : 0
    return id
  }
}
