import { describe, expect, it } from 'vitest'
import type { RunOutput } from '../result'
import { runEql } from './run-eql'
import { key, matcher, sampleProgram, type TestEvent } from './run-test-programs'
import { pickSamples } from './sample-matcher'

const is = (tag: string) => matcher((ev) => ev['tag'] === tag)

function samples(out: RunOutput, events: readonly TestEvent[]): { keys: unknown[]; ids: string[] }[] {
  if (out.result?.kind !== 'samples') throw new Error(`no samples: ${JSON.stringify(out.diagnostics)}`)
  return out.result.samples.map((s) => ({
    keys: [...s.joinKeys],
    ids: s.events.map((e) => ('index' in e ? String(events[e.index]?.['id']) : '-')),
  }))
}

// no timestamps at all: samples do not need them
const evs: TestEvent[] = [
  { id: '1', tag: 'A', host: 'b' },
  { id: '2', tag: 'B', host: 'b' },
  { id: '3', tag: 'A', host: 'B' },
  { id: '4', tag: 'B', host: 'B' },
  { id: '5', tag: 'A', host: 'c' },
  { id: '6', tag: 'A', host: 'b' },
  { id: '7', tag: 'B' },
  { id: '8', tag: 'A' },
]

describe('samples', () => {
  const by = [key('host')]
  it('groups by key, unordered, sorted by key in byte order; keys without every filter are dropped', () => {
    const out = runEql(sampleProgram([{ m: is('B'), keys: by }, { m: is('A'), keys: by }]), evs)
    expect(out.diagnostics).toEqual([])
    expect(samples(out, evs)).toEqual([
      { keys: ['B'], ids: ['4', '3'] },
      { keys: ['b'], ids: ['2', '1'] },
    ])
  })
  it('optional keys: null is a key value and sorts first', () => {
    const opt = [key('host', true)]
    const out = runEql(sampleProgram([{ m: is('A'), keys: opt }, { m: is('B'), keys: opt }]), evs)
    expect(samples(out, evs).map((s) => s.keys)).toEqual([[null], ['B'], ['b']])
  })
  it('max samples per key, each sample different, events within a sample distinct', () => {
    const out = runEql(sampleProgram([{ m: is('A'), keys: by }, { m: is('B'), keys: by }], { perKey: 3 }), evs)
    expect(samples(out, evs)).toEqual([
      { keys: ['B'], ids: ['3', '4'] },
      { keys: ['b'], ids: ['1', '2'] },
      { keys: ['b'], ids: ['6', '2'] },
    ])
  })
  it('one event cannot fill two filters of one sample', () => {
    const any = matcher(() => true)
    const one: TestEvent[] = [{ id: '1', host: 'x' }]
    expect(samples(runEql(sampleProgram([{ m: any, keys: by }, { m: any, keys: by }]), one), one)).toEqual([])
    const two: TestEvent[] = [...one, { id: '2', host: 'x' }]
    expect(samples(runEql(sampleProgram([{ m: any, keys: by }, { m: any, keys: by }]), two), two)).toEqual([
      { keys: ['x'], ids: ['1', '2'] },
    ])
  })
  it('size and head keep the first samples in key order; size ignores resultPosition', () => {
    const p = (o: object) => sampleProgram([{ m: is('A'), keys: by }, { m: is('B'), keys: by }], o)
    expect(samples(runEql(p({ size: 1, resultPosition: 'tail' }), evs), evs).map((s) => s.keys)).toEqual([['B']])
    expect(samples(runEql(p({ pipes: [{ name: 'tail', count: 1 }] }), evs), evs).map((s) => s.keys)).toEqual([['b']])
    expect(samples(runEql(p({ size: 0 }), evs), evs)).toEqual([])
  })
})

describe('sample limits', () => {
  it('reports EQL3001 when too many candidates are stored', () => {
    const many: TestEvent[] = Array.from({ length: 50 }, (_, k) => ({ id: String(k), tag: 'A', host: `h${k}` }))
    const p = sampleProgram([{ m: is('A'), keys: [key('host')] }, { m: is('B'), keys: [key('host')] }])
    const out = runEql(p, many, { maxPendingSequences: 10 })
    expect(out.result).toBeNull()
    expect(out.diagnostics.map((d) => d.code)).toEqual(['EQL3001'])
  })
})

describe('pickSamples', () => {
  it('prefers the j-th candidate of each stage for the j-th sample', () => {
    expect(pickSamples([[1, 2, 4], [3]], 2)).toEqual([
      [1, 3],
      [2, 3],
    ])
    expect(pickSamples([[1], [1]], 3)).toEqual([])
    expect(pickSamples([[1, 2], [1, 2]], 5)).toEqual([
      [1, 2],
      [2, 1],
    ])
  })
})
