/**
 * The fuzzer's seeded pseudo-random source (mulberry32): small, fast and the same on every
 * machine, so `npm run fuzz -- --seed S` replays exactly the inputs of an earlier run.
 */

/** A seeded generator with the few draws the fuzzer needs. */
export interface Rng {
  /** a float in [0, 1) */
  next(): number
  /** an integer in [0, n) (0 when n <= 0) */
  int(n: number): number
  /** an integer in [lo, hi] */
  range(lo: number, hi: number): number
  /** true with probability p */
  chance(p: number): boolean
  /** one element of a non-empty list */
  pick<T>(items: readonly T[]): T
}

/** mulberry32: a 32-bit state generator; statistically plenty for choosing mutations. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** An Rng over mulberry32 seeded with `seed`. */
export function makeRng(seed: number): Rng {
  const next = mulberry32(seed)
  const int = (n: number): number => (n <= 0 ? 0 : Math.floor(next() * n))
  return {
    next,
    int,
    range: (lo, hi) => lo + int(hi - lo + 1),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[int(items.length)]
      // An empty list is a caller bug, not an input the fuzzer explores.
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
  }
}
