/** Query mutators and event generator: varied, deterministic, and round-tripping the tokenizer. */
import { describe, expect, it } from 'vitest'
import { join, mutateQuery, tokenize, vocabularyOf } from './mutate-query'
import { makeRng } from './prng'
import { randomEvents } from './random-events'

const EQL = 'process where event.type == "start" and process.name : ("bash", "sh") and process.pid > 10'
const KQL = 'event.category:process and process.name:(bash or "sh*") and not user.name:root'
const vocab = vocabularyOf([EQL, KQL])

describe('tokenize', () => {
  it('joins back to the text it cut', () => {
    for (const q of [EQL, KQL, '"unterminated', '\ud800 x\u0000y', '']) expect(join(tokenize(q))).toBe(q)
  })
})

describe('mutateQuery', () => {
  it('produces many distinct queries from one seed', () => {
    const rng = makeRng(11)
    const out = new Set<string>()
    for (let i = 0; i < 300; i++) out.add(mutateQuery(rng, EQL, 'eql', vocab, [EQL]))
    expect(out.size).toBeGreaterThan(200)
    expect([...out].some((q) => q.length > 1000)).toBe(true) // long strings, identifiers or nesting
    expect([...out].some((q) => q.length < EQL.length)).toBe(true) // deletions, truncations
  })

  it('is deterministic for a seed', () => {
    const run = (): string[] => {
      const rng = makeRng(5)
      return Array.from({ length: 50 }, () => mutateQuery(rng, KQL, 'kql', vocab, [KQL]))
    }
    expect(run()).toEqual(run())
  })

  it('reaches odd Unicode for both languages', () => {
    const rng = makeRng(2)
    const all = Array.from({ length: 400 }, (_, i) => mutateQuery(rng, i % 2 ? EQL : KQL, i % 2 ? 'eql' : 'kql', vocab, [EQL]))
    expect(all.some((q) => /[\ud800-\udfff\u0000\u202e]/.test(q))).toBe(true)
  })
})

describe('randomEvents', () => {
  it('gives varied batches of objects, the same for the same seed', () => {
    const a = randomEvents(makeRng(9), 8)
    const b = randomEvents(makeRng(9), 8)
    expect(a).toEqual(b)
    expect(a.length).toBeGreaterThan(0)
    const many = Array.from({ length: 40 }, (_, i) => JSON.stringify(randomEvents(makeRng(i), 4)))
    expect(new Set(many).size).toBe(40)
  })
})
