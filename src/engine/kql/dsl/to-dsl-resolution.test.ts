import { describe, expect, it } from 'vitest'
import { buildSchema } from '../../schema/build-schema'
import type { Schema } from '../../schema/types'
import { parseKql } from '../parser'
import { escapeQueryString } from './escape'
import { matchesPattern } from './resolve-fields'
import { buildQueryFromKql, toDsl } from './to-dsl'
import { DETECTION_ENGINE_DSL_OPTIONS, type DslObject } from './types'

/* The derived example of kql.md §6, field-name resolution against the schema, and escaping. */
const ecs = buildSchema({ ecs: true }).schema

function parsed(text: string) {
  const { query } = parseKql(text)
  if (query === null) throw new Error(`test query does not parse: ${text}`)
  return query
}
const dsl = (text: string, s: Schema | null): DslObject => toDsl(parsed(text), s, DETECTION_ENGINE_DSL_OPTIONS)
const any1 = (...should: DslObject[]): DslObject => ({ bool: { should, minimum_should_match: 1 } })

describe('derived example (periodic tasks)', () => {
  const text =
    'event.category:file and host.os.type:macos and not event.type:"deletion" and file.path:(/private/etc/periodic/* or /private/etc/periodic.conf)'

  it('with ECS types: term and wildcard, escaped slashes', () => {
    expect(buildQueryFromKql(parsed(text), ecs, DETECTION_ENGINE_DSL_OPTIONS)).toEqual({
      bool: {
        must: [],
        filter: [
          {
            bool: {
              filter: [
                any1({ term: { 'event.category': { value: 'file' } } }),
                any1({ term: { 'host.os.type': { value: 'macos' } } }),
                { bool: { must_not: any1({ term: { 'event.type': { value: 'deletion' } } }) } },
                {
                  bool: {
                    should: [
                      any1({ wildcard: { 'file.path': { value: '\\/private\\/etc\\/periodic\\/*' } } }),
                      any1({ term: { 'file.path': { value: '/private/etc/periodic.conf' } } }),
                    ],
                    minimum_should_match: 1,
                  },
                },
              ],
            },
          },
        ],
        should: [],
        must_not: [],
      },
    })
  })

  it('with no field list: match, match_phrase and query_string', () => {
    const out = dsl(text, null)
    const filter = (out['bool'] as { filter: DslObject[] }).filter
    expect(filter[0]).toEqual(any1({ match: { 'event.category': 'file' } }))
    expect(filter[2]).toEqual({ bool: { must_not: any1({ match_phrase: { 'event.type': 'deletion' } }) } })
    expect(filter[3]).toEqual({
      bool: {
        should: [
          any1({ query_string: { fields: ['file.path'], query: '\\/private\\/etc\\/periodic\\/*' } }),
          any1({ match: { 'file.path': '/private/etc/periodic.conf' } }),
        ],
        minimum_should_match: 1,
      },
    })
  })
})

describe('field resolution', () => {
  it('only type exactly keyword gets term: wildcard, constant_keyword, ip, text take match', () => {
    expect(dsl('process.command_line:x', ecs)).toEqual(any1({ match: { 'process.command_line': 'x' } }))
    expect(dsl('data_stream.dataset:x', ecs)).toEqual(any1({ match: { 'data_stream.dataset': 'x' } }))
    expect(dsl('source.ip:10.0.0.0/8', ecs)).toEqual(any1({ match: { 'source.ip': '10.0.0.0/8' } }))
    expect(dsl('process.command_line:*x y*', ecs)).toEqual(any1({ query_string: { fields: ['process.command_line'], query: '*x y*' } }))
  })

  it('a field unknown to the schema falls back to the §4.6 shapes, name as written', () => {
    expect(dsl('no.such.field:a*', ecs)).toEqual(any1({ query_string: { fields: ['no.such.field'], query: 'a*' } }))
    expect(dsl('nothing.*:a', ecs)).toEqual(any1({ match: { 'nothing.*': 'a' } }))
  })

  it('a field-name pattern expands to every matching field, sorted, each by its own type', () => {
    expect(dsl('process.name*:cmd', ecs)).toEqual(
      any1({ term: { 'process.name': { value: 'cmd' } } }, { match: { 'process.name.text': 'cmd' } }),
    )
  })

  it('date fields from ECS carry the detection engine time zone', () => {
    expect(dsl('@timestamp < "2024-05-01"', ecs)).toEqual(any1({ range: { '@timestamp': { lt: '2024-05-01', time_zone: 'Zulu' } } }))
  })

  it('star patterns match any run of characters, dots included, anchored', () => {
    expect(matchesPattern(['a.', ''], 'a.b.c')).toBe(true)
    expect(matchesPattern(['', 'x', ''], 'axb')).toBe(true)
    expect(matchesPattern(['ab', 'ba'], 'aba')).toBe(false)
    expect(matchesPattern(['a', 'b', 'c'], 'abbc')).toBe(true)
    expect(matchesPattern(['a', 'b', 'c'], 'acb')).toBe(false)
  })
})

describe('wildcard escaping (Kibana escapes the whole + to = range, digits and dots included)', () => {
  it('escapes reserved characters and the range, leaves letters and spaces', () => {
    expect(escapeQueryString('a b')).toBe('a b')
    expect(escapeQueryString('x.conf-1')).toBe('x\\.conf\\-\\1')
    expect(escapeQueryString('(a)?[b]{c}~^"&|!<>=:;,+\\/')).toBe('\\(a\\)\\?\\[b\\]\\{c\\}\\~\\^\\"\\&\\|\\!\\<\\>\\=\\:\\;\\,\\+\\\\\\/')
  })

  it('an escaped star is a literal star in the pattern, a question mark is literal', () => {
    expect(dsl('file.path:a\\*b*', ecs)).toEqual(any1({ wildcard: { 'file.path': { value: 'a\\*b*' } } }))
    expect(dsl('dns.question.name:cdn??.x*', ecs)).toEqual(any1({ wildcard: { 'dns.question.name': { value: 'cdn\\?\\?\\.x*' } } }))
  })
})
