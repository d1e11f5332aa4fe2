import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { findSimilar, suggestion } from './check-suggest'

/** The definition, without the prefilters and the early exit: plain edit distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = cur
  }
  return prev[b.length] ?? 0
}

function reference(name: string, candidates: readonly string[]): string[] {
  return candidates
    .filter((c) => c !== name && Math.max(c.length, name.length) > 0)
    .map((c) => ({ c, s: 1 - distance(name, c) / Math.max(c.length, name.length) }))
    .filter((x) => x.s >= 0.5)
    .sort((a, b) => b.s - a.s || (a.c < b.c ? -1 : a.c > b.c ? 1 : 0))
    .slice(0, 10)
    .map((x) => x.c)
}

describe('findSimilar', () => {
  const names = buildSchema({ ecs: true }).schema.names()

  it('finds what the plain definition finds: the length, bigram and character bounds never reject a match', () => {
    // misspellings of ECS names (insertions, deletions, substitutions) and names from elsewhere
    const queries = ['proces.name', 'host.os.tpye', 'event.categroy', 'user.nmae', 'prcs.nm', 'winlog.computer_name', 'x', 'dll.Ext.relative_file_creation_time', 'file.path.caseless', 'source.ipp']
    for (const q of queries) expect(findSimilar(q, names), q).toEqual(reference(q, names))
  })

  it('agrees with the plain definition on random strings, where many distances sit at the threshold', () => {
    let seed = 7
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return Math.floor((seed / 2147483648) * n)
    }
    const word = (max: number): string => Array.from({ length: 1 + rnd(max) }, () => 'ab._é'[rnd(5)] ?? '').join('')
    const candidates = [...new Set(Array.from({ length: 300 }, () => word(40)))]
    for (let n = 0; n < 200; n++) {
      const q = word(n % 2 === 0 ? 12 : 40)
      expect(findSimilar(q, candidates), q).toEqual(reference(q, candidates))
    }
  })

  it('words the suggestion as Elasticsearch does', () => {
    expect(suggestion('proces.name', ['process.name'])).toBe(', did you mean [process.name]?')
    expect(suggestion('zzzz', ['process.name'])).toBe('')
  })
})
