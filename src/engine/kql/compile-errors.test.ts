import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { KQL_SYNTAX_CODE_LIST } from './codes-syntax'
import { KQL_CHECK_CODE_LIST } from './codes-check'
import { compileKql } from './compile-kql'

/**
 * Queries Kibana refuses to build or Elasticsearch fails to run: an error diagnostic with a
 * stable code and the span of the offending clause, and no program.
 */
const mappings = {
  'gcp.deltas': 'nested',
  'gcp.deltas.role': 'keyword',
  'gcp.deltas.inner': 'nested',
  'gcp.deltas.inner.x': 'keyword',
  spot: 'geo_point',
}
const { schema } = buildSchema({ ecs: true, mappings })

function errorsOf(query: string, settings = {}): { code: string; text: string }[] {
  const out = compileKql(query, { schema, settings })
  const errors = out.diagnostics.filter((d) => d.severity === 'error')
  if (errors.length > 0) expect(out.program).toBeNull()
  return errors.map((d) => ({ code: d.code, text: query.slice(d.span.start, d.span.end) }))
}

type Row = readonly [string, string, string]

const rows: readonly Row[] = [
  ['process.pid:abc', 'KQL2001', 'process.pid:abc'],
  ['event.category:process and destination.port > high', 'KQL2001', 'destination.port > high'],
  ['destination.port:true', 'KQL2001', 'destination.port:true'],
  ['source.ip:not-an-ip', 'KQL2002', 'source.ip:not-an-ip'],
  ['source.ip:10.0.0.0/40', 'KQL2002', 'source.ip:10.0.0.0/40'],
  ['source.ip > 10.0.0.0/8', 'KQL2002', 'source.ip > 10.0.0.0/8'],
  ['@timestamp:yesterday', 'KQL2003', '@timestamp:yesterday'],
  ['@timestamp > now-1x', 'KQL2003', '@timestamp > now-1x'],
  ['process.code_signature.trusted:yes', 'KQL2004', 'process.code_signature.trusted:yes'],
  ['process.code_signature.trusted:TRUE', 'KQL2004', 'process.code_signature.trusted:TRUE'],
  ['process.name:null', 'KQL2005', 'process.name:null'],
  ['user.name:(alice or null)', 'KQL2005', 'null'],
  ['null', 'KQL2005', 'null'],
  ['destination.port:44*', 'KQL2006', 'destination.port:44*'],
  ['@timestamp:2024*', 'KQL2006', '@timestamp:2024*'],
  ['source.ip:10.*', 'KQL2006', 'source.ip:10.*'],
  ['process:{ name:x }', 'KQL2007', 'process'],
  ['nope:{ name:x }', 'KQL2008', 'nope'],
  ['gcp.deltas.role:admin', 'KQL2009', 'gcp.deltas.role:admin'],
  ['gcp.deltas:{ inner.x:y }', 'KQL2011', 'inner.x:y'],
  ['spot:x', 'KQL2012', 'spot:x'],
  ['event.original:x', 'KQL2013', 'event.original:x'],
  ['proc*:{ name:x }', 'KQL2014', 'proc*'],
  ['process.*:cmd.exe', 'KQL2001', 'process.*:cmd.exe'],
]

describe('KQL2xxx errors', () => {
  it.each(rows)('%s -> %s', (query, code, text) => {
    expect(errorsOf(query)).toContainEqual({ code, text })
  })

  it('reports one diagnostic per code for a pattern failing on many fields', () => {
    const codes = errorsOf('process.*:cmd.exe').map((e) => e.code)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('an unknown field inside a group is no error (Kibana checks only fields it knows)', () => {
    expect(errorsOf('gcp.deltas:{ process.name:x }')).toEqual([])
  })

  it('the inner query of a nested group is checked in its group', () => {
    expect(errorsOf('gcp.deltas:{ role:admin and inner:{ x:y } }')).toEqual([])
  })

  it('bad settings are errors', () => {
    expect(errorsOf('@timestamp > now-1d', { dateFormatTZ: 'Mars/Olympus' }).map((e) => e.code)).toEqual(['KQL2015'])
    expect(errorsOf('@timestamp > now-1d', { now: 'soon' }).map((e) => e.code)).toEqual(['KQL2016'])
  })

  it('syntax errors stop before evaluation', () => {
    const out = compileKql('process.pid:abc and (', { schema })
    expect(out.program).toBeNull()
    expect(out.diagnostics.map((d) => d.code).every((c) => c.startsWith('KQL1'))).toBe(true)
  })

  it('codes are unique across the KQL registries and well-formed', () => {
    const all = [...KQL_SYNTAX_CODE_LIST, ...KQL_CHECK_CODE_LIST].map((d) => d.code)
    expect(new Set(all).size).toBe(all.length)
    for (const d of KQL_CHECK_CODE_LIST) expect(d.code).toMatch(/^KQL[23]\d{3}$/)
  })

  it('a query that is fine compiles with no errors', () => {
    expect(errorsOf('event.category:file and host.os.type:macos and not event.type:"deletion"')).toEqual([])
  })
})
