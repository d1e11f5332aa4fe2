import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { compileExplainEql, type EqlExplainer } from './eql-explain'
import { sequenceVerdicts } from './sequence-verdict'

const T0 = Date.parse('2024-05-01T10:00:00Z')
const ev = (id: number, host: string | null, seconds: number, name: string): Record<string, unknown> => ({
  id,
  '@timestamp': new Date(T0 + seconds * 1000).toISOString(),
  event: { category: 'process' },
  ...(host === null ? {} : { host: { id: host } }),
  process: { name },
})

const events = [
  ev(0, 'h1', 0, 'a'),
  ev(1, 'h1', 5, 'b'), // completes (0, 1)
  ev(2, 'h2', 20, 'a'),
  ev(3, 'h3', 21, 'b'), // another host
  ev(4, 'h4', 30, 'a'),
  ev(5, 'h4', 50, 'b'), // maxspan exceeded
  ev(6, 'h5', 60, 'a'),
  ev(7, 'h5', 61, 'stop'),
  ev(8, 'h5', 62, 'b'), // until fired
  ev(9, 'h6', 70, 'c'), // fills no stage
  ev(10, null, 81, 'b'), // no join key
  ev(11, 'h7', 80, 'a'),
]

const schema = buildSchema({ ecs: true, events }).schema

function explainer(query: string): EqlExplainer {
  const { explainer: x, diagnostics } = compileExplainEql(query, { schema })
  if (x === null) throw new Error(JSON.stringify(diagnostics))
  return x
}

describe('sequenceVerdicts: why an event is or is not in a sequence, from the matcher itself', () => {
  const q = explainer(
    'sequence by host.id with maxspan=10s [process where process.name == "a"] [process where process.name == "b"] until [process where process.name == "stop"]',
  )
  const v = sequenceVerdicts(q, events)
  if (v === null) throw new Error('no verdicts')

  it('a completed sequence: its events and the positions the event fills', () => {
    const x = v.verdict(1)
    expect(x).toMatchObject({ completed: true, returned: true, blockers: [] })
    expect(x.sequences).toEqual([{ joinKeys: ['h1'], events: [0, 1], positions: [1] }])
    expect(x.summary).toBe('part of 1 sequence')
    expect(v.verdict(0).sequences[0]?.positions).toEqual([0])
  })

  it('another host, maxspan exceeded, until fired: each with the sequence it would join', () => {
    expect(v.verdict(3).blockers).toEqual([{ blocker: 'joinKey', wouldBe: { joinKeys: [], events: [2, 3], positions: [1] } }])
    expect(v.verdict(5).blockers.map((b) => b.blocker)).toEqual(['maxspan'])
    expect(v.verdict(5).summary).toBe('in no sequence: maxspan exceeded')
    expect(v.verdict(8).blockers.map((b) => b.blocker)).toEqual(['until'])
    expect(v.verdict(8).blockers[0]?.wouldBe.events).toEqual([6, 8])
  })

  it('an event that fills no stage, or has no join key', () => {
    expect(v.verdict(9)).toMatchObject({ completed: false, summary: 'in no sequence: it passes no stage filter' })
    expect(v.verdict(10).summary).toBe('in no sequence: it has no value for a join key')
    expect(v.verdict(10).blockers.map((b) => b.blocker)).toContain('joinKey')
  })

  it('a missing-event stage seen', () => {
    const m = explainer(
      'sequence by host.id with maxspan=1m [process where process.name == "a"] ![process where process.name == "stop"] [process where process.name == "b"]',
    )
    const mv = sequenceVerdicts(m, events)
    expect(mv?.verdict(8).blockers.map((b) => b.blocker)).toEqual(['missingEvent'])
    expect(mv?.verdict(8).summary).toBe('in no sequence: a missing-event stage was seen')
    expect(mv?.verdict(5).completed).toBe(true) // within the 1m maxspan, nothing between
    // maxspan still speaks when dropping the missing-event stages alone does not help
    const tight = explainer(
      'sequence by host.id with maxspan=10s [process where process.name == "a"] ![process where process.name == "zzz"] [process where process.name == "b"]',
    )
    expect(sequenceVerdicts(tight, events)?.verdict(5).blockers.map((b) => b.blocker)).toEqual(['maxspan'])
    expect(mv?.verdict(1).sequences[0]?.events).toEqual([0, null, 1])
  })

  it('size and head/tail cut results but not membership', () => {
    const t = explainer('sequence by host.id [process where process.name == "a"] [process where process.name == "b"] | head 1')
    const tv = sequenceVerdicts(t, events)
    expect(tv?.verdict(1)).toMatchObject({ completed: true, returned: true })
    expect(tv?.verdict(5)).toMatchObject({ completed: true, returned: false })
    expect(tv?.verdict(5).summary).toContain('leave it out of the results')
  })

  it('samples: join keys', () => {
    const s = explainer('sample by host.id [process where process.name == "a"] [process where process.name == "b"]')
    const sv = sequenceVerdicts(s, events)
    expect(sv?.verdict(5)).toMatchObject({ completed: true })
    // without keys there is one sample (one per key combination), made of the first events
    expect(sv?.verdict(3)).toMatchObject({ completed: false, blockers: [] })
    expect(sv?.verdict(3).summary).toBe('in no sample: no other events complete one with it')
  })

  it('event queries have none', () => {
    expect(sequenceVerdicts(explainer('process where true'), events)).toBe(null)
  })
})
