import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ECS_TABLE_PATH, currentEcsTable } from '../../../scripts/gen-ecs-schema'
import { ecsFieldSpecs } from './build-schema'

describe('ECS table', () => {
  it('is up to date with @elastic/ecs (run `npx tsx scripts/gen-ecs-schema.ts` when this fails)', () => {
    expect(readFileSync(ECS_TABLE_PATH, 'utf8') === currentEcsTable()).toBe(true)
  })

  it('decodes types, ignore_above, multi-fields and scaling factors', () => {
    const byName = new Map(ecsFieldSpecs().map((f) => [f.name, f]))
    expect(byName.get('@timestamp')).toMatchObject({ type: 'date', origin: 'ecs' })
    expect(byName.get('process.name')).toMatchObject({
      type: 'keyword',
      ignoreAbove: 1024,
      multiFields: [{ name: 'process.name.text', type: 'match_only_text' }],
    })
    expect(byName.get('process.name.text')).toMatchObject({ type: 'match_only_text', multiFieldOf: 'process.name' })
    expect(byName.get('process.pid')?.type).toBe('long')
    expect(byName.get('source.ip')?.type).toBe('ip')
    expect(byName.get('process.command_line')?.type).toBe('wildcard')
    expect(byName.get('data_stream.dataset')?.type).toBe('constant_keyword')
    expect(byName.get('host.cpu.usage')).toMatchObject({ type: 'scaled_float', scalingFactor: 1000 })
    expect(byName.get('threat.enrichments')?.type).toBe('nested')
    expect(byName.get('event.original')?.searchable).toBe(false)
    expect(byName.get('event.action')?.searchable).toBeUndefined()
    expect(byName.size).toBeGreaterThan(2000)
    expect([...byName.values()].some((f) => f.type === 'unsupported')).toBe(false)
  })

  it('lists every multi-field as a spec of its own, pointing at its parent', () => {
    const specs = ecsFieldSpecs()
    const byName = new Map(specs.map((f) => [f.name, f]))
    let count = 0
    for (const f of specs) {
      for (const mf of f.multiFields ?? []) {
        count++
        expect(byName.get(mf.name)?.multiFieldOf).toBe(f.name)
      }
    }
    expect(count).toBeGreaterThan(50)
    expect(new Set(specs.map((f) => f.name)).size).toBe(specs.length)
  })
})
