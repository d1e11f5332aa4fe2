import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { clauseCoverage } from './coverage'
import { compileExplainEql, type EqlExplainer } from './eql-explain'
import { nearMissesAndExclusions } from './misses-and-exclusions'

/**
 * A scan over a range of the events (ScanOptions from/to, what the worker's sliced analysis uses)
 * sees exactly those events, with their indexes in the whole set, so slices add up to the whole.
 */
const events = Array.from({ length: 3000 }, (_, i) => ({
  '@timestamp': i,
  event: { category: i % 3 === 0 ? 'file' : 'process' },
  process: { name: i % 5 === 0 ? 'sh' : 'cmd.exe' },
  user: { name: i % 7 === 0 ? 'bob' : 'root' },
}))
const schema = buildSchema({ ecs: true, events }).schema

function eql(query: string): EqlExplainer {
  const { explainer, diagnostics } = compileExplainEql(query, { schema })
  if (explainer === null) throw new Error(JSON.stringify(diagnostics))
  return explainer
}

describe('scans over a range of the events', () => {
  const x = eql('process where process.name == "cmd.exe" and not user.name == "bob"')
  const cuts = [0, 1000, 1024, 2500, 3000]
  const slices = cuts.slice(1).map((to, k) => ({ from: cuts[k] ?? 0, to }))

  it('coverage counts of the slices add up to those of the whole scan', () => {
    const whole = clauseCoverage(x, events).map((c) => [c.trueCount, c.falseCount, c.nullCount])
    const parts = slices.map((s) => clauseCoverage(x, events, s))
    const summed = whole.map((_, k) => [0, 1, 2].map((j) => parts.reduce((n, p) => n + ([p[k]?.trueCount, p[k]?.falseCount, p[k]?.nullCount][j] ?? 0), 0)))
    expect(summed).toEqual(whole)
    expect(whole[0]?.[0]).toBeGreaterThan(0)
  })

  it('near misses and exclusions of the slices, in order, are those of the whole scan with the same indexes', () => {
    const whole = nearMissesAndExclusions(x, events)
    const parts = slices.map((s) => nearMissesAndExclusions(x, events, s))
    expect(parts.flatMap((p) => p.nearMisses.map((m) => m.index))).toEqual(whole.nearMisses.map((m) => m.index))
    expect(parts.flatMap((p) => p.excluded.map((e) => e.index))).toEqual(whole.excluded.map((e) => e.index))
    expect(whole.excluded.length).toBeGreaterThan(0)
    expect(parts[1]?.nearMisses.every((m) => m.index >= 1000 && m.index < 1024)).toBe(true)
  })
})
