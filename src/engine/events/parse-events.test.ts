import { describe, expect, it } from 'vitest'
import { parseEventsText } from './parse-events'

const ev = (n: number) => ({ '@timestamp': `2024-01-0${n}T00:00:00Z`, event: { category: 'process' }, n })

describe('parseEventsText: plain shapes', () => {
  it('reads one JSON object', () => {
    const r = parseEventsText(JSON.stringify(ev(1), null, 2))
    expect(r.format).toBe('json')
    expect(r.events).toEqual([ev(1)])
    expect(r.problems).toEqual([])
    expect(r.origins).toEqual([{ line: 1 }])
  })

  it('reads a JSON array, each event with its own line', () => {
    const r = parseEventsText('[\n' + [ev(1), ev(2)].map((e) => JSON.stringify(e)).join(',\n') + '\n]')
    expect(r.format).toBe('json-array')
    expect(r.events).toEqual([ev(1), ev(2)])
    expect(r.origins.map((o) => o.line)).toEqual([2, 3])
  })

  it('reads NDJSON with blank lines and keeps dotted keys as they are', () => {
    const r = parseEventsText(`{"process.name":"a"}\n\n{"process.name":"b"}\r\n\n`)
    expect(r.format).toBe('ndjson')
    expect(r.events).toEqual([{ 'process.name': 'a' }, { 'process.name': 'b' }])
    expect(r.origins.map((o) => o.line)).toEqual([1, 3])
  })

  it('reads concatenated pretty-printed objects (jq output)', () => {
    const r = parseEventsText(JSON.stringify(ev(1), null, 2) + '\n' + JSON.stringify(ev(2), null, 2))
    expect(r.events).toEqual([ev(1), ev(2)])
    expect(r.format).toBe('ndjson')
  })

  it('returns nothing for empty input, and ignores a BOM and // comment lines', () => {
    expect(parseEventsText('  \n ')).toEqual({ events: [], origins: [], problems: [], format: 'ndjson' })
    const r = parseEventsText('\ufeff// my events\n{"a":1}\n')
    expect(r.events).toEqual([{ a: 1 }])
    expect(r.problems).toEqual([])
  })
})

describe('parseEventsText: Elasticsearch responses', () => {
  it('takes _source from a _search response and keeps _id/_index aside', () => {
    const source = ev(1)
    const response = { took: 1, hits: { total: { value: 1 }, hits: [{ _index: 'logs-a', _id: 'x1', _source: source }] } }
    const r = parseEventsText(JSON.stringify(response))
    expect(r.format).toBe('search-response')
    expect(r.events).toEqual([source])
    expect(r.origins).toEqual([{ line: 1, id: 'x1', index: 'logs-a' }])
    expect(r.events[0]).not.toHaveProperty('_id')
  })

  it('unwraps the Kibana inspector rawResponse wrapper and fields-only hits', () => {
    const response = { rawResponse: { hits: { hits: [{ _id: 'f', _index: 'i', fields: { 'host.name': ['h'] } }] } } }
    const r = parseEventsText(JSON.stringify(response))
    expect(r.format).toBe('search-response')
    expect(r.events).toEqual([{ 'host.name': ['h'] }])
  })

  it('reads an _eql/search response: events, and sequence events once each, skipping missing placeholders', () => {
    const hit = (id: string) => ({ _index: 'i', _id: id, _source: { id } })
    const response = {
      hits: {
        sequences: [
          { join_keys: ['k'], events: [hit('a'), hit('b'), { _index: '', _id: '', missing: true }] },
          { join_keys: ['k'], events: [hit('b'), hit('c')] },
        ],
      },
    }
    const r = parseEventsText(JSON.stringify(response))
    expect(r.format).toBe('eql-response')
    expect(r.events).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }])
    expect(r.problems).toEqual([])
    const events = parseEventsText(JSON.stringify({ hits: { events: [hit('z')] } }))
    expect(events.events).toEqual([{ id: 'z' }])
  })

  it('reads a Discover export: an array of hits and an array of flattened documents', () => {
    const r = parseEventsText(JSON.stringify([{ _id: '1', _index: 'i', _source: { a: 1 } }, { 'host.name': 'h' }]))
    expect(r.events).toEqual([{ a: 1 }, { 'host.name': 'h' }])
    expect(r.origins[0]).toMatchObject({ id: '1', index: 'i' })
  })

  it('treats an event that happens to have a hits object as an event', () => {
    const r = parseEventsText('{"hits": {"count": 3}, "a": 1}')
    expect(r.events).toEqual([{ hits: { count: 3 }, a: 1 }])
  })
})

describe('parseEventsText: bad input', () => {
  it('reports every bad NDJSON line with its number and keeps the good ones', () => {
    const text = ['{"a":1}', '{"a":', '{"a":3}', 'not json', '42', '{"a":5} x', '{"a":6}'].join('\n')
    const r = parseEventsText(text)
    expect(r.events).toEqual([{ a: 1 }, { a: 3 }, { a: 5 }, { a: 6 }])
    expect(r.problems.map((p) => p.line)).toEqual([2, 4, 5, 6])
    expect(r.problems[0]?.message).toMatch(/unclosed object|end of input/)
    expect(r.problems[2]?.message).toMatch(/expected an event object, found a number/)
  })

  it('keeps the good elements of a broken pretty-printed array and names the bad line', () => {
    const text = '[\n  {"a": 1},\n  {"a": 2,, "b": 3},\n  {"a": 4}\n]'
    const r = parseEventsText(text)
    expect(r.events).toEqual([{ a: 1 }, { a: 4 }])
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]?.line).toBe(3)
    expect(r.problems[0]?.message).toMatch(/array element 2: invalid JSON at column 11: expected a property name/)
  })

  it('reports the line of an error deep inside a pretty-printed object', () => {
    const r = parseEventsText('{\n  "a": 1,\n  "b": tru\n}\n{"c": 1}')
    expect(r.events).toEqual([{ c: 1 }])
    expect(r.problems).toEqual([{ line: 3, message: expect.stringMatching(/column 8: unexpected 't'/) }])
  })

  it('reports an unterminated string and an unclosed array', () => {
    expect(parseEventsText('{"a": "x\n').problems[0]?.message).toMatch(/string/)
    const r = parseEventsText('[{"a":1},\n{"a":2}')
    expect(r.events).toEqual([{ a: 1 }, { a: 2 }])
    expect(r.problems).toEqual([{ line: 1, message: expect.stringMatching(/unclosed array/) }])
  })

  it('says mixed when shapes differ between values', () => {
    const r = parseEventsText('{"a":1}\n[{"a":2}]\n{"hits":{"hits":[{"_id":"q","_source":{"a":3}}]}}')
    expect(r.format).toBe('mixed')
    expect(r.events).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }])
    expect(r.origins.map((o) => o.line)).toEqual([1, 2, 3])
  })

  it('survives deep nesting without throwing', () => {
    const deep = '['.repeat(20000) + ']'.repeat(19999)
    expect(() => parseEventsText(deep)).not.toThrow()
  })
})
