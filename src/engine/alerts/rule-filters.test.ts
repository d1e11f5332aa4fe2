import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { compileRuleFilters } from './rule-filters'

const events = [
  { '@timestamp': '2024-06-04T10:00:00.000Z', process: { name: 'Curl', pid: 5 }, host: { name: 'mac-1' }, user: { name: 'mia' }, message: 'login failed for mia' },
  { '@timestamp': '2024-06-04T12:00:00.000Z', process: { name: 'curl', pid: 50 }, host: { name: 'mac-2' }, message: 'all good' },
  { '@timestamp': '2024-06-05T09:00:00.000Z', process: { name: 'bash', pid: [1, 500] }, host: { name: 'mac-1' }, user: { name: 'noa' } },
]
const { schema } = buildSchema({ ecs: true, events })
const NOW = Date.parse('2024-06-05T12:00:00.000Z')

function matching(filters: unknown): number[] {
  const { test } = compileRuleFilters(filters, { schema, now: NOW })
  return events.flatMap((e, i) => (test === null || test(e) ? [i] : []))
}
const f = (query: unknown, meta: Record<string, unknown> = {}) => ({ meta: { negate: false, disabled: false, ...meta }, query })

describe('compileRuleFilters', () => {
  it('no filters, or only disabled ones: no test', () => {
    expect(compileRuleFilters(undefined, { schema }).test).toBeNull()
    expect(compileRuleFilters([], { schema }).test).toBeNull()
    expect(compileRuleFilters([f({ match_phrase: { 'host.name': 'mac-2' } }, { disabled: true })], { schema }).test).toBeNull()
  })

  it('match_phrase on a keyword field is exact and case-sensitive', () => {
    expect(matching([f({ match_phrase: { 'process.name': 'curl' } })])).toEqual([1])
    expect(matching([f({ match_phrase: { 'process.name': { query: 'Curl' } } })])).toEqual([0])
  })

  it('negate takes the filter to must_not; filters are AND-ed', () => {
    expect(matching([f({ match_phrase: { 'host.name': 'mac-1' } }, { negate: true })])).toEqual([1])
    expect(matching([f({ match_phrase: { 'host.name': 'mac-1' } }), f({ exists: { field: 'user.name' } }), f({ match_phrase: { 'user.name': 'noa' } }, { negate: true })])).toEqual([0])
  })

  it('exists, also in the older shape with the DSL beside meta', () => {
    expect(matching([f({ exists: { field: 'user.name' } })])).toEqual([0, 2])
    expect(matching([{ $state: { store: 'appState' }, exists: { field: 'user.name' }, meta: { negate: true, type: 'exists' } }])).toEqual([1])
  })

  it('bool nesting: should with minimum_should_match, must_not, filter', () => {
    const phrases = { bool: { should: [{ match_phrase: { 'process.name': 'bash' } }, { match_phrase: { 'process.name': 'curl' } }], minimum_should_match: 1 } }
    expect(matching([f(phrases)])).toEqual([1, 2])
    const nested = { bool: { filter: [phrases], must_not: [{ bool: { must: [{ match_phrase: { 'host.name': 'mac-1' } }] } }] } }
    expect(matching([f(nested)])).toEqual([1])
    // should beside filter is optional; alone, one must hold
    expect(matching([f({ bool: { filter: [{ exists: { field: 'host.name' } }], should: [{ match_phrase: { 'process.name': 'nope' } }] } })])).toEqual([0, 1, 2])
    expect(matching([f({ bool: { should: [{ match_phrase: { 'process.name': 'nope' } }] } })])).toEqual([])
    expect(matching([f({ bool: { should: [{ exists: { field: 'user.name' } }, { match_phrase: { 'host.name': 'mac-1' } }], minimum_should_match: 2 } })])).toEqual([0, 2])
  })

  it('range with dates (inclusive and exclusive bounds, date math on now) and numbers (one value must hold both bounds)', () => {
    expect(matching([f({ range: { '@timestamp': { gte: '2024-06-04T12:00:00.000Z', lt: '2024-06-05' } } })])).toEqual([1])
    expect(matching([f({ range: { '@timestamp': { gt: '2024-06-04T12:00:00.000Z' } } })])).toEqual([2])
    expect(matching([f({ range: { '@timestamp': { gte: 'now-1d/d' } } })])).toEqual([0, 1, 2])
    expect(matching([f({ range: { '@timestamp': { gte: 'now-5h' } } })])).toEqual([2])
    expect(matching([f({ range: { 'process.pid': { gte: 10, lte: 100 } } })])).toEqual([1])
  })

  it('terms, match and wildcard (case_insensitive as the corpus filters write it)', () => {
    expect(matching([f({ terms: { 'host.name': ['mac-2', 'mac-9'] } })])).toEqual([1])
    expect(matching([f({ match: { message: 'failed' } })])).toEqual([0])
    expect(matching([f({ match: { message: { query: 'good all', type: 'phrase' } } })])).toEqual([])
    expect(matching([f({ wildcard: { 'process.name': { value: 'CU*', case_insensitive: true } } })])).toEqual([0, 1])
    expect(matching([f({ wildcard: { 'process.name': { value: 'cu*' } } })])).toEqual([1])
  })

  it('leaves out what it does not evaluate, with a warning', () => {
    const r = compileRuleFilters([f({ script: { script: 'doc.x' } }), f({ query_string: { query: 'a AND b' } }), 5], { schema })
    expect(r.test).toBeNull()
    expect(r.problems.map((p) => [p.code, p.severity, p.filter])).toEqual([
      ['RULE2202', 'warning', 0],
      ['RULE2202', 'warning', 1],
      ['RULE2201', 'warning', 2],
    ])
    expect(compileRuleFilters([f({ query_string: { query: '*' } })], { schema }).problems).toEqual([])
  })

  it('a clause Elasticsearch would refuse fails the search: nothing passes', () => {
    const r = compileRuleFilters([f({ match_phrase: { 'process.pid': 'abc' } })], { schema })
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['RULE2203', 'error']])
    expect(events.filter((e) => r.test?.(e) ?? true)).toEqual([])
  })
})

// Elastic's rules, read at test time from ../shared (never shipped); absent: skip.
const CORPUS = resolve(__dirname, '../../../../shared/corpus/rules.jsonl')

describe.skipIf(!existsSync(CORPUS))('compileRuleFilters over the corpus', () => {
  it('evaluates every filter of every corpus rule without a problem', () => {
    const rows = readFileSync(CORPUS, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>)
    const withFilters = rows.filter((r) => Array.isArray(r['filters']))
    expect(withFilters.length).toBeGreaterThan(10)
    const problems = withFilters.flatMap((r) => compileRuleFilters(r['filters'], { schema }).problems.map((p) => `${String(r['name'])}: ${p.message}`))
    expect(problems).toEqual([])
  })
})
