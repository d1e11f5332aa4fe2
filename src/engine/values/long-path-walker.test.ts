import { describe, expect, it } from 'vitest'
import { compileGetter, compileObjectGetter } from './field-getter'
import { compileLongPathWalker } from './long-path-walker'
import { mulberry32 } from '../../../scripts/fuzz/prng'

/** The fuzz command's seeded generator (mulberry32), so a failure can be replayed. */
const prng = mulberry32

/**
 * A random event holding parts of `segs` spelled every way: nested objects, dotted keys of any
 * span, arrays of objects and of scalars, nulls, objects where a scalar is expected, and keys that
 * are prefixes or extensions of a spelling (`a.b` vs `a.bc`), which a key scan must not confuse.
 */
function randomEvent(segs: readonly string[], rnd: () => number, i = 0, depth = 0): unknown {
  const pick = (k: number): number => Math.floor(rnd() * k)
  if (i === segs.length || depth > 6) {
    const leaves: unknown[] = [1, 'x', null, [], [2, null, [3]], { z: 1 }, [{ z: 2 }, 'y'], false, 0]
    return leaves[pick(leaves.length)]
  }
  if (rnd() < 0.15) return [randomEvent(segs, rnd, i, depth + 1), randomEvent(segs, rnd, i, depth + 1)]
  const o: Record<string, unknown> = {}
  const keys = 1 + pick(3)
  for (let k = 0; k < keys; k++) {
    const j = i + 1 + pick(segs.length - i)
    const key = segs.slice(i, j).join('.')
    const r = rnd()
    if (r < 0.1) o[`${key}x`] = 'decoy'
    else if (r < 0.15) o[key.slice(0, -1)] = 'decoy'
    else o[key] = randomEvent(segs, rnd, j, depth + 1)
  }
  return o
}

describe('compileLongPathWalker', () => {
  it('finds every spelling of a path, in the same order as the table walk (random events)', () => {
    const rnd = prng(42)
    for (const path of ['a.b', 'a.b.c', 'process.parent.name', 'a..b', 'x.y.z.w', 'k.k.k']) {
      const segs = path.split('.')
      const values = compileGetter(path)
      const scanValues = compileLongPathWalker(segs, (v) => valuesThroughGetter(v))
      for (let n = 0; n < 400; n++) {
        const event = randomEvent(segs, rnd)
        expect(scanValues(event), `${path} ${JSON.stringify(event)}`).toEqual(values(event))
      }
    }
  })

  it('reads a field of 800 segments in nested, dotted and mixed spellings, quickly', () => {
    const segs = Array.from({ length: 800 }, (_, i) => `s${i % 7}`)
    const path = segs.join('.')
    let nested: unknown = 'deep'
    for (let i = segs.length - 1; i >= 0; i--) nested = { [segs[i] as string]: nested }
    const mixed = { [segs.slice(0, 400).join('.')]: { [segs.slice(400).join('.')]: 'mixed' } }
    const t0 = performance.now()
    const get = compileGetter(path)
    expect(get(nested)).toBe('deep')
    expect(get({ [path]: 'dotted' })).toBe('dotted')
    expect(get(mixed)).toBe('mixed')
    expect(get({ [path]: 'dotted', ...(nested as object) })).toEqual(['deep', 'dotted'])
    expect(get({ [`${path}.more`]: 1, [path.slice(0, -1)]: 2 })).toBeUndefined()
    expect(compileObjectGetter(path.slice(0, path.lastIndexOf('.')))(nested)).toHaveLength(1)
    // the old table of spellings took seconds here; a hang detector, not a benchmark
    expect(performance.now() - t0).toBeLessThan(1000)
  })

  it('sees own keys only and keeps empty segments literal', () => {
    const segs = Array.from({ length: 20 }, () => 'constructor')
    const get = compileGetter(segs.join('.'))
    expect(get({})).toBeUndefined()
    // JSON.parse makes "constructor" an own key, as in a parsed event
    let json = '"v"'
    for (const s of segs) json = `{"${s}":${json}}`
    expect(get(JSON.parse(json))).toBe('v')
    const empty = ['a', '', ...Array.from({ length: 18 }, () => 'b')]
    expect(compileGetter(empty.join('.'))({ 'a.': { [empty.slice(2).join('.')]: 3 } })).toBe(3)
    expect(compileGetter(empty.join('.'))({ a: { [empty.slice(2).join('.')]: 3 } })).toBeUndefined()
  })
})

/** What the value getter makes of a found leaf: scalars, flattened, nulls and objects dropped. */
function valuesThroughGetter(v: unknown): unknown {
  return compileGetter('v')({ v })
}
