import { describe, expect, it } from 'vitest'
import { buildSchema } from './build-schema'
import { SCHEMA_CODE_LIST } from './codes'
import { nestedAncestorOf, sourcePathOf } from './field-type-names'

describe('buildSchema', () => {
  it('is empty without inputs', () => {
    const b = buildSchema()
    expect(b.schema.names()).toEqual([])
    expect(b.diagnostics).toEqual([])
    expect(b.inferred).toEqual([])
  })

  it('adds ECS fields on request', () => {
    const { schema } = buildSchema({ ecs: true })
    expect(schema.get('process.name')?.type).toBe('keyword')
    expect(schema.get('process.name.text')?.multiFieldOf).toBe('process.name')
    expect(schema.names()).toContain('@timestamp')
    expect(buildSchema({ ecs: false }).schema.get('process.name')).toBeUndefined()
  })

  it('lets user mappings win over ECS and drops replaced ECS multi-fields', () => {
    const { schema } = buildSchema({ ecs: true, mappings: { 'process.name': 'text', 'process.pid': 'keyword' } })
    expect(schema.get('process.name')).toMatchObject({ type: 'text', origin: 'mapping' })
    expect(schema.get('process.name.text')).toBeUndefined()
    expect(schema.get('process.pid')?.type).toBe('keyword')
    expect(schema.get('process.executable')?.origin).toBe('ecs')
  })

  it('infers unknown leaf paths from events, first value wins, with one warning', () => {
    const events = [
      { process: { name: 'a', custom: { n: 3 } }, 'x.y': [1.5, 2], flag: true, nothing: null, empty: [], list: [{ k: 's' }] },
      { process: { custom: { n: 'text' } }, late: 'z' },
    ]
    const b = buildSchema({ ecs: true, events })
    expect(b.inferred).toEqual(['flag', 'late', 'list.k', 'process.custom.n', 'x.y'])
    expect(b.schema.get('process.custom.n')).toMatchObject({ type: 'long', origin: 'events' })
    expect(b.schema.get('x.y')?.type).toBe('float')
    expect(b.schema.get('flag')?.type).toBe('boolean')
    expect(b.schema.get('list.k')?.type).toBe('keyword')
    expect(b.schema.get('nothing')).toBeUndefined()
    expect(b.schema.get('process.name')?.origin).toBe('ecs')
    const warnings = b.diagnostics.filter((d) => d.code === 'SCHEMA001')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({ severity: 'warning', span: { start: 0, end: 0 } })
    expect(warnings[0]?.message).toContain('process.custom.n (long)')
    expect(b.diagnostics.find((d) => d.code === 'SCHEMA007')?.message).toContain('process.custom.n')
  })

  it("maps strings as text + .keyword (ignore_above 256) in 'text+keyword' mode", () => {
    const b = buildSchema({ events: [{ command_line: 'x' }], inferStrings: 'text+keyword' })
    expect(b.schema.get('command_line')).toMatchObject({ type: 'text', multiFields: [{ name: 'command_line.keyword', type: 'keyword', ignoreAbove: 256 }] })
    const sub = b.schema.get('command_line.keyword')
    expect(sub).toMatchObject({ type: 'keyword', ignoreAbove: 256 })
    expect(sub === undefined ? '' : sourcePathOf(sub)).toBe('command_line')
    expect(b.inferred).toEqual(['command_line'])
  })

  it('does not infer what mappings define, and lists many fields briefly', () => {
    const event: Record<string, number> = {}
    for (let i = 0; i < 30; i++) event[`f${String(i).padStart(2, '0')}`] = i
    const b = buildSchema({ mappings: { f00: 'keyword' }, events: [event] })
    expect(b.schema.get('f00')?.type).toBe('keyword')
    expect(b.inferred).toHaveLength(29)
    expect(b.diagnostics[0]?.message).toContain('and 9 more')
  })

  it('resolves aliases and reports dangling ones', () => {
    const b = buildSchema({ mappings: { properties: { t: { type: 'keyword' }, a: { type: 'alias', path: 't' }, d: { type: 'alias', path: 'gone' } } } })
    expect(b.schema.resolve('a')?.name).toBe('t')
    expect(b.schema.get('a')?.type).toBe('alias')
    expect(b.schema.resolve('d')).toBeUndefined()
    expect(b.schema.resolve('t')?.name).toBe('t')
    expect(b.schema.resolve('nope')).toBeUndefined()
    expect(b.diagnostics.map((d) => d.code)).toEqual(['SCHEMA005'])
  })

  it('survives alias cycles', () => {
    const b = buildSchema({ mappings: { a: { type: 'alias', path: 'b' }, b: { type: 'alias', path: 'a' } } })
    expect(b.schema.resolve('a')).toBeUndefined()
  })

  it('treats paths under a flattened field as keywords and does not infer them', () => {
    const b = buildSchema({ mappings: { labels: 'flattened' }, events: [{ labels: { team: 'x', n: 1 } }] })
    expect(b.inferred).toEqual([])
    expect(b.schema.get('labels.team')).toMatchObject({ type: 'keyword' })
    expect(b.schema.get('other.team')).toBeUndefined()
  })

  it('finds the nearest ancestor of a name of thousands of segments without slicing every prefix', () => {
    const deep = Array.from({ length: 5000 }, (_, i) => `s${i}`).join('.')
    const b = buildSchema({ ecs: true, mappings: { labels: 'flattened', 'x.y': 'keyword' }, events: [{ 'i.j': 1 }] })
    const t0 = performance.now()
    expect(b.schema.get(`labels.${deep}`)).toMatchObject({ type: 'keyword', name: `labels.${deep}` })
    expect(b.schema.get(`log.syslog.structured_data.${deep}`)).toMatchObject({ type: 'keyword' })
    // the nearest ancestor decides: a non-flattened one hides a flattened one further up
    expect(b.schema.get(`x.y.${deep}`)).toBeUndefined()
    expect(b.schema.get(deep)).toBeUndefined()
    // an inferred field counts as an ancestor too (added after the schema was made)
    expect(b.schema.get('i.j')).toMatchObject({ type: 'long' })
    const c = buildSchema({ mappings: { f: 'flattened', 'f.g.h': 'long' } })
    expect(c.schema.get('f.g.h.i')).toBeUndefined()
    expect(c.schema.get('f.g.x')).toMatchObject({ type: 'keyword' })
    for (let i = 0; i < 200; i++) b.schema.get(`${deep}.${i}`)
    expect(performance.now() - t0).toBeLessThan(1000) // 5000 prefixes of up to 30,000 characters each before
  })

  it('ignores non-object events and never throws on odd input', () => {
    const b = buildSchema({ events: [null, 3, 'x', [1], { ok: 1 }], mappings: null })
    expect(b.inferred).toEqual(['ok'])
  })
})

describe('nestedAncestorOf', () => {
  it('finds the nearest nested ancestor', () => {
    const { schema } = buildSchema({ ecs: true, mappings: { 'a.n': 'nested', 'a.n.m': 'nested', 'a.n.m.x': 'keyword' } })
    expect(nestedAncestorOf(schema, 'a.n.m.x')).toBe('a.n.m')
    expect(nestedAncestorOf(schema, 'a.n.y')).toBe('a.n')
    expect(nestedAncestorOf(schema, 'a.n')).toBeUndefined()
    expect(nestedAncestorOf(schema, 'threat.enrichments.indicator.ip')).toBe('threat.enrichments')
    expect(nestedAncestorOf(schema, 'process.name')).toBeUndefined()
  })
})

describe('schema codes', () => {
  it('are unique and prefixed', () => {
    const codes = SCHEMA_CODE_LIST.map((c) => c.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const c of codes) expect(c).toMatch(/^SCHEMA\d{3}$/)
  })
})

describe('hostile input', () => {
  it('does not overflow the stack on absurdly deep events or mappings', () => {
    let event: Record<string, unknown> = { leaf: 1 }
    for (let i = 0; i < 100_000; i++) event = { n: event }
    expect(() => buildSchema({ events: [event] })).not.toThrow()
    let props: Record<string, unknown> = { leaf: { type: 'long' } }
    for (let i = 0; i < 100_000; i++) props = { n: { properties: props } }
    const b = buildSchema({ mappings: { properties: props } })
    expect(b.diagnostics.map((d) => d.code)).toContain('SCHEMA004')
  })
})
