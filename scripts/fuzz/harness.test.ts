/**
 * The harness must report failures, not only pass: a fake engine that throws, returns spans
 * outside the text, reports an internal error or nothing at all, or is slow (a fake clock), is
 * caught; the real engine on a plain query is not.
 */
import { describe, expect, it } from 'vitest'
import * as engine from '../../src/engine/index'
import type { Diagnostic } from '../../src/engine/index'
import { runCampaign } from './campaign'
import { runCase, type FuzzEngine } from './harness'
import { examplesSeeds } from './seeds'

const real: FuzzEngine = engine
const schema = engine.buildSchema({ ecs: true, events: [] }).schema
const input = { language: 'eql' as const, query: 'process where true', events: [{ event: { category: 'process' } }] }

function diag(code: string, start: number, end: number): Diagnostic {
  return { code, severity: 'error', message: 'm', span: { start, end } }
}

describe('runCase', () => {
  it('passes the real engine on a plain query', () => {
    expect(runCase(real, input, schema).problems).toEqual([])
    expect(runCase(real, { ...input, language: 'kql', query: 'event.category:process' }, schema).problems).toEqual([])
  })

  it('reports a throwing engine as an exception', () => {
    const broken: FuzzEngine = { ...real, parseEql: () => { throw new TypeError('boom') } }
    const out = runCase(broken, input, schema)
    expect(out.problems.map((p) => p.kind)).toEqual(['exception'])
    expect(out.problems[0]?.detail).toMatch(/TypeError: boom/)
  })

  it('reports spans outside the query text', () => {
    const bad: FuzzEngine = { ...real, parseKql: () => ({ query: null, diagnostics: [diag('KQL1000', 3, 999)] }) }
    const out = runCase(bad, { ...input, language: 'kql', query: 'a:b' }, schema)
    expect(out.problems.map((p) => p.kind)).toContain('bad-span')
  })

  it('reports internal errors and silent failures', () => {
    const internal: FuzzEngine = { ...real, compileEql: () => ({ program: null, statement: null, diagnostics: [diag('EQL3006', 0, 0)] }) }
    expect(runCase(internal, input, schema).problems.map((p) => p.kind)).toContain('internal-error')
    const silent: FuzzEngine = { ...real, compileEql: () => ({ program: null, statement: null, diagnostics: [] }) }
    expect(runCase(silent, input, schema).problems.map((p) => p.kind)).toEqual(['no-outcome'])
  })

  it('reports inputs over the budget (fake clock, no real timing)', () => {
    let t = 0
    const clock = (): number => (t += 60)
    expect(runCase(real, input, schema, clock).problems.map((p) => p.kind)).toEqual(['slow'])
  })

  it('does not count one slow timing that a second run does not repeat (busy-machine noise)', () => {
    const ticks = [0, 80, 100, 105]
    const cpuTicks = [...ticks]
    const out = runCase(real, input, schema, () => ticks.shift() ?? 0, () => cpuTicks.shift() ?? 0)
    expect(out.problems).toEqual([])
    expect(out.ms).toBe(5)
    // ...but keeps the first timing, which the campaign counts as "retimed"
    expect(out.firstMs).toBe(80)
  })

  it('does not count wall-clock time that other processes took (the CPU time is under budget)', () => {
    let wall = 0
    let cpu = 0
    const out = runCase(real, input, schema, () => (wall += 100), () => (cpu += 3))
    expect(out.problems).toEqual([])
    expect(out.ms).toBe(3)
  })

  it('keeps the fastest of up to four timings, and reports an input slow all four times', () => {
    const ticks = [0, 300, 0, 90, 0, 70, 0, 60]
    const cpuTicks = [...ticks]
    const out = runCase(real, input, schema, () => ticks.shift() ?? 0, () => cpuTicks.shift() ?? 0)
    expect(out.problems.map((p) => p.kind)).toEqual(['slow'])
    expect(out.ms).toBe(60)
    const late = [0, 300, 0, 90, 0, 70, 0, 4]
    const lateCpu = [...late]
    expect(runCase(real, input, schema, () => late.shift() ?? 0, () => lateCpu.shift() ?? 0).problems).toEqual([])
  })
})

describe('runCampaign', () => {
  it('lists every input of a throwing engine as a failure, with its query and events', () => {
    const broken: FuzzEngine = { ...real, parseKql: () => { throw new Error('kql boom') } }
    const out = runCampaign(broken, examplesSeeds(), { iterations: 20, seed: 1, now: () => 0 })
    expect(out.figures.kql.exceptions).toBe(10)
    expect(out.failures.filter((f) => f.language === 'kql')).toHaveLength(10)
    expect(out.failures[0]?.problem).toMatch(/kql boom/)
    expect(out.failures[0]?.events.length).toBeGreaterThan(0)
  })
})
