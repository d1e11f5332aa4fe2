import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { compileEql } from './compile-eql'
import { runEql } from './run-eql'

// Throughput requirements of the runner, measured in CPU time of this process (not wall time) so
// a busy machine does not fail them; best of several runs, after warm-up.
const N = 100_000
const base = Date.UTC(2024, 4, 1)
const events = Array.from({ length: N }, (_, i) => ({
  '@timestamp': new Date(base + i * 10).toISOString(),
  event: { category: i % 2 === 0 ? 'process' : 'network', type: ['start'] },
  host: { id: `host-${(i >> 1) % 50}`, name: 'workstation' },
  process: {
    entity_id: `{${(i >> 1).toString(16)}-4d3c-9a1b-${(i >> 1) % 7}}`,
    name: i % 40 === 0 ? 'cmd.exe' : 'svchost.exe',
    pid: i,
  },
  destination: { port: i % 3 === 0 ? 443 : 53 },
}))
const { schema } = buildSchema({ ecs: true, events: events.slice(0, 200) })

/** Events per second (CPU time), best of `runs`. */
function throughput(text: string, runs = 5): { perSecond: number; results: number } {
  const c = compileEql(text, { schema })
  if (c.program === null) throw new Error(JSON.stringify(c.diagnostics))
  let best = Infinity
  let results = 0
  for (let k = 0; k < runs + 2; k++) {
    const t0 = process.cpuUsage()
    const out = runEql(c.program, events)
    const u = process.cpuUsage(t0)
    if (k >= 2) best = Math.min(best, (u.user + u.system) / 1e6)
    const r = out.result
    results = r === null ? -1 : r.kind === 'events' ? r.events.length : r.kind === 'sequences' ? r.sequences.length : r.samples.length
  }
  return { perSecond: N / best, results }
}

describe('runner throughput', () => {
  it('runs a 2-stage sequence by host.id, process.entity_id at >= 1M events/s', () => {
    const { perSecond, results } = throughput(
      'sequence by host.id, process.entity_id [process where process.name == "cmd.exe"] [network where destination.port == 443]',
    )
    console.log(`sequence: ${Math.round(perSecond)} events/s, ${results} sequences`)
    expect(results).toBeGreaterThan(100)
    expect(perSecond).toBeGreaterThanOrEqual(1_000_000)
  })
  it('runs an event query at >= 5M events/s', () => {
    const { perSecond, results } = throughput('process where process.name == "cmd.exe"')
    console.log(`event query: ${Math.round(perSecond)} events/s, ${results} events`)
    expect(results).toBe(N / 40)
    expect(perSecond).toBeGreaterThanOrEqual(5_000_000)
  })
})
