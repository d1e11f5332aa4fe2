import { describe, expect, it } from 'vitest'
import { buildSchema, compileKql } from '../engine'
import { assumeSearchable } from './integration-schema'

describe('assumeSearchable', () => {
  const ecs = buildSchema({ ecs: true }).schema
  const query = 'event.original:*React*'

  it('keeps the exact ECS answer for the playground: event.original is not searchable', () => {
    const out = compileKql(query, { schema: ecs })
    expect(out.program).toBeNull()
    expect(out.diagnostics.map((d) => d.code)).toContain('KQL2013')
  })

  it('lets a rule search it when its integration index is unknown', () => {
    const out = compileKql(query, { schema: assumeSearchable(ecs) })
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(out.program).not.toBeNull()
  })

  it('changes nothing else about a field', () => {
    const lenient = assumeSearchable(ecs)
    expect(lenient.get('process.name')).toEqual(ecs.get('process.name'))
    expect(lenient.get('event.original')?.type).toBe('keyword')
    expect(lenient.get('event.original')?.searchable).toBeUndefined()
  })
})
