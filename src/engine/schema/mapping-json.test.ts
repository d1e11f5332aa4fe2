import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseMappings } from './mapping-json'
import { buildSchema } from './build-schema'

const byName = (input: unknown) => new Map(parseMappings(input).fields.map((f) => [f.name, f]))
const codes = (input: unknown) => parseMappings(input).diagnostics.map((d) => d.code)

describe('parseMappings', () => {
  const mapping = {
    mappings: {
      properties: {
        proc: {
          properties: {
            name: { type: 'keyword', ignore_above: 10, fields: { txt: { type: 'text' }, raw: { type: 'keyword', ignore_above: 5 } } },
            pid: { type: 'integer', null_value: -1 },
          },
        },
        when: { type: 'date', format: 'dd-MM-yyyy||epoch_millis' },
        kind: { type: 'alias', path: 'proc.name' },
        ds: { type: 'constant_keyword', value: 'logs' },
        load: { type: 'scaled_float', scaling_factor: 100 },
        hits: { type: 'nested', properties: { id: { type: 'keyword' } } },
        vec: { type: 'dense_vector' },
      },
    },
  }

  it('reads nested properties with all the options', () => {
    const m = byName(mapping)
    expect(m.get('proc')?.type).toBe('object')
    expect(m.get('proc.name')).toMatchObject({ type: 'keyword', ignoreAbove: 10, origin: 'mapping' })
    expect(m.get('proc.name')?.multiFields).toEqual([
      { name: 'proc.name.txt', type: 'text' },
      { name: 'proc.name.raw', type: 'keyword', ignoreAbove: 5 },
    ])
    expect(m.get('proc.name.raw')).toMatchObject({ multiFieldOf: 'proc.name', ignoreAbove: 5 })
    expect(m.get('proc.pid')).toMatchObject({ type: 'integer', nullValue: -1 })
    expect(m.get('when')).toMatchObject({ type: 'date', format: 'dd-MM-yyyy||epoch_millis' })
    expect(m.get('kind')).toMatchObject({ type: 'alias', aliasPath: 'proc.name' })
    expect(m.get('ds')).toMatchObject({ type: 'constant_keyword', constantValue: 'logs' })
    expect(m.get('load')).toMatchObject({ scalingFactor: 100 })
    expect(m.get('hits')?.type).toBe('nested')
    expect(m.get('hits.id')?.type).toBe('keyword')
    expect(m.get('vec')?.type).toBe('unsupported')
    expect(codes(mapping)).toEqual(['SCHEMA003'])
  })

  it('marks fields without index and doc values as unsearchable', () => {
    const m = byName({ properties: { a: { type: 'keyword', index: false, doc_values: false }, b: { type: 'keyword', index: false }, c: { type: 'text', index: false } } })
    expect(m.get('a')?.searchable).toBe(false)
    expect(m.get('b')?.searchable).toBeUndefined() // doc values still answer queries
    expect(m.get('c')?.searchable).toBe(false)
  })

  it('accepts the usual wrappers, JSON text and flat tables', () => {
    const props = { properties: { a: { type: 'long' } } }
    for (const input of [props, { mappings: props }, { mappings: { _doc: props } }, { idx: { mappings: props } }, { template: { mappings: props } }, JSON.stringify(props)]) {
      expect(byName(input).get('a')?.type).toBe('long')
    }
    const flat = byName({ 'a.b': 'keyword', 'c': { type: 'date', format: 'yyyy' }, 'd': 'ip' })
    expect(flat.get('a.b')?.type).toBe('keyword')
    expect(flat.get('c')?.format).toBe('yyyy')
    expect(flat.get('d')?.type).toBe('ip')
  })

  it('turns bad input into diagnostics, never exceptions', () => {
    expect(codes('{nope')).toEqual(['SCHEMA002'])
    expect(codes(42)).toEqual(['SCHEMA002'])
    expect(codes([1])).toEqual(['SCHEMA002'])
    expect(codes({ a: 5 })).toEqual(['SCHEMA004'])
    expect(codes({ properties: { a: { type: 5 } } })).toEqual(['SCHEMA004'])
    expect(codes({ properties: { a: {} } })).toEqual(['SCHEMA004'])
    expect(codes({ properties: { a: { type: 'alias' } } })).toEqual(['SCHEMA004'])
    expect(codes({ properties: { a: { type: 'keyword', ignore_above: -3 } } })).toEqual(['SCHEMA004'])
    expect(codes({ properties: { a: { type: 'date', format: 'yyyy-QQ' } } })).toEqual(['SCHEMA006'])
    expect(codes({ properties: { a: { type: 'keyword', fields: { b: {} } } } })).toEqual(['SCHEMA004'])
    expect(codes({ properties: { a: { type: 'object', properties: 3 } } })).toEqual(['SCHEMA004'])
    expect(codes({ properties: { a: 'keyword' } })).toEqual(['SCHEMA004'])
    expect(codes({ a: 'no_such_type' })).toEqual(['SCHEMA003'])
  })
})

describe('the conformance .mapping files', () => {
  const dir = resolve(__dirname, '../../../../shared/conformance/eql/es')
  const files = readdirSync(dir).filter((f) => f.endsWith('.mapping'))
  const load = (file: string): string =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n')
      .replaceAll('[runtime_random_keyword_type]', 'keyword')

  it('finds them', () => {
    expect(files.length).toBeGreaterThanOrEqual(8)
  })

  it.each(files)('%s parses without diagnostics and resolves its aliases', (file) => {
    const parsed = parseMappings(load(file))
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.fields.length).toBeGreaterThan(5)
    const { schema, diagnostics } = buildSchema({ mappings: load(file) })
    expect(diagnostics).toEqual([])
    expect(schema.resolve('event.category')?.name).toBe('event_type')
  })

  it('reads the specific types the suites depend on', () => {
    const endgame = buildSchema({ mappings: load('endgame-140.mapping') }).schema
    expect(endgame.get('hostname')?.type).toBe('text')
    expect(endgame.get('hostname.keyword')).toMatchObject({ type: 'keyword', ignoreAbove: 256, multiFieldOf: 'hostname' })
    expect(endgame.get('source_address')?.type).toBe('ip')
    expect(endgame.resolve('event.sequence')).toMatchObject({ name: 'serial_event_id', type: 'long' })
    expect(buildSchema({ mappings: load('endgame-140-nanos.mapping') }).schema.get('@timestamp')?.type).toBe('date_nanos')
    const extra = buildSchema({ mappings: load('extra.mapping') }).schema
    expect(extra.get('optional_field_default_null')).toMatchObject({ type: 'keyword', nullValue: 'NULL' })
    expect(extra.get('version')?.type).toBe('version')
    expect(buildSchema({ mappings: load('sample1.mapping') }).schema.get('@timestamp_pretty')?.format).toBe('dd-MM-yyyy')
    expect(buildSchema({ mappings: load('sample2.mapping') }).schema.get('@timestamp_pretty')?.format).toBe('yyyy-MM-dd')
  })
})
