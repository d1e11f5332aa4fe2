import { describe, expect, it } from 'vitest'
import * as engine from '../engine'
import { parseKql } from '../engine/kql/parser'
import { compileKqlLenient, kqlFieldNames } from './lenient-kql'

const baseSchema = engine.buildSchema({ ecs: true }).schema

function namesOf(text: string): { fields: string[]; nestedPaths: string[] } {
  const { query } = parseKql(text)
  if (query === null) throw new Error(`does not parse: ${text}`)
  const { fields, nestedPaths } = kqlFieldNames(query)
  return { fields: [...fields].sort(), nestedPaths: [...nestedPaths].sort() }
}

describe('kqlFieldNames', () => {
  it('collects literal field names, full names inside nested groups, and skips patterns and free text', () => {
    expect(namesOf('a:1 and not (b > 2 or c.*:x) and free and g:{ h:1 and i:{ j:2 } }')).toEqual({
      fields: ['a', 'b', 'g.h', 'g.i.j'],
      nestedPaths: ['g', 'g.i'],
    })
  })
})

describe('compileKqlLenient', () => {
  it('assumes unknown fields mapped: leaf type of ECS when they agree, else keyword', () => {
    const out = compileKqlLenient(engine, 'lab.process.pid > 5 and lab.thing:x', { baseSchema })
    expect(out.assumed).toEqual(['lab.process.pid', 'lab.thing'])
    expect(out.schema.get('lab.process.pid')?.type).toBe('long')
    expect(out.schema.get('lab.thing')?.type).toBe('keyword')
    expect(out.compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })

  it('a guess the query refutes becomes keyword; a wrong value on an ECS field stays an error', () => {
    const refuted = compileKqlLenient(engine, 'lab.status_code:Accepted', { baseSchema })
    expect(refuted.schema.get('lab.status_code')?.type).toBe('keyword')
    expect(refuted.compiled.program).not.toBeNull()
    const real = compileKqlLenient(engine, 'http.response.status_code:Accepted', { baseSchema })
    expect(real.compiled.program).toBeNull()
  })

  it('an unknown nested group path is assumed nested; strict assumes nothing', () => {
    const out = compileKqlLenient(engine, 'lab.items:{ name:x }', { baseSchema })
    expect(out.schema.get('lab.items')?.type).toBe('nested')
    expect(out.compiled.program).not.toBeNull()
    expect(compileKqlLenient(engine, 'lab.items:{ name:x }', { baseSchema, strict: true }).assumed).toEqual([])
  })
})
