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
  it('reads inline events (events_ndjson), position ids and set comparison', () => {
    const s = readSuite(`
[suite]
events_ndjson = '''
{"a": 1}
{"a": 2}
'''
id_field = "#"
[[cases]]
name = "n"
query = "any where true"
compare = "set"
expected_event_ids = ["1", "0"]
`)
    expect(s.problems).toEqual([])
    expect(s.settings.events).toBe('')
    expect(s.settings.eventsInline).toBe('{"a": 1}\n{"a": 2}\n')
    expect(s.settings.idField).toBe('#')
    expect(s.cases[0]?.unordered).toBe(true)
    expect(readSuite('[suite]\nevents = "e"\n[[cases]]\nname = "n"\nquery = "any where true"\nexpected_event_ids = []').cases[0]?.unordered).toBeUndefined()
  })

  it('wants the events once: a file or inline, not both, not neither', () => {
    expect(readSuite('[suite]\nevents = "e"\nevents_ndjson = "{}"').problems).toEqual(['[suite] give the events as a file (events) or inline (events_ndjson), not both'])
    expect(readSuite('[suite]\nid_field = "id"').problems).toEqual(['[suite] events: the events file (or events_ndjson) is required'])
    expect(readSuite('[suite]\nevents_ndjson = 3').problems[0]).toBe('[suite] events_ndjson: the events must be a string')
    const bad = readSuite('[suite]\nevents = "e"\n[[cases]]\nname = "n"\nquery = "any where true"\ncompare = "bag"\nexpected_event_ids = []')
    expect(bad.problems).toEqual(['n: compare must be "list" or "set", not "bag"'])
  })
})
