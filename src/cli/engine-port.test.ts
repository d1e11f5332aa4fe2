import { describe, expect, it } from 'vitest'
import * as engineIndex from '../engine'
import { kqlOf, loadEngine, runKqlProgram, type EngineApi } from './engine-port'

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

  it('exposes the KQL entry points: compile, run, parse and the DSL exporter', async () => {
    const load = await loadEngine()
    if (!load.ok) throw new Error(load.error)
    const kql = kqlOf(load.engine)
    const events = [{ id: 'a', process: { name: 'curl' } }, { id: 'b', process: { name: 'wget' } }]
    const { schema } = load.engine.buildSchema({ ecs: true, events })
    const compiled = kql.compileKql('process.name:curl', { schema, settings: { now: 0 } })
    const out = runKqlProgram(kql, compiled.program, events)
    expect(out.result?.kind === 'events' ? out.result.events.map((e) => e.index) : null).toEqual([0])
    const parsed = kql.parseKql('process.name:curl')
    expect(kql.toDsl(parsed.query as never, null)).toEqual({ bool: { should: [{ match: { 'process.name': 'curl' } }], minimum_should_match: 1 } })
  })

  it('names the missing KQL functions when the engine lacks them', () => {
    const eqlOnly = { ...(typed as object) } as Record<string, unknown>
    delete eqlOnly['compileKql']
    expect(() => kqlOf(eqlOnly as unknown as EngineApi, ['compileKql', 'runKql'])).toThrow(/no compileKql in src\/engine$/)
  })
})
