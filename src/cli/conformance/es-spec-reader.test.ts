import { describe, expect, it } from 'vitest'
import { quoteBareNulls, readEsSpec } from './es-spec-reader'
import { unsupportedFeature } from './es-runner'

describe('readEsSpec', () => {
  it('reads flat ids, alternatives, join keys, size and max_samples_per_key; trims queries', () => {
    const spec = readEsSpec(`
[[queries]]
name = "a"
query = '''
   any where true
'''
expected_event_ids = [3, -1, 4]
join_keys = ["k", "null"]
size = 2
max_samples_per_key = 3

#[[queries]]
#name = "commented out"
#query = 'any where x'
#expected_event_ids = []

[[queries]]
name = "b"
query = 'any where true'
expected_event_ids = [[1, 2], [2, 1]]
join_keys = []
`)
    expect(spec.problems).toEqual([])
    expect(spec.cases).toEqual([
      { name: 'a', query: 'any where true', expected: [['3', '-1', '4']], joinKeys: ['k', 'null'], size: 2, maxSamplesPerKey: 3 },
      { name: 'b', query: 'any where true', expected: [['1', '2'], ['2', '1']], joinKeys: null, size: undefined, maxSamplesPerKey: undefined },
    ])
  })

  it('accepts bare nulls in arrays as the "null" key, leaving strings and comments alone', () => {
    expect(quoteBareNulls(`k = [null, "tag"] # null\nq = '''x == null'''\nn = "null"`)).toBe(
      `k = ["null", "tag"] # null\nq = '''x == null'''\nn = "null"`,
    )
    const spec = readEsSpec(`[[queries]]\nname = "n"\nquery = 'any where ?x == null'\nexpected_event_ids = [1]\njoin_keys = [null]`)
    expect(spec.cases[0]?.joinKeys).toEqual(['null'])
    expect(spec.cases[0]?.query).toBe('any where ?x == null')
  })

  it('reports missing fields and duplicate names across files', () => {
    const seen = new Set(['taken'])
    const spec = readEsSpec(`[[queries]]\nname = "taken"\nquery = 'q'\nexpected_event_ids = []\n[[queries]]\nname = "no ids"\nquery = 'q'`, seen)
    expect(spec.problems).toEqual(['taken: duplicate case name', 'no ids: expected_event_ids must be a list of ids or a list of id lists'])
  })
})

describe('unsupportedFeature', () => {
  it('names the features Elasticsearch still rejects', () => {
    expect(unsupportedFeature('process where true | unique process.name')).toBe('a pipe other than head/tail')
    expect(unsupportedFeature('join by a [x where true] [y where true]')).toBe('join')
    expect(unsupportedFeature('process where child of [process where true]')).toMatch(/lineage/)
    expect(unsupportedFeature('process where arrayContains(a, "b")')).toBe('an array function')
    expect(unsupportedFeature('process where wildcard(a, "b*")')).toMatch(/wildcard/)
    expect(unsupportedFeature('process where a[0] : "x"')).toBe('array indexing')
    expect(unsupportedFeature('process where a !: "x"')).toBe('the !: operator')
  })

  it('does not look inside strings, and lets supported queries through', () => {
    expect(unsupportedFeature('process where a : "x | filter y !: z[0]"')).toBeUndefined()
    expect(unsupportedFeature('process where true | head 5 | tail 2')).toBeUndefined()
    expect(unsupportedFeature('sequence [process where a == 1] by b [file where true] by c')).toBeUndefined()
  })
})
