import { describe, expect, it } from 'vitest'
import { isMissing, type RunOutput } from '../result'
import { runEql } from './run-eql'
import { key, matcher, sequenceProgram, type StageSpec, type TestEvent } from './run-test-programs'

// Our own small event streams: `tag` says which stage an event is for, `ts` is epoch millis.
const is = (tag: string): StageSpec['m'] => matcher((ev) => ev['tag'] === tag)

/** The ids of every returned sequence ('-' for a missing-event placeholder). */
function ids(out: RunOutput, events: readonly TestEvent[]): string[][] {
  if (out.result?.kind !== 'sequences') throw new Error(`no sequences: ${JSON.stringify(out.diagnostics)}`)
  return out.result.sequences.map((s) =>
    s.events.map((e) => (isMissing(e) ? '-' : String(events[e.index]?.['id']))),
  )
}

function keysOf(out: RunOutput): unknown[][] {
  if (out.result?.kind !== 'sequences') throw new Error('no sequences')
  return out.result.sequences.map((s) => [...s.joinKeys])
}

const ev = (id: string, tag: string, ts: number, extra: Record<string, unknown> = {}): TestEvent => ({ id, tag, ts, ...extra })

describe('maxspan', () => {
  const events = [ev('a', 'A', 0), ev('b', 'B', 1000), ev('c', 'A', 5000), ev('d', 'B', 6001)]
  it('is inclusive: a gap equal to maxspan passes, one millisecond more fails', () => {
    const out = runEql(sequenceProgram([{ m: is('A') }, { m: is('B') }], { maxspan: 1000 }), events)
    expect(ids(out, events)).toEqual([['a', 'b']])
  })
  it('is measured from the first event, not the previous one', () => {
    const evs = [ev('a', 'A', 0), ev('b', 'B', 600), ev('c', 'C', 1200)]
    const p = sequenceProgram([{ m: is('A') }, { m: is('B') }, { m: is('C') }], { maxspan: 1000 })
    expect(ids(runEql(p, evs), evs)).toEqual([])
  })
  it('uses nanoseconds when timestamps have them', () => {
    const base = 1_700_000_000_000n * 1_000_000n
    const evs = [ev('a', 'A', 0), ev('b', 'B', 0)].map((e, k) => ({ ...e, ts: base + BigInt(k) * 1_000_000_000n + BigInt(k) }))
    const p = sequenceProgram([{ m: is('A') }, { m: is('B') }], { maxspan: 1000 })
    // 1000 ms and 1 ns apart: over the span
    expect(ids(runEql(p, evs), evs)).toEqual([])
    const evs2 = evs.map((e, k) => ({ ...e, ts: base + BigInt(k) * 1_000_000_000n }))
    expect(ids(runEql(p, evs2), evs2)).toEqual([['a', 'b']])
  })
  it('drops the expired partial: an older partial is not used instead', () => {
    const evs = [ev('a1', 'A', 0), ev('a2', 'A', 10), ev('b', 'B', 1005)]
    const p = sequenceProgram([{ m: is('A') }, { m: is('B') }], { maxspan: 1000 })
    // the latest partial (a2) fits; a1 is dropped with it
    expect(ids(runEql(p, evs), evs)).toEqual([['a2', 'b']])
  })
})

describe('until', () => {
  const p = sequenceProgram([{ m: is('A'), keys: [key('pid')] }, { m: is('B'), keys: [key('pid')] }], {
    until: { m: is('C'), keys: [key('pid')] },
  })
  it('cancels a sequence it interrupts', () => {
    const evs = [ev('a', 'A', 1, { pid: 1 }), ev('c', 'C', 2, { pid: 1 }), ev('b', 'B', 3, { pid: 1 })]
    expect(ids(runEql(p, evs), evs)).toEqual([])
  })
  it('does not matter after the sequence ends', () => {
    const evs = [ev('a', 'A', 1, { pid: 1 }), ev('b', 'B', 2, { pid: 1 }), ev('c', 'C', 3, { pid: 1 })]
    expect(ids(runEql(p, evs), evs)).toEqual([['a', 'b']])
  })
  it('only cancels its own key', () => {
    const evs = [ev('a', 'A', 1, { pid: 1 }), ev('c', 'C', 2, { pid: 2 }), ev('b', 'B', 3, { pid: 1 })]
    expect(ids(runEql(p, evs), evs)).toEqual([['a', 'b']])
  })
  it('is inclusive of the partial last event, exclusive of the next one', () => {
    const both = matcher((e) => e['tag'] === 'A' || e['tag'] === 'C')
    const q = sequenceProgram([{ m: both }, { m: is('B') }], { until: { m: matcher((e) => e['u'] === true) } })
    const evs1 = [ev('a', 'A', 1, { u: true }), ev('b', 'B', 2)]
    expect(ids(runEql(q, evs1), evs1)).toEqual([])
    const evs2 = [ev('a', 'A', 1), ev('b', 'B', 2, { u: true })]
    expect(ids(runEql(q, evs2), evs2)).toEqual([['a', 'b']])
  })
  it('an until event before a newer partial does not cancel it', () => {
    const evs = [ev('a1', 'A', 1, { pid: 1 }), ev('c', 'C', 2, { pid: 1 }), ev('a2', 'A', 3, { pid: 1 }), ev('b', 'B', 4, { pid: 1 })]
    expect(ids(runEql(p, evs), evs)).toEqual([['a2', 'b']])
  })
})

describe('with runs', () => {
  it('repeats a stage: consecutive matches fill it', () => {
    const evs = [ev('a1', 'A', 1), ev('a2', 'A', 2), ev('a3', 'A', 3), ev('b', 'B', 4)]
    const p = sequenceProgram([{ m: is('A'), runs: 3 }, { m: is('B') }])
    expect(ids(runEql(p, evs), evs)).toEqual([['a1', 'a2', 'a3', 'b']])
  })
  it('overlapping runs give successive sequences', () => {
    const evs = [1, 2, 3, 4].map((t) => ev(`a${t}`, 'A', t))
    const p = sequenceProgram([{ m: is('A'), runs: 2 }])
    expect(ids(runEql(p, evs), evs)).toEqual([
      ['a1', 'a2'],
      ['a2', 'a3'],
      ['a3', 'a4'],
    ])
  })
})

describe('join keys', () => {
  it('multi-valued keys fan out, one sequence per shared value, ordered by key on ties', () => {
    const evs = [ev('1', 'A', 1, { tags: ['b', 'a'] }), ev('2', 'B', 2, { tags: ['a', 'b', 'c'] })]
    const p = sequenceProgram([{ m: is('A'), keys: [key('tags')] }, { m: is('B'), keys: [key('tags')] }])
    const out = runEql(p, evs)
    expect(ids(out, evs)).toEqual([
      ['1', '2'],
      ['1', '2'],
    ])
    expect(keysOf(out)).toEqual([['a'], ['b']])
  })
  it('two multi-valued keys give the cartesian product', () => {
    const evs = [ev('1', 'A', 1, { x: [1, 2], y: ['p', 'q'] }), ev('2', 'B', 2, { x: [2, 1], y: ['q'] })]
    const keys = [key('x'), key('y')]
    const out = runEql(sequenceProgram([{ m: is('A'), keys }, { m: is('B'), keys }]), evs)
    expect(keysOf(out)).toEqual([
      [1, 'q'],
      [2, 'q'],
    ])
  })
  it('a null key excludes the event; an optional null key joins other nulls', () => {
    const evs = [ev('1', 'A', 1), ev('2', 'B', 2)]
    const strict = sequenceProgram([{ m: is('A'), keys: [key('k')] }, { m: is('B'), keys: [key('k')] }])
    expect(ids(runEql(strict, evs), evs)).toEqual([])
    const optional = sequenceProgram([{ m: is('A'), keys: [key('k', true)] }, { m: is('B'), keys: [key('k', true)] }])
    const out = runEql(optional, evs)
    expect(ids(out, evs)).toEqual([['1', '2']])
    expect(keysOf(out)).toEqual([[null]])
  })
  it('keys of different types never join (1 vs "1")', () => {
    const evs = [ev('1', 'A', 1, { k: 1 }), ev('2', 'B', 2, { k: '1' })]
    const p = sequenceProgram([{ m: is('A'), keys: [key('k')] }, { m: is('B'), keys: [key('k')] }])
    expect(ids(runEql(p, evs), evs)).toEqual([])
  })
  it('tuple encodings do not collide across key boundaries', () => {
    const evs = [ev('1', 'A', 1, { x: 'a', y: 'bc' }), ev('2', 'B', 2, { x: 'ab', y: 'c' })]
    const keys = [key('x'), key('y')]
    expect(ids(runEql(sequenceProgram([{ m: is('A'), keys }, { m: is('B'), keys }]), evs), evs)).toEqual([])
  })
})

describe('ordering', () => {
  it('orders by timestamp, not input order, and results by last event', () => {
    const evs = [ev('b2', 'B', 40), ev('a1', 'A', 10), ev('b1', 'B', 20), ev('a2', 'A', 30)]
    const p = sequenceProgram([{ m: is('A') }, { m: is('B') }])
    expect(ids(runEql(p, evs), evs)).toEqual([
      ['a1', 'b1'],
      ['a2', 'b2'],
    ])
  })
  it('ties on timestamp: tiebreaker, then events without one, then input order', () => {
    const evs = [ev('x', 'A', 5), ev('y', 'A', 5, { seq: 2 }), ev('z', 'A', 5, { seq: 1 }), ev('w', 'A', 5)]
    const p = sequenceProgram([{ m: is('A') }, { m: is('A') }], { tiebreaker: 'seq' })
    expect(ids(runEql(p, evs), evs)).toEqual([
      ['z', 'y'],
      ['y', 'x'],
      ['x', 'w'],
    ])
  })
  it('leaves out events without timestamp, with warning EQL3002', () => {
    const evs = [ev('a', 'A', 1), { id: 'b', tag: 'B' }, ev('c', 'B', 3)]
    const out = runEql(sequenceProgram([{ m: is('A') }, { m: is('B') }]), evs)
    expect(ids(out, evs)).toEqual([['a', 'c']])
    expect(out.diagnostics.map((d) => [d.code, d.severity])).toEqual([['EQL3002', 'warning']])
  })
})

describe('size and pipes count sequences', () => {
  const evs = [1, 2, 3, 4, 5].map((t) => ev(`e${t}`, 'A', t))
  const two = (o = {}) => sequenceProgram([{ m: is('A') }, { m: is('A') }], o)
  it('head, tail, chained', () => {
    expect(ids(runEql(two({ pipes: [{ name: 'head', count: 2 }] }), evs), evs)).toEqual([['e1', 'e2'], ['e2', 'e3']])
    expect(ids(runEql(two({ pipes: [{ name: 'tail', count: 1 }] }), evs), evs)).toEqual([['e4', 'e5']])
    const chain = two({ pipes: [{ name: 'head', count: 3 }, { name: 'tail', count: 2 }] })
    expect(ids(runEql(chain, evs), evs)).toEqual([['e2', 'e3'], ['e3', 'e4']])
  })
  it('size applies before the first pipe, of its kind; at resultPosition without pipes', () => {
    expect(ids(runEql(two({ size: 2, resultPosition: 'tail', pipes: [{ name: 'head', count: 5 }] }), evs), evs)).toEqual([
      ['e1', 'e2'],
      ['e2', 'e3'],
    ])
    expect(ids(runEql(two({ size: 2, resultPosition: 'tail' }), evs), evs)).toEqual([
      ['e3', 'e4'],
      ['e4', 'e5'],
    ])
    expect(ids(runEql(two({ size: 1, resultPosition: 'head' }), evs), evs)).toEqual([['e1', 'e2']])
  })
})
