import { describe, expect, it } from 'vitest'
import type { RunOutput } from '../result'
import type { EqlProgram } from './program'
import { runEql } from './run-eql'
import { eventProgram, matcher, sequenceProgram, type TestEvent } from './run-test-programs'

const ev = (id: string, ts: number | undefined, extra: Record<string, unknown> = {}): TestEvent => ({ id, ts, ...extra })
const all = matcher(() => true, 'all')

function eventIds(out: RunOutput, events: readonly unknown[]): string[] {
  if (out.result?.kind !== 'events') throw new Error(`no events: ${JSON.stringify(out.diagnostics)}`)
  return out.result.events.map((e) => String((events[e.index] as TestEvent)['id']))
}

describe('event queries', () => {
  const evs = [ev('c', 30), ev('a', 10), ev('d', 40), ev('b', 20), ev('e', 50)]
  it('returns matches in timestamp order, with hits', () => {
    const out = runEql(eventProgram(matcher((e) => e['id'] !== 'd', 'id')), evs)
    expect(eventIds(out, evs)).toEqual(['a', 'b', 'c', 'e'])
    if (out.result?.kind !== 'events') throw new Error()
    expect(out.result.events[0]?.hits.map((h) => h.field)).toEqual(['id'])
    expect(out.eventCount).toBe(5)
  })
  it('head/tail pipes chain left to right; size is an implicit head/tail before them', () => {
    expect(eventIds(runEql(eventProgram(all, { pipes: [{ name: 'head', count: 2 }] }), evs), evs)).toEqual(['a', 'b'])
    expect(eventIds(runEql(eventProgram(all, { pipes: [{ name: 'tail', count: 2 }] }), evs), evs)).toEqual(['d', 'e'])
    const chained = eventProgram(all, { pipes: [{ name: 'tail', count: 4 }, { name: 'head', count: 2 }] })
    expect(eventIds(runEql(chained, evs), evs)).toEqual(['b', 'c'])
    expect(eventIds(runEql(eventProgram(all, { size: 3 }), evs), evs)).toEqual(['c', 'd', 'e'])
    expect(eventIds(runEql(eventProgram(all, { size: 3, resultPosition: 'head' }), evs), evs)).toEqual(['a', 'b', 'c'])
    // size caps head: `| head 50` with size 2 returns 2, the implicit limit taking the first pipe's
    // kind whatever resultPosition says
    const capped = eventProgram(all, { size: 2, pipes: [{ name: 'head', count: 50 }] })
    expect(eventIds(runEql(capped, evs), evs)).toEqual(['a', 'b'])
    const tailFirst = eventProgram(all, { size: 3, resultPosition: 'head', pipes: [{ name: 'tail', count: 5 }, { name: 'head', count: 2 }] })
    expect(eventIds(runEql(tailFirst, evs), evs)).toEqual(['c', 'd'])
    expect(eventIds(runEql(eventProgram(all, { pipes: [{ name: 'head', count: 0 }] }), evs), evs)).toEqual([])
  })
  it('orders ties by tiebreaker, events without one after, then input order', () => {
    const tied = [ev('x', 5), ev('y', 5, { seq: 'b' }), ev('z', 5, { seq: 'a' }), ev('w', 1)]
    expect(eventIds(runEql(eventProgram(all, { tiebreaker: 'seq' }), tied), tied)).toEqual(['w', 'z', 'y', 'x'])
    expect(eventIds(runEql(eventProgram(all), tied), tied)).toEqual(['w', 'x', 'y', 'z'])
  })
  it('leaves out matching events without timestamp, reporting how many', () => {
    const mixed = [ev('a', 1), ev('b', undefined), ev('c', Number.NaN), ev('d', 2)]
    const out = runEql(eventProgram(all), mixed)
    expect(eventIds(out, mixed)).toEqual(['a', 'd'])
    expect(out.diagnostics).toHaveLength(1)
    expect(out.diagnostics[0]?.code).toBe('EQL3002')
    expect(out.diagnostics[0]?.message).toContain('2 matching event(s)')
  })
})

describe('limits and the no-throw guarantee', () => {
  it('stops when shouldStop says so, with EQL3003', () => {
    const many = Array.from({ length: 20_000 }, (_, k) => ev(String(k), k))
    let polls = 0
    const out = runEql(eventProgram(all), many, { shouldStop: () => ++polls > 2 })
    expect(out.diagnostics.map((d) => d.code)).toEqual(['EQL3003'])
    if (out.result?.kind !== 'events') throw new Error()
    expect(out.result.events.length).toBe(8192)
    expect(out.eventCount).toBe(8192)
  })
  it('reports EQL3001 instead of growing pending sequences without bound', () => {
    const many = Array.from({ length: 100 }, (_, k) => ev(String(k), k, { k }))
    const p = sequenceProgram([{ m: all, keys: [(e) => [(e as TestEvent)['k'] as number]] }, { m: matcher(() => false) }])
    const out = runEql(p, many, { maxPendingSequences: 10 })
    expect(out.result).toBeNull()
    expect(out.diagnostics.map((d) => [d.code, d.severity])).toEqual([['EQL3001', 'error']])
    expect(runEql(p, many, { maxPendingSequences: 100 }).result).not.toBeNull()
  })
  it('turns a throwing filter into EQL3004', () => {
    const boom = matcher(() => {
      throw new Error('kaboom')
    })
    const out = runEql(eventProgram(boom), [ev('a', 1)])
    expect(out.result).toBeNull()
    expect(out.diagnostics[0]?.code).toBe('EQL3004')
    expect(out.diagnostics[0]?.message).toContain('kaboom')
  })
  it('accepts any JSON values as events and a null program', () => {
    const junk: unknown[] = [null, 1, 'x', [1, 2], { ts: 'nope' }, { ts: 3, id: 'ok' }, undefined]
    const out = runEql(eventProgram(all), junk)
    expect(eventIds(out, junk)).toEqual(['ok'])
    expect(runEql(null, junk).diagnostics[0]?.code).toBe('EQL3005')
    expect(runEql(eventProgram(all), null as unknown as unknown[]).result).toEqual({ kind: 'events', events: [] })
    const seq = sequenceProgram([{ m: all }, { m: all }])
    expect(runEql(seq as EqlProgram, junk).result?.kind).toBe('sequences')
  })
})
