import { describe, expect, it } from 'vitest'
import { compileEql } from '../eql/compile-eql'
import { runEql } from '../eql/run-eql'
import { eqlSettings } from '../eql/settings'
import { compileKql } from '../kql/compile-kql'
import { runKql } from '../kql/run-kql'
import { buildSchema } from '../schema/build-schema'
import { detectionsFromResult } from './detect-events'

const T0 = Date.parse('2024-06-04T13:00:00.000Z')
const ev = (sec: number, name: string, pid: number) => ({
  '@timestamp': new Date(T0 + sec * 1000).toISOString(),
  event: { category: 'process', type: 'start' },
  process: { name, pid },
  host: { name: 'h1' },
})
const events = [ev(0, 'bash', 1), ev(10, 'curl', 2), ev(20, 'bash', 3), ev(30, 'sh', 4), ev(40, 'curl', 5)]
const times = Float64Array.from(events.map((e) => Date.parse(e['@timestamp'])))
const { schema } = buildSchema({ ecs: true, events })

describe('detectionsFromResult', () => {
  it('a KQL query: one detection per matched event, keyed by its index, at its time', () => {
    const { program } = compileKql('process.name : "curl"', { schema })
    const out = program && runKql(program, events)
    const result = out?.result
    expect(result).toBeTruthy()
    if (!result) return
    expect(detectionsFromResult(result, times)).toEqual([
      { key: 'e:1', eventIndexes: [1], time: T0 + 10_000 },
      { key: 'e:4', eventIndexes: [4], time: T0 + 40_000 },
    ])
  })

  it('an EQL event query: the same shape', () => {
    const { program } = compileEql('process where process.name == "bash"', { schema, settings: eqlSettings({}) })
    const result = program && runEql(program, events).result
    expect(result && detectionsFromResult(result, times).map((d) => d.key)).toEqual(['e:0', 'e:2'])
  })

  it('an EQL sequence: one detection per sequence, events in stage order, time of the last event', () => {
    const { program } = compileEql('sequence by host.name [process where process.name == "bash"] [process where process.name == "curl"]', { schema, settings: eqlSettings({}) })
    const result = program && runEql(program, events).result
    expect(result?.kind).toBe('sequences')
    const got = result ? detectionsFromResult(result, times) : []
    expect(got.length).toBeGreaterThan(0)
    for (const d of got) {
      expect(d.key).toBe(`s:${d.eventIndexes.join(',')}`)
      expect(d.details).toEqual({ kind: 'sequence', stages: 2 })
      expect(d.time).toBe(times[d.eventIndexes[1] ?? -1])
      expect(events[d.eventIndexes[0] ?? -1]?.process.name).toBe('bash')
    }
  })

  it('skips missing stages and takes the latest time even out of stage order', () => {
    const result = { kind: 'sequences' as const, sequences: [{ joinKeys: [], events: [{ index: 3, hits: [] }, { missing: true as const }, { index: 1, hits: [] }] }] }
    expect(detectionsFromResult(result, times)).toEqual([{ key: 's:3,1', eventIndexes: [3, 1], time: T0 + 30_000, details: { kind: 'sequence', stages: 2 } }])
  })

  it('a sample: one detection per sample, keyed apart from sequences', () => {
    const result = { kind: 'samples' as const, samples: [{ joinKeys: ['h1'], events: [{ index: 0, hits: [] }, { index: 4, hits: [] }] }] }
    expect(detectionsFromResult(result, times).map((d) => d.key)).toEqual(['m:0,4'])
  })

  it('an event without a time keeps NaN', () => {
    const result = { kind: 'events' as const, events: [{ index: 9, hits: [] }] }
    expect(Number.isNaN(detectionsFromResult(result, times)[0]?.time)).toBe(true)
  })
})
