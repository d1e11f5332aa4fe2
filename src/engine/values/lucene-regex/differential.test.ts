import { describe, expect, it } from 'vitest'
import { compileLuceneRegex, parseRegexFlags } from './index'

// Differential check: on the syntax both languages share, a Lucene pattern must accept exactly
// the strings that the equivalent anchored JavaScript RegExp accepts. Patterns are random but
// seeded; inputs are every string over a small alphabet up to length 5.

interface Pair {
  readonly lucene: string
  readonly js: string
}

function generator(seed: number): () => Pair {
  let state = seed
  const rand = (n: number): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return (state >> 8) % n
  }
  const atom = (depth: number): Pair => {
    switch (rand(depth > 2 ? 6 : 8)) {
      case 0:
        return { lucene: 'a', js: 'a' }
      case 1:
        return { lucene: 'b', js: 'b' }
      case 2:
        return { lucene: '.', js: '[^]' }
      case 3:
        return { lucene: '[ab]', js: '[ab]' }
      case 4:
        return { lucene: '[^a]', js: '[^a]' }
      case 5:
        return { lucene: '"ab"', js: 'ab' }
      default: {
        const inner = union(depth + 1)
        return { lucene: `(${inner.lucene})`, js: `(?:${inner.js})` }
      }
    }
  }
  const repeat = (depth: number): Pair => {
    const a = atom(depth)
    const ops = ['', '', '?', '*', '+', '{2}', '{0,2}', '{1,}', '{2,3}']
    const op = ops[rand(ops.length)] ?? ''
    // JS needs a group around a quoted string before a quantifier; Lucene treats "ab" as a unit.
    const js = op !== '' && a.lucene.startsWith('"') ? `(?:${a.js})` : a.js
    return { lucene: a.lucene + op, js: js + op }
  }
  const concat = (depth: number): Pair => {
    const parts = Array.from({ length: 1 + rand(3) }, () => repeat(depth))
    return { lucene: parts.map((p) => p.lucene).join(''), js: parts.map((p) => p.js).join('') }
  }
  const union = (depth: number): Pair => {
    const alts = Array.from({ length: 1 + rand(depth > 1 ? 1 : 3) }, () => concat(depth))
    return { lucene: alts.map((p) => p.lucene).join('|'), js: alts.map((p) => p.js).join('|') }
  }
  return () => union(0)
}

function allStrings(alphabet: readonly string[], maxLength: number): string[] {
  const out = ['']
  let layer = ['']
  for (let n = 1; n <= maxLength; n++) {
    layer = layer.flatMap((s) => alphabet.map((c) => s + c))
    out.push(...layer)
  }
  return out
}

describe('agreement with JavaScript RegExp on the shared syntax', () => {
  const inputs = allStrings(['a', 'b', 'c', '\n'], 5)

  it('agrees on 300 random patterns over every string up to length 5', () => {
    const next = generator(42)
    for (let i = 0; i < 300; i++) {
      const { lucene, js } = next()
      const r = compileLuceneRegex(lucene)
      expect(r.ok, lucene).toBe(true)
      if (!r.ok) continue
      const re = new RegExp(`^(?:${js})$`, 'u')
      const disagree = inputs.filter((s) => r.test(s) !== re.test(s))
      expect(disagree.slice(0, 3), `${lucene} vs /${js}/`).toEqual([])
    }
  })

  it('agrees with the i flag on ASCII letters under caseInsensitive', () => {
    const next = generator(7)
    const mixed = allStrings(['a', 'B', 'b', 'A'], 4)
    for (let i = 0; i < 150; i++) {
      const { lucene, js } = next()
      const r = compileLuceneRegex(lucene, { caseInsensitive: true })
      if (!r.ok) continue
      const re = new RegExp(`^(?:${js})$`, 'iu')
      expect(mixed.filter((s) => r.test(s) !== re.test(s)).slice(0, 3), lucene).toEqual([])
    }
  })
})

describe('parseRegexFlags', () => {
  it('reads the regexp query flags syntax', () => {
    expect(parseRegexFlags('INTERSECTION|COMPLEMENT|EMPTY')).toEqual(['INTERSECTION', 'COMPLEMENT', 'EMPTY'])
    expect(parseRegexFlags('none')).toEqual([])
    expect(parseRegexFlags('ALL')?.length).toBe(6)
    expect(parseRegexFlags('AUTOMATON|interval')).toEqual(['AUTOMATON', 'INTERVAL'])
    expect(parseRegexFlags('BOGUS')).toBeUndefined()
  })

  it('feeds compileLuceneRegex', () => {
    const flags = parseRegexFlags('INTERSECTION') ?? 'ALL'
    const r = compileLuceneRegex('a.*&.*b|~c', { flags })
    expect(r.ok && r.test('axb')).toBe(true)
    expect(r.ok && r.test('~c')).toBe(true)
  })
})
