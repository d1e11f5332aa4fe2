/**
 * Issue 9: an exception item's "matches" entry (Elasticsearch's `wildcard` query, Lucene syntax
 * with `\` escapes) can never hang a run, even when the item arrives in a hostile share link or
 * import. Star-heavy patterns go through compileExceptions over events holding 100,000-character
 * values. Each test asserts which events an item excepts, so a wrong matcher fails; a matcher that
 * backtracked (n^k steps for k stars) is caught by the per-test timeout, which is generous on
 * purpose (these take milliseconds): it detects a hang, it does not measure speed.
 * Vitest cannot interrupt synchronous code: a slow matcher fails on the timeout once it returns,
 * and one that never returns is stopped by the watchdog of scripts/fuzz/hang-guard.ts, which kills
 * the test process after 30 s and names the test (the run fails instead of stalling).
 */
import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { compileExceptions } from './compile-exceptions'
import { makeEntry } from './describe'
import type { ExceptionItem } from './types'
import { guardEachTest } from '../../../scripts/fuzz/hang-guard'

const HANG = { timeout: 2000 }

guardEachTest()

const N = 100_000

const { schema } = buildSchema({ ecs: false, mappings: { 'file.path': 'keyword', 'process.command_line': 'wildcard' } })

/** Whether one item with one entry excepts an event whose two fields hold `value`. */
function excepts(label: 'matches' | 'does not match', pattern: string, value: string): boolean {
  const items: ExceptionItem[] = [{ name: 'hostile', entries: [makeEntry('file.path', label, [pattern])] }]
  const onWildcard: ExceptionItem[] = [{ name: 'hostile', entries: [makeEntry('process.command_line', label, [pattern])] }]
  const a = compileExceptions(items, { schema })
  const b = compileExceptions(onWildcard, { schema })
  expect([...a.problems, ...b.problems]).toEqual([])
  const event = { file: { path: value }, process: { command_line: value } }
  const viaKeyword = a.itemOf(event) === 0
  // keyword and wildcard fields take the same whole-value, case-sensitive wildcard query
  expect(b.itemOf(event) === 0).toBe(viaKeyword)
  return viaKeyword
}

describe('exception "matches" entries over long values', () => {
  const as = 'a'.repeat(N)

  it('eight stars before the last letter', HANG, () => {
    expect(excepts('matches', '*a*a*a*a*a*a*a*a*b', as)).toBe(false)
    expect(excepts('matches', '*a*a*a*a*a*a*a*a*b', as + 'b')).toBe(true)
    expect(excepts('does not match', '*a*a*a*a*a*a*a*a*b', as)).toBe(true)
  })

  it('dozens of stars, of `?*`, and escaped stars among them', HANG, () => {
    expect(excepts('matches', 'a*'.repeat(40), as)).toBe(true)
    expect(excepts('matches', 'a*'.repeat(40) + 'c', as)).toBe(false)
    expect(excepts('matches', '?*'.repeat(50) + 'b', as)).toBe(false)
    expect(excepts('matches', '*\\*'.repeat(30) + '*\\?', '*'.repeat(N))).toBe(false)
    expect(excepts('matches', '*\\*'.repeat(30) + '*\\?', '*'.repeat(N) + '?')).toBe(true)
  })

  it('is case-sensitive, as the wildcard query without case_insensitive is', HANG, () => {
    expect(excepts('matches', '*A*A*A*A*A*A*A*A*B', as + 'b')).toBe(false)
  })

  it('stays linear: the same entry at n and 4n characters (answers only, no timing)', HANG, () => {
    for (const n of [25_000, 100_000]) {
      expect(excepts('matches', '*a*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(n))).toBe(false)
      expect(excepts('matches', '*a*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(n) + 'b')).toBe(true)
    }
  })
})
