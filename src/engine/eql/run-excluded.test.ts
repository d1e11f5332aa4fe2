import { describe, expect, it } from 'vitest'
import { isMissing, type RunOutput } from '../result'
import { runEql } from './run-eql'
import { eventProgram, key, matcher, sampleProgram, sequenceProgram, type TestEvent } from './run-test-programs'

// RunLimits.excluded: hidden events (the exception items' negated filter) are not in the search.
const ev = (id: string, tag: string, ts: number, host = 'h'): TestEvent => ({ id, tag, ts, host })
const is = (tag: string) => matcher((e) => e['tag'] === tag)
const mask = (...bits: number[]) => Uint8Array.from(bits)

function ids(out: RunOutput, events: readonly TestEvent[]): string[] {
  const r = out.result
  if (r === null) throw new Error(JSON.stringify(out.diagnostics))
  if (r.kind === 'events') return r.events.map((e) => String(events[e.index]?.['id']))
  const list = r.kind === 'sequences' ? r.sequences : r.samples
  return list.map((s) => s.events.map((e) => (isMissing(e) ? '-' : String(events[e.index]?.['id']))).join(','))
}

describe('event queries', () => {
  const events = [ev('a', 'A', 1), ev('b', 'A', 2), ev('c', 'A', 3)]
  it('hidden events do not match; eventCount still counts them', () => {
    const out = runEql(eventProgram(is('A')), events, { excluded: mask(0, 1, 0) })
    expect(ids(out, events)).toEqual(['a', 'c'])
    expect(out.eventCount).toBe(3)
  })
  it('tail and size cut what remains', () => {
    expect(ids(runEql(eventProgram(is('A'), { pipes: [{ name: 'tail', count: 1 }] }), events, { excluded: mask(0, 0, 1) }), events)).toEqual(['b'])
    expect(ids(runEql(eventProgram(is('A'), { size: 1, resultPosition: 'head' }), events, { excluded: mask(1) }), events)).toEqual(['b'])
  })
  it('a mask shorter than the events hides only what it covers', () => {
    expect(ids(runEql(eventProgram(is('A')), events, { excluded: mask(1) }), events)).toEqual(['b', 'c'])
  })
})

describe('sequences', () => {
  const p = sequenceProgram([{ m: is('A'), keys: [key('host')] }, { m: is('B'), keys: [key('host')] }], { until: { m: is('C'), keys: [key('host')] } })
  it('a hidden event fills no stage: the next one does', () => {
    const events = [ev('a', 'A', 1), ev('b1', 'B', 2), ev('b2', 'B', 3)]
    expect(ids(runEql(p, events), events)).toEqual(['a,b1'])
    expect(ids(runEql(p, events, { excluded: mask(0, 1, 0) }), events)).toEqual(['a,b2'])
  })
  it('a hidden until event ends nothing', () => {
    const events = [ev('a', 'A', 1), ev('c', 'C', 2), ev('b', 'B', 3)]
    expect(ids(runEql(p, events), events)).toEqual([])
    expect(ids(runEql(p, events, { excluded: mask(0, 1, 0) }), events)).toEqual(['a,b'])
  })
  it('a hidden event is not the one a missing stage forbids', () => {
    const pm = sequenceProgram([{ m: is('A'), keys: [key('host')] }, { m: is('C'), keys: [key('host')], missing: true }, { m: is('B'), keys: [key('host')] }], { maxspan: 10_000 })
    const events = [ev('a', 'A', 1), ev('c', 'C', 2), ev('b', 'B', 3)]
    expect(ids(runEql(pm, events), events)).toEqual([])
    expect(ids(runEql(pm, events, { excluded: mask(0, 1, 0) }), events)).toEqual(['a,-,b'])
  })
})

describe('samples', () => {
  it('a hidden event fills no stage', () => {
    const p = sampleProgram([{ m: is('A'), keys: [key('host')] }, { m: is('B'), keys: [key('host')] }])
    const events = [ev('a1', 'A', 1), ev('a2', 'A', 2), ev('b', 'B', 3)]
    expect(ids(runEql(p, events), events)).toEqual(['a1,b'])
    expect(ids(runEql(p, events, { excluded: mask(1, 0, 0) }), events)).toEqual(['a2,b'])
    expect(ids(runEql(p, events, { excluded: mask(0, 0, 1) }), events)).toEqual([])
  })
})
