import { readFileSync } from 'node:fs'
import { EcsFlat } from '@elastic/ecs'
import { describe, expect, it } from 'vitest'
import { ECS_DOCS_PATH, currentEcsDocs } from '../../../scripts/gen-ecs-docs'
import { ECS_DOC_FIELDS, ECS_DOC_TEXTS, ECS_DOCS_VERSION } from '../schema/ecs-docs.generated'
import { ECS_VERSION } from '../schema/ecs-types.generated'
import { decodeEcsDocs, loadEcsDocs } from './ecs-docs'

const flat = EcsFlat as unknown as Record<string, { type: string; short?: string; example?: unknown }>

describe('ECS docs table', () => {
  it('is up to date with @elastic/ecs (run `npx tsx scripts/gen-ecs-docs.ts` when this fails)', () => {
    expect(readFileSync(ECS_DOCS_PATH, 'utf8') === currentEcsDocs()).toBe(true)
    expect(ECS_DOCS_VERSION).toBe(ECS_VERSION)
  })

  it('stays compact (under 110 kB: the worker loads it lazily)', () => {
    expect(readFileSync(ECS_DOCS_PATH, 'utf8').length).toBeLessThan(110_000)
  })

  it('decodes every ECS field with its type, short description and example', () => {
    const docs = decodeEcsDocs(ECS_DOCS_VERSION, ECS_DOC_TEXTS, ECS_DOC_FIELDS)
    const names = Object.keys(flat).sort()
    expect(docs.names()).toEqual(names)
    for (const name of names) {
      const f = flat[name]!
      const d = docs.get(name)
      expect(d?.type, name).toBe(f.type)
      expect(d?.short, name).toBe((f.short ?? '').replace(/\s+/g, ' ').trim())
      const example = f.example === undefined || f.example === null ? undefined : typeof f.example === 'string' ? f.example : JSON.stringify(f.example)
      expect(d?.example, name).toBe(example === '' ? undefined : example?.replace(/\s+/g, ' ').trim())
    }
    expect(docs.get('process.name')).toEqual({ name: 'process.name', type: 'keyword', short: 'Process name.', example: 'ssh' })
    expect(docs.get('nope')).toBeUndefined()
  })

  it('loads lazily, once', async () => {
    const a = await loadEcsDocs()
    expect(a.get('host.name')?.type).toBe('keyword')
    expect(await loadEcsDocs()).toBe(a)
  })
})
