import { describe, expect, it } from 'vitest'
import { fileTimeAsEpochNanos, fileTimeToEpochMillis, readDocs, readMappingText, stripLineComments } from './es-datasets'
import { mergeMappings } from './merge-mappings'

describe('Elasticsearch spec datasets', () => {
  it('reads a mapping: # lines dropped, the random keyword placeholder becomes keyword', () => {
    const text = '# a comment\n{"properties": {"f": {"type": "[runtime_random_keyword_type]"}, "n": {"type": "long"}}}\n'
    expect(readMappingText(text)).toEqual({ properties: { f: { type: 'keyword' }, n: { type: 'long' } } })
  })

  it('drops // comment lines of data files', () => {
    expect(JSON.parse(stripLineComments('[\n  //// group 2\n {"a": 1}\n]'))).toEqual([{ a: 1 }])
  })

  it('converts FILETIME ticks exactly, beyond double precision', () => {
    // 2020-01-01T00:00:00.123Z as FILETIME is 132223104001230000 (+ 9999 ticks that integer division drops)
    const [doc] = readDocs('[{"timestamp": 132223104001239999, "id": 1}]')
    expect(doc).toBeDefined()
    if (!doc) return
    fileTimeToEpochMillis(doc)
    expect(doc['@timestamp']).toBe(Date.UTC(2020, 0, 1, 0, 0, 0, 123))
  })

  it('reads the same digits as epoch nanoseconds for the nanos suite', () => {
    const [a, b] = readDocs('[{"timestamp": 132223104001239999}, {"timestamp": 132223104001000000}]')
    if (!a || !b) throw new Error('two docs expected')
    fileTimeAsEpochNanos(a)
    fileTimeAsEpochNanos(b)
    expect(a).toEqual({ '@timestamp': '132223104001.239999', timestamp: 132223104001 })
    expect(b['@timestamp']).toBe('132223104001')
  })

  it('merges index mappings: union of fields, date formats joined, type conflicts reported', () => {
    const { mapping, conflicts } = mergeMappings([
      { properties: { d: { type: 'date', format: 'dd-MM-yyyy' }, a: { type: 'keyword' }, o: { properties: { x: { type: 'long' } } } } },
      { mappings: { properties: { d: { type: 'date', format: 'yyyy-MM-dd' }, b: { type: 'ip' }, a: { type: 'long' }, o: { properties: { y: { type: 'ip' } } } } } },
    ])
    expect(mapping).toEqual({
      properties: {
        d: { type: 'date', format: 'dd-MM-yyyy||yyyy-MM-dd' },
        a: { type: 'keyword' },
        b: { type: 'ip' },
        o: { properties: { x: { type: 'long' }, y: { type: 'ip' } } },
      },
    })
    expect(conflicts).toEqual(['a: keyword vs long'])
  })

  it('rejects a data file that is not an array, and skips non-object entries', () => {
    expect(() => readDocs('{"a": 1}')).toThrow(/not a JSON array/)
    expect(readDocs('[{"a": 1}, 2, null]')).toEqual([{ a: 1 }])
  })
})
