/**
 * A small seeded PRNG (mulberry32) so the benchmark's events are identical on every run and
 * machine: timings are then comparable between commits, and a regression is not a data change.
 */
export interface Rng {
  /** uniform in [0, 1) */
  next(): number
  /** integer in [0, n) */
  int(n: number): number
  /** one element of a non-empty list */
  pick<T>(items: readonly T[]): T
  /** true with probability p */
  chance(p: number): boolean
  /** lower-case hex string of the given length */
  hex(length: number): string
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number): number => Math.floor(next() * n)
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
    chance: (p: number): boolean => next() < p,
    hex(length: number): string {
      let out = ''
      while (out.length < length) out += int(0x10000).toString(16).padStart(4, '0')
      return out.slice(0, length)
    },
  }
}
