import { describe, expect, it } from 'vitest'
import { buildSchema } from '../../schema/build-schema'
import type { Schema } from '../../schema/types'
import { parseKql } from '../parser'
import { buildQueryFromKql, toDsl } from './to-dsl'
import type { DslObject, ToDslOptions } from './types'

/*
 * One test per DSL shape of kql.md §6 (rows 1-16 and the derived example), on our own field
 * table built to put each field in the situation the row describes: a plain text field, a
 * keyword multi-field, a date, a number, one nested and one doubly nested leaf.
 */
const { schema } = buildSchema({
  mappings: {
    properties: {
      kind: { type: 'text' },
      platform: { type: 'text', fields: { raw: { type: 'keyword' } } },
      seen: { type: 'date' },
      weight: { type: 'long' },
      parts: {
        type: 'nested',
        properties: { label: { type: 'keyword' }, inner: { type: 'nested', properties: { tiny: { type: 'text' } } } },
      },
    },
  },
})

function dsl(text: string, s: Schema | null = schema, opts: ToDslOptions = {}): DslObject {
  const { query, diagnostics } = parseKql(text)
  if (query === null) throw new Error(`test query does not parse: ${diagnostics.map((d) => d.message).join('; ')}`)
  return toDsl(query, s, opts)
}

const any1 = (...should: DslObject[]): DslObject => ({ bool: { should, minimum_should_match: 1 } })

describe('toDsl: is(field, value)', () => {
  it('row 1: unquoted value on a non-keyword field is match, with or without a field list', () => {
    expect(dsl('kind:png')).toEqual(any1({ match: { kind: 'png' } }))
    expect(dsl('kind:png', null)).toEqual(any1({ match: { kind: 'png' } }))
  })

  it('row 2: quoted value is match_phrase', () => {
    expect(dsl('kind:"png"')).toEqual(any1({ match_phrase: { kind: 'png' } }))
  })

  it('row 3: wildcard on a non-keyword field is query_string with fields', () => {
    expect(dsl('kind:png*')).toEqual(any1({ query_string: { fields: ['kind'], query: 'png*' } }))
  })

  it('row 4: wildcard on a keyword field is wildcard (+case_insensitive when the option is set)', () => {
    expect(dsl('platform.raw:lin*')).toEqual(any1({ wildcard: { 'platform.raw': { value: 'lin*' } } }))
    expect(dsl('platform.raw:lin*', schema, { caseInsensitive: true })).toEqual(
      any1({ wildcard: { 'platform.raw': { value: 'lin*', case_insensitive: true } } }),
    )
  })

  it('row 5: plain value on a keyword field is term, spaces kept (+case_insensitive)', () => {
    expect(dsl('platform.raw:Mac 14')).toEqual(any1({ term: { 'platform.raw': { value: 'Mac 14' } } }))
    expect(dsl('platform.raw:Mac 14', schema, { caseInsensitive: false })).toEqual(
      any1({ term: { 'platform.raw': { value: 'Mac 14', case_insensitive: false } } }),
    )
  })

  it('row 6: a literal backslash inside a wildcard is escaped', () => {
    expect(dsl('platform.raw:*\\\\*')).toEqual(any1({ wildcard: { 'platform.raw': { value: '*\\\\*' } } }))
  })

  it('row 7: a lone star is exists', () => {
    expect(dsl('kind:*')).toEqual(any1({ exists: { field: 'kind' } }))
    expect(dsl('kind:*', null)).toEqual(any1({ exists: { field: 'kind' } }))
  })

  it('row 8: *:* and the empty query are match_all', () => {
    expect(dsl('*:*')).toEqual({ match_all: {} })
    expect(dsl('   ')).toEqual({ match_all: {} })
    expect(dsl('')).toEqual({ match_all: {} })
  })

  it('row 9: field-less values are multi_match / query_string without fields', () => {
    expect(dsl('404')).toEqual({ multi_match: { type: 'best_fields', query: '404', lenient: true } })
    expect(dsl('"not found"')).toEqual({ multi_match: { type: 'phrase', query: 'not found', lenient: true } })
    expect(dsl('png*')).toEqual({ query_string: { query: 'png*' } })
  })

  it('row 10: date equality is a gte/lte range, time_zone when configured and not epoch digits', () => {
    const day = '2021-06-30T08:15:00'
    expect(dsl(`seen:"${day}"`)).toEqual(any1({ range: { seen: { gte: day, lte: day } } }))
    expect(dsl(`seen:"${day}"`, schema, { dateFormatTZ: 'Europe/Paris' })).toEqual(
      any1({ range: { seen: { gte: day, lte: day, time_zone: 'Europe/Paris' } } }),
    )
    expect(dsl('seen:1625040900000', schema, { dateFormatTZ: 'Zulu' })).toEqual(
      any1({ range: { seen: { gte: '1625040900000', lte: '1625040900000' } } }),
    )
  })

  it('§4.6: without a field list a date equality is a plain match', () => {
    expect(dsl('seen:"2021-06-30"', null, { dateFormatTZ: 'Zulu' })).toEqual(any1({ match_phrase: { seen: '2021-06-30' } }))
  })

  it('unquoted true/false/null are sent as JSON values, numbers as strings', () => {
    expect(dsl('platform.raw:true')).toEqual(any1({ term: { 'platform.raw': { value: true } } }))
    expect(dsl('kind:null')).toEqual(any1({ match: { kind: null } }))
    expect(dsl('weight:70')).toEqual(any1({ match: { weight: '70' } }))
  })
})

describe('toDsl: range', () => {
  it('row 11: numeric range, also without a field list and through a field pattern', () => {
    const expected = any1({ range: { weight: { gt: '1000' } } })
    expect(dsl('weight > 1000')).toEqual(expected)
    expect(dsl('weight > 1000', null)).toEqual(expected)
    expect(dsl('weig* > 1000')).toEqual(expected)
    expect(dsl('weight<=5')).toEqual(any1({ range: { weight: { lte: '5' } } }))
  })

  it('row 12: date range with time_zone, none for epoch digits', () => {
    const opts = { dateFormatTZ: 'Asia/Tokyo' }
    expect(dsl('seen > "2020-02-03T04:05:06"', schema, opts)).toEqual(
      any1({ range: { seen: { gt: '2020-02-03T04:05:06', time_zone: 'Asia/Tokyo' } } }),
    )
    expect(dsl('seen > 1580702706000', schema, opts)).toEqual(any1({ range: { seen: { gt: '1580702706000' } } }))
  })
})

describe('toDsl: nested', () => {
  it('row 13: a wildcard field name hitting a nested field is wrapped automatically', () => {
    expect(dsl('*tin*:dot')).toEqual(
      any1({ nested: { path: 'parts.inner', query: { match: { 'parts.inner.tiny': 'dot' } }, score_mode: 'none' } }),
    )
    expect(dsl('*tin*:dot', schema, { nestedIgnoreUnmapped: true })).toEqual(
      any1({
        nested: { path: 'parts.inner', query: { match: { 'parts.inner.tiny': 'dot' } }, score_mode: 'none', ignore_unmapped: true },
      }),
    )
  })

  it('row 14: path:{ query } uses full names inside and score_mode none', () => {
    expect(dsl('parts:{ label: bolt }')).toEqual({
      nested: { path: 'parts', query: any1({ term: { 'parts.label': { value: 'bolt' } } }), score_mode: 'none' },
    })
    expect(dsl('parts:{ inner:{ tiny:dot } }')).toEqual({
      nested: {
        path: 'parts',
        query: { nested: { path: 'parts.inner', query: any1({ match: { 'parts.inner.tiny': 'dot' } }), score_mode: 'none' } },
        score_mode: 'none',
      },
    })
  })

  it('a field-less value inside a nested group targets the field <path>.null, as Kibana sends it', () => {
    expect(dsl('parts:{ bolt }')).toEqual({
      nested: { path: 'parts', query: any1({ match: { 'parts.null': 'bolt' } }), score_mode: 'none' },
    })
  })

  it('a lone * value is exists, and a bare * is a field-less query_string, not match_all', () => {
    expect(dsl('parts:{ label:* }')).toEqual({
      nested: { path: 'parts', query: any1({ exists: { field: 'parts.label' } }), score_mode: 'none' },
    })
    expect(dsl('*')).toEqual({ query_string: { query: '*' } })
  })

  it('a wildcard field inside a nested group is not wrapped again', () => {
    expect(dsl('parts:{ lab*: bolt }')).toEqual({
      nested: { path: 'parts', query: any1({ term: { 'parts.label': { value: 'bolt' } } }), score_mode: 'none' },
    })
  })
})

describe('toDsl: and / or / not', () => {
  const A = any1({ match: { platform: 'mac' } })
  const B = any1({ match: { kind: 'png' } })

  it('row 15: and is bool.filter, or is should + msm 1, not is a single must_not object', () => {
    expect(dsl('platform:mac and kind:png')).toEqual({ bool: { filter: [A, B] } })
    expect(dsl('platform:mac or kind:png')).toEqual({ bool: { should: [A, B], minimum_should_match: 1 } })
    expect(dsl('not kind:png')).toEqual({ bool: { must_not: B } })
  })

  it('value lists distribute the field over each value', () => {
    expect(dsl('kind:(png or not gif)')).toEqual({
      bool: { should: [B, { bool: { must_not: any1({ match: { kind: 'gif' } }) } }], minimum_should_match: 1 },
    })
  })
})

describe('buildQueryFromKql', () => {
  it('row 16: the query is the one filter entry; match_all is dropped', () => {
    const { query } = parseKql('kind:png')
    if (query === null) throw new Error('no parse')
    expect(buildQueryFromKql(query, schema)).toEqual({
      bool: { must: [], filter: [any1({ match: { kind: 'png' } })], should: [], must_not: [] },
    })
    const empty = parseKql('').query
    if (empty === null) throw new Error('no parse')
    expect(buildQueryFromKql(empty, schema)).toEqual({ bool: { must: [], filter: [], should: [], must_not: [] } })
  })
})
