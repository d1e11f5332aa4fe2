/**
 * Issue 9: EQL patterns from users can never hang a run. The catastrophic-backtracking shapes go
 * through the public path (compileEql, then runEql) in `:`, `like`, `like~`, `regex` and `regex~`,
 * over events whose field holds 20,000-100,000 characters. Each test asserts which events match,
 * so a wrong matcher fails; a matcher that backtracked would run for minutes and is caught by the
 * per-test timeout. That timeout is generous on purpose (the runs take milliseconds): it detects a
 * hang, it does not measure speed, so a busy machine cannot make it flaky.
 * Vitest cannot interrupt synchronous code: a slow matcher fails on the timeout once it returns,
 * and one that never returns is stopped by the watchdog of scripts/fuzz/hang-guard.ts, which kills
 * the test process after 30 s and names the test (the run fails instead of stalling).
 */
import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql, runEql } from '../index'
import { guardEachTest } from '../../../scripts/fuzz/hang-guard'

const HANG = { timeout: 2000 }

guardEachTest()

const N = 100_000

// `payload` is a keyword without ignore_above (a long value is still indexed), `cmd` a wildcard field
const { schema } = buildSchema({ ecs: false, mappings: { payload: 'keyword', cmd: 'wildcard' } })

function event(id: string, payload: string): Record<string, unknown> {
  return { '@timestamp': '2026-01-01T00:00:00Z', event: { category: 'process' }, id, payload, cmd: payload }
}

const as = 'a'.repeat(N)
const EVENTS = [event('as', as), event('as-b', as + 'b'), event('AS-B', as.toUpperCase() + 'B'), event('short', 'ab')]

/** The ids of the events `query` matches, in input order; throws when it does not compile. */
function matched(query: string, events: readonly Record<string, unknown>[] = EVENTS): string[] {
  const out = compileEql(query, { schema, now: 0 })
  if (out.program === null) throw new Error(`${query}: ${out.diagnostics.map((d) => d.message).join('; ')}`)
  const run = runEql(out.program, events)
  if (run.result?.kind !== 'events') throw new Error(`${query}: no events result`)
  return run.result.events.map((e) => String(events[e.index]?.['id'])).sort()
}

describe('EQL wildcards over long values', () => {
  it('`:` ignores case and backtracks never: eight stars before the last letter', HANG, () => {
    expect(matched('any where payload : "*a*a*a*a*a*a*a*a*b"')).toEqual(['AS-B', 'as-b'])
    expect(matched('any where payload : "*a*a*a*a*a*a*a*a*c"')).toEqual([])
  })

  it('like is case-sensitive, like~ is not', HANG, () => {
    expect(matched('any where payload like "*a*a*a*a*a*a*a*a*b"')).toEqual(['as-b'])
    expect(matched('any where payload like~ "*A*A*A*A*A*A*A*A*B"')).toEqual(['AS-B', 'as-b'])
  })

  it('dozens of stars and of `?*`', HANG, () => {
    const manyStars = 'a*'.repeat(40)
    expect(matched(`any where payload like "${manyStars}"`)).toEqual(['as', 'as-b'])
    expect(matched(`any where payload : "${'?*'.repeat(50)}b"`)).toEqual(['AS-B', 'as-b'].sort())
    expect(matched(`any where cmd like "${'?*'.repeat(50)}c"`)).toEqual([])
  })

  it('a long list of wildcard values is an OR; none backtracks', HANG, () => {
    const list = Array.from({ length: 200 }, (_, i) => `"*a*a*a*a*a*a*${i}*b"`)
    expect(matched(`any where payload : (${list.join(', ')})`)).toEqual([])
    const withDigits = [event('digits', 'a'.repeat(20_000) + '42b'), ...EVENTS]
    expect(matched(`any where payload : (${list.join(', ')})`, withDigits)).toEqual(['digits'])
    expect(matched(`any where payload like~ (${list.join(', ')}, "*B")`, withDigits)).toEqual(['AS-B', 'as-b', 'digits', 'short'].sort())
  })

  it('stays linear: the same query at n and 4n characters (answers only, no timing)', HANG, () => {
    for (const n of [25_000, 100_000]) {
      const events = [event('no', 'a'.repeat(n)), event('yes', 'a'.repeat(n) + 'b')]
      expect(matched('any where payload : "*a*a*a*a*a*a*a*a*a*a*a*a*b"', events)).toEqual(['yes'])
    }
  })
})

describe('EQL regular expressions over long values', () => {
  it.each([
    ['(a+)+b', ['as-b', 'short']],
    ['(a|aa)+b', ['as-b', 'short']],
    ['(a|a?)+b', ['as-b', 'short']],
    ['(.*a){12}', ['as']],
    ['(a+a+)+c', []],
    ['([a-zA-Z]+)*', ['AS-B', 'as', 'as-b', 'short']],
    ['([a-z]+)*[0-9]', []],
    ['((a|b)*|(ab)*|(a|ab)+)*c', []],
  ])('%# regex "%s"', (pattern, expected) => {
    expect(matched(`any where payload regex "${pattern}"`)).toEqual([...expected].sort())
  }, HANG.timeout)

  it('regex~ ignores case, with the same shapes', HANG, () => {
    expect(matched('any where payload regex~ "(A+)+B"')).toEqual(['AS-B', 'as-b', 'short'].sort())
    expect(matched('any where payload regex~ "(a|aa)+c"')).toEqual([])
    expect(matched('any where payload regex ("(a|aa)+c", "(A+)+B")')).toEqual(['AS-B'])
  })

  it('stays linear: exponential shapes at n and 4n characters (answers only, no timing)', HANG, () => {
    for (const n of [20_000, 80_000]) {
      const events = [event('no', 'a'.repeat(n)), event('yes', 'a'.repeat(n) + 'b')]
      expect(matched('any where payload regex ("(a+)+b", "(a|a?)+b")', events)).toEqual(['yes'])
    }
  })
})
