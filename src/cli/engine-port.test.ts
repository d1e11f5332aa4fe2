import { describe, expect, it } from 'vitest'
import * as engineIndex from '../engine'
import { loadEngine, type EngineApi } from './engine-port'

// Compile-time check: the engine's public API still fits the slice the CLI relies on. If the
// engine's signatures drift, `tsc -p .` fails here rather than the CLI failing at run time.
const typed: EngineApi = engineIndex

describe('loadEngine', () => {
  it('loads src/engine/index.ts once and exposes the functions the CLI calls', async () => {
    const first = await loadEngine()
    expect(first.ok ? 'loaded' : first.error).toBe('loaded')
    expect(await loadEngine()).toBe(first)
    if (!first.ok) return
    for (const name of ['compileEql', 'runEql', 'buildSchema', 'eqlSettings'] as const) {
      expect(typeof first.engine[name]).toBe('function')
    }
    expect(typeof typed.compileEql).toBe('function')
  })

  it('compiles and runs through the port with the documented result shape', async () => {
    const load = await loadEngine()
    if (!load.ok) throw new Error(load.error)
    const events = [{ '@timestamp': '2025-01-01T00:00:00Z', event: { category: 'process' }, id: 'a' }]
    const { schema } = load.engine.buildSchema({ ecs: true, events })
    const compiled = load.engine.compileEql('process where true', { schema, settings: load.engine.eqlSettings({}) })
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(compiled.program).not.toBeNull()
  })
})
