import { describe, expect, it } from 'vitest'
import { compileLuceneRegex } from './index'
import { matcher, refusal } from './test-support'

// These would take exponential time in a backtracking engine; an automaton answers in one pass.
// The test asserts results only: a regression into backtracking shows up as a suite timeout.
describe('pathological patterns finish', () => {
  const as = 'a'.repeat(10_000)

  it.each([
    ['(a+)+b', as, false],
    ['(a+)+b', as + 'b', true],
    ['(a|a)*b', as, false],
    ['(a|aa)*b', as, false],
    ['(a*)*b', as, false],
    ['(a*)*', as, true],
    ['(.*a){20}', as, true],
    ['(.*a){20}', 'a'.repeat(19), false],
    ['(.*a){20}b', as, false],
    ['(a?){30}a{30}', 'a'.repeat(30), true],
    ['(a?){30}a{30}', 'a'.repeat(29), false],
    ['.*.*.*.*.*.*.*.*=.*', as, false],
    ['(x+x+)+y', 'x'.repeat(10_000), false],
    ['([a-z]+)*[0-9]', as + '!', false],
  ])('%s on a long input', (pattern, value, expected) => {
    expect(matcher(pattern)(value)).toBe(expected)
  })

  it('keeps answers right when the lazy DFA cache overflows and is flushed', () => {
    // .*a.{16} has ~2^17 DFA states; random a/b text visits far more than the 10,000 cached.
    const test = matcher('.*a.{16}')
    let seed = 3
    let text = ''
    for (let i = 0; i < 40_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      text += seed & 0x10000 ? 'a' : 'b'
    }
    for (const cut of [17, 100, 1000, 39_999, 40_000]) {
      const value = text.slice(0, cut)
      expect(test(value)).toBe(value.charAt(value.length - 17) === 'a')
    }
  })
})

describe('Elasticsearch determinization limit (warning)', () => {
  it('warns when the whole DFA needs more than 10,000 states, and still matches', () => {
    const r = compileLuceneRegex('.*a.{13}')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.warning).toContain('more than 10000 states')
    expect(r.test('a' + 'b'.repeat(13))).toBe(true)
    expect(r.test('b'.repeat(14))).toBe(false)
  })

  it('does not warn for patterns just under the limit or for typical rule patterns', () => {
    for (const p of ['.*a.{11}', '.*\\.(sh|py|pl)', '[a-z0-9]{20,}', '(.*a){20}']) {
      const r = compileLuceneRegex(p)
      expect(r.ok && r.warning, p).toBeUndefined()
    }
  })
})

describe('size limits', () => {
  it('refuses huge repetition counts instead of expanding them', () => {
    for (const p of ['a{1000000}', 'a{5,1000000}', '(a{1000}){1000}', '[a-z]{60000,}']) {
      const r = refusal(p)
      expect(r.kind).toBe('too_complex')
      expect(r.message).toContain('too complex')
    }
  })

  it('accepts the repetition sizes rules use', () => {
    expect(matcher('\\.[a-z0-9_\\-][a-z0-9_\\-\\.]{1,254}')('.ab-c.d')).toBe(true)
    expect(matcher('a{10000}')('a'.repeat(10_000))).toBe(true)
  })
})
