import { describe, expect, it } from 'vitest'
import { readSuite } from './suite-reader'

describe('readSuite', () => {
  it('reads settings with their defaults and the cases', () => {
    const s = readSuite(`
[suite]
events = "e.ndjson"
tiebreaker_field = ""
[suite.mappings]
"a.b" = "keyword"

[[cases]]
name = "one"
language = "eql"
query = '''process where true'''
expected_event_ids = ["x", 2]

[[cases]]
name = "two"
language = "kql"
query = 'a:b'
expect_error = true
`)
    expect(s.problems).toEqual([])
    expect(s.settings).toEqual({
      events: 'e.ndjson',
      idField: 'id',
      timestampField: '@timestamp',
      tiebreakerField: null,
      eventCategoryField: 'event.category',
      now: undefined,
      mappings: { 'a.b': 'keyword' },
    })
    expect(s.cases.map((c) => [c.name, c.language, c.expectedIds, c.expectError])).toEqual([
      ['one', 'eql', ['x', '2'], false],
      ['two', 'kql', undefined, true],
    ])
  })

  it('keeps a tiebreaker and the optional size', () => {
    const s = readSuite('[suite]\nevents = "e"\ntiebreaker_field = "event.sequence"\n[[cases]]\nname = "n"\nquery = "any where true"\nsize = 3\nexpected_event_ids = []')
    expect(s.settings.tiebreakerField).toBe('event.sequence')
    expect(s.cases[0]?.size).toBe(3)
    expect(s.cases[0]?.language).toBe('eql')
    expect(readSuite('[suite]\nevents = "e"\nnow = 2024-05-02T00:00:00Z').settings.now).toBe('2024-05-02T00:00:00.000Z')
    expect(readSuite('[suite]\nevents = "e"\nnow = "2024-05-02T00:00:00Z"').settings.now).toBe('2024-05-02T00:00:00Z')
  })

  it('reports broken suites instead of throwing', () => {
    expect(readSuite('not toml = = =').problems[0]).toMatch(/invalid TOML/)
    expect(readSuite('[[cases]]\nname = "a"').problems).toContain('missing [suite] table')
    const s = readSuite(`
[suite]
events = "e"
[[cases]]
name = "dup"
query = "any where true"
expected_event_ids = []
[[cases]]
name = "dup"
query = "any where true"
expected_event_ids = []
[[cases]]
name = "both"
query = "any where true"
expected_event_ids = []
expect_error = true
[[cases]]
name = "lang"
language = "sql"
query = "x"
expected_event_ids = []
`)
    expect(s.problems).toEqual([
      'dup: duplicate case name',
      'both: give exactly one of expected_event_ids and expect_error = true',
      'lang: language must be "eql" or "kql", not "sql"',
    ])
    expect(s.cases.map((c) => c.name)).toEqual(['dup', 'dup'])
  })
})
