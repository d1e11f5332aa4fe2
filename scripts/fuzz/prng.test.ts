/** The fuzzer's PRNG: same seed, same stream (replayable runs); different seeds, different streams. */
import { describe, expect, it } from 'vitest'
import { makeRng, mulberry32 } from './prng'

function draw(seed: number, n: number): number[] {
  const next = mulberry32(seed)
  return Array.from({ length: n }, () => next())
}

describe('mulberry32', () => {
  it('repeats its stream for the same seed', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100))
  })

  it('gives another stream for another seed', () => {
    expect(draw(42, 20)).not.toEqual(draw(43, 20))
  })

  it('stays in [0, 1) and spreads over it', () => {
    const xs = draw(7, 10_000)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    const low = xs.filter((x) => x < 0.5).length
    expect(low).toBeGreaterThan(4_500)
    expect(low).toBeLessThan(5_500)
  })
})

describe('makeRng', () => {
  it('keeps int, range and pick inside their bounds', () => {
    const rng = makeRng(3)
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(5)
      expect(n >= 0 && n < 5 && Number.isInteger(n)).toBe(true)
      const r = rng.range(-2, 2)
      expect(r >= -2 && r <= 2).toBe(true)
      expect(['a', 'b']).toContain(rng.pick(['a', 'b']))
    }
    expect(rng.int(0)).toBe(0)
  })

  it('refuses to pick from an empty list (a caller bug)', () => {
    expect(() => makeRng(1).pick([])).toThrow(/empty/)
  })
})
