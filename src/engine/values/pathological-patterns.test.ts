/**
 * Issue 9: user patterns can never hang the engine. The classic catastrophic-backtracking shapes,
 * run through the value compilers every query language uses (EQL wildcards, Lucene wildcards as
 * exception items and the Query DSL take them, Lucene regular expressions) on 20,000-100,000
 * character inputs. Each test asserts the answer, so a wrong matcher fails; a matcher that went
 * back to backtracking would run for minutes (2^n steps, or n^k for k stars) and is caught by the
 * per-test timeout below. The timeout is deliberately generous (these finish in milliseconds): it
 * is a hang detector, not a timing assertion, so a busy CI machine cannot make it flaky.
 * Vitest cannot interrupt synchronous code: a slow matcher fails on the timeout once it returns,
 * and one that never returns is stopped by the watchdog of scripts/fuzz/hang-guard.ts, which kills
 * the test process after 30 s and names the test (the run fails instead of stalling).
 */
import { describe, expect, it } from 'vitest'
import { compileLuceneRegex } from './lucene-regex'
import { compileWildcard, compileWildcardParts, parseLuceneWildcard } from './wildcard'
import { guardEachTest } from '../../../scripts/fuzz/hang-guard'

const HANG = { timeout: 2000 }

guardEachTest()

const N = 100_000

function regex(pattern: string, caseInsensitive = false): (s: string) => boolean {
  const r = compileLuceneRegex(pattern, { caseInsensitive })
  if (!r.ok) throw new Error(`${pattern}: ${r.message}`)
  return r.test
}

describe('EQL wildcards (compileWildcard) on long values', () => {
  const as = 'a'.repeat(N)
  const eightA = '*a*a*a*a*a*a*a*a*b'

  it.each([
    [eightA, as, false],
    [eightA, as + 'b', true],
    ['a*'.repeat(40), as, true],
    ['a*'.repeat(40) + 'b', as, false],
    ['a*'.repeat(40), 'a'.repeat(39) + 'b', false],
    ['*a'.repeat(60) + '*b', as + 'c', false],
    ['?*'.repeat(50), 'x'.repeat(N), true],
    ['?*'.repeat(50), 'x'.repeat(49), false],
    ['?*'.repeat(50) + 'b', 'x'.repeat(N), false],
    ['*' + '?'.repeat(30) + 'b', 'x'.repeat(N) + 'b', true],
    // a middle segment mixing literals and `?`: tried at each start, never re-split
    ['*' + 'a?'.repeat(100) + 'b*', 'a'.repeat(50_000), false],
    ['*' + 'a?'.repeat(100) + 'b*', 'a'.repeat(50_000) + 'b', true],
  ])('%# case-sensitive: %s', (pattern, value, expected) => {
    expect(compileWildcard(pattern, false)(value)).toBe(expected)
  }, HANG.timeout)

  it('case-insensitive (`:`, `like~`): the folding paths give the same answers', HANG, () => {
    expect(compileWildcard('*A*A*A*A*A*A*A*A*B', true)(as)).toBe(false)
    expect(compileWildcard('*A*A*A*A*A*A*A*A*B', true)(as + 'b')).toBe(true)
    expect(compileWildcard('*a*', true)('B'.repeat(N))).toBe(false)
    // k folds from the Kelvin sign, so the subject is folded character by character
    const kelvin = '\u212a'.repeat(N)
    expect(compileWildcard('*k*k*k*k*k*k*s', true)(kelvin)).toBe(false)
    expect(compileWildcard('*k*k*k*k*k*k*s', true)(kelvin + '\u017f')).toBe(true)
    expect(compileWildcard('?*'.repeat(40) + '\u00e9', true)('\u00c9'.repeat(N))).toBe(true)
  })

  it('stays linear: the same pattern at n and 4n characters (answers only, no timing)', HANG, () => {
    const test = compileWildcard('*a*a*a*a*a*a*a*a*a*a*a*a*b', false)
    for (const n of [25_000, 100_000]) {
      expect(test('a'.repeat(n))).toBe(false)
      expect(test('a'.repeat(n) + 'b')).toBe(true)
      expect(test('b' + 'a'.repeat(n))).toBe(false)
    }
  })
})

describe('Lucene wildcards (exception items, Query DSL) on long values', () => {
  it('escapes and stars in one pattern, over 100,000 characters', HANG, () => {
    const test = compileWildcardParts(parseLuceneWildcard('*\\**\\**\\**\\**\\**\\?'), false)
    expect(test('*'.repeat(N))).toBe(false)
    expect(test('*'.repeat(N) + '?')).toBe(true)
    const insensitive = compileWildcardParts(parseLuceneWildcard('*X*X*X*X*X*X*X*Y'), true)
    expect(insensitive('x'.repeat(N))).toBe(false)
    expect(insensitive('x'.repeat(N) + 'y')).toBe(true)
  })

  it('a long list of patterns, each tried on a long value', HANG, () => {
    const tests = Array.from({ length: 200 }, (_, i) => compileWildcard(`*a*a*a*a*${i}*b`, false))
    const value = 'a'.repeat(20_000) + '199'
    expect(tests.filter((t) => t(value))).toHaveLength(0)
    const hits = tests.flatMap((t, i) => (t(value + 'b') ? [i] : []))
    expect(hits).toEqual([1, 9, 19, 99, 199]) // the numbers that are substrings of "199"
  })
})

describe('Lucene regular expressions (regex, regex~) on long values', () => {
  const as = 'a'.repeat(N)
  it.each([
    ['(a+)+b', as, false],
    ['(a+)+b', as + 'b', true],
    ['(a|aa)+b', as, false],
    ['(a|aa)+', as, true],
    ['(a|a?)+b', as, false],
    ['(a|a?)+', as, true],
    ['(.*a){12}', as, true],
    ['(.*a){12}b', as, false],
    ['(.*a){12}', 'b'.repeat(N) + 'a'.repeat(11), false],
    ['(x+x+)+y', 'x'.repeat(N), false],
    ['([a-zA-Z]+)*', 'aB'.repeat(N / 2), true],
    ['([a-zA-Z]+)*', 'aB'.repeat(N / 2) + '1', false],
    ['(([a-z])+.)+[A-Z]([a-z])+', as, false],
    ['((a|b)*|(ab)*|(a|ab)+)*c', 'ab'.repeat(N / 2), false],
    ['((a|b)*|(ab)*|(a|ab)+)*c', 'ab'.repeat(N / 2) + 'c', true],
    ['(\\w+\\s?)+!', 'word '.repeat(N / 5), false],
  ])('%# %s', (pattern, value, expected) => {
    expect(regex(pattern)(value)).toBe(expected)
  }, HANG.timeout)

  it('case-insensitive (regex~) variants', HANG, () => {
    expect(regex('(A+)+B', true)(as)).toBe(false)
    expect(regex('(A+)+B', true)(as + 'b')).toBe(true)
    expect(regex('(A|AA)+B', true)('A'.repeat(N))).toBe(false)
    expect(regex('(.*A){12}', true)(as)).toBe(true)
  })

  it('stays linear: exponential shapes at n and 4n characters (answers only, no timing)', HANG, () => {
    const shapes = ['(a+)+b', '(a|a?)+b', '(x+x+)+y'.replace(/x/g, 'a').replace('y', 'b')]
    for (const pattern of shapes) {
      const test = regex(pattern)
      for (const n of [20_000, 80_000]) {
        expect(test('a'.repeat(n)), `${pattern} at ${n}`).toBe(false)
        expect(test('a'.repeat(n) + 'b'), `${pattern} at ${n}`).toBe(true)
      }
    }
  })
})
