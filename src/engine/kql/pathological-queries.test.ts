/**
 * Issue 9: KQL wildcards from users can never hang a run. Star-heavy patterns that would take
 * n^k steps in a backtracking matcher go through the public path (compileKql, then runKql) on
 * keyword, wildcard and text fields, in field-less queries, in long OR lists and in field-name
 * patterns, over events holding 20,000-100,000 characters. Each test asserts which events match,
 * so a wrong matcher fails; a hang is caught by the per-test timeout, which is generous on purpose
 * (the runs take milliseconds): it detects a hang, it does not measure speed.
 * Vitest cannot interrupt synchronous code: a slow matcher fails on the timeout once it returns,
 * and one that never returns is stopped by the watchdog of scripts/fuzz/hang-guard.ts, which kills
 * the test process after 30 s and names the test (the run fails instead of stalling).
 */
import { describe, expect, it } from 'vitest'
import { buildSchema, compileKql, runKql } from '../index'
import { guardEachTest } from '../../../scripts/fuzz/hang-guard'

const HANG = { timeout: 2000 }

guardEachTest()

const N = 100_000

const { schema } = buildSchema({ ecs: false, mappings: { payload: 'keyword', cmd: 'wildcard', msg: 'text' } })

// Text values hold 20,000 characters, not 100,000: this file is about patterns; long values for the
// standard analyzer (once quadratic through Intl.Segmenter, now chunked) are tested in
// values/text-analysis.test.ts.
const WORDS = 'aaaa '.repeat(4_000)

function event(id: string, value: string, words = WORDS): Record<string, unknown> {
  return { '@timestamp': '2026-01-01T00:00:00Z', id, payload: value, cmd: value, msg: words }
}

const as = 'a'.repeat(N)
const EVENTS = [event('as', as), event('as-b', as + 'b'), event('AS-B', as.toUpperCase() + 'B', WORDS + 'aaaab')]

/** The ids of the events `query` matches, sorted; throws when it does not compile. */
function matched(query: string, events: readonly Record<string, unknown>[] = EVENTS): string[] {
  const out = compileKql(query, { schema, settings: { now: 0 } })
  if (out.program === null) throw new Error(`${query}: ${out.diagnostics.map((d) => d.message).join('; ')}`)
  const run = runKql(out.program, events)
  if (run.result?.kind !== 'events') throw new Error(`${query}: no events result`)
  return run.result.events.map((e) => String(events[e.index]?.['id'])).sort()
}

const EIGHT = '*a*a*a*a*a*a*a*a*b'

describe('KQL wildcards over long values', () => {
  it('keyword: one anchored, case-sensitive pattern over the whole value', HANG, () => {
    expect(matched(`payload:${EIGHT}`)).toEqual(['as-b'])
    expect(matched(`payload:${EIGHT.replace(/a/g, 'A').replace('b', 'B')}`)).toEqual(['AS-B'])
    expect(matched(`payload:${'a*'.repeat(40)}`)).toEqual(['as', 'as-b'])
    expect(matched(`payload:${'a*'.repeat(40)}c`)).toEqual([])
  })

  it('wildcard field (query_string pieces) and text field (lowercased tokens)', HANG, () => {
    expect(matched(`cmd:${EIGHT}`)).toEqual(['as-b'])
    expect(matched(`cmd:${'*a'.repeat(60)}*c`)).toEqual([])
    // every token is "aaaa" except the one "aaaab" of AS-B
    expect(matched('msg:*a*a*a*a*b')).toEqual(['AS-B'])
    expect(matched('msg:*A*A*A*A*A*B')).toEqual([])
  })

  it('a field-less wildcard searches every field and backtracks never', HANG, () => {
    expect(matched(EIGHT)).toEqual(['as-b']) // keyword and wildcard fields compare case-sensitively
    expect(matched('*a*a*a*a*a*a*a*a*c')).toEqual([])
  })

  it('a long OR list of wildcard values', HANG, () => {
    const list = Array.from({ length: 200 }, (_, i) => `*a*a*a*a*a*a*${i}*b`)
    const events = [event('digits', 'a'.repeat(20_000) + '42b'), ...EVENTS]
    expect(matched(`payload:(${list.join(' or ')})`, events)).toEqual(['digits'])
    expect(matched(`payload:(${list.join(' or ')} or *a*a*a*b)`, events)).toEqual(['as-b', 'digits'])
  })

  it('a wildcard field name against a long field name', HANG, () => {
    const long = 'a'.repeat(20_000)
    const events = [{ id: 'long', [long]: 'x' }, { id: 'long-b', [long + 'b']: 'x' }]
    expect(matched(`${EIGHT}:x`, events)).toEqual(['long-b'])
    expect(matched('*a*a*a*a*a*a*a*a*c:x', events)).toEqual([])
  })

  it('stays linear: the same query at n and 4n characters (answers only, no timing)', HANG, () => {
    for (const n of [25_000, 100_000]) {
      const events = [event('no', 'a'.repeat(n), 'w'), event('yes', 'a'.repeat(n) + 'b', 'w')]
      expect(matched('payload:*a*a*a*a*a*a*a*a*a*a*a*a*b', events)).toEqual(['yes'])
    }
  })
})
