import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { isMissing, type RunOutput } from '../result'
import { compileEql } from './compile-eql'
import { runEql } from './run-eql'
import type { EqlSettings } from './settings'

// Our own small ECS-shaped events. `id` names an event in expectations; timestamps are out of input
// order on purpose.
const t = (s: number): string => new Date(Date.UTC(2024, 4, 1, 12, 0, s)).toISOString()
const events = [
  { id: 'p1', '@timestamp': t(1), event: { category: 'process' }, host: { id: 'h1' }, process: { name: 'cmd.exe', entity_id: 'e1' } },
  { id: 'n2', '@timestamp': t(3), event: { category: 'network' }, host: { id: 'h1' }, process: { entity_id: 'e1' }, destination: { port: 443 } },
  { id: 'p0', '@timestamp': t(0), event: { category: 'process' }, host: { id: 'h2' }, process: { name: 'CMD.EXE', entity_id: 'e9' } },
  { id: 'f4', '@timestamp': t(4), event: { category: ['file', 'process'] }, host: { id: 'h1' }, process: { name: 'cmd.exe', entity_id: 'e1' } },
  { id: 'n5', '@timestamp': t(5), event: { category: 'network' }, host: { id: 'h2' }, process: { entity_id: 'e9' }, destination: { port: 80 } },
  { id: 'x6', '@timestamp': t(6), event: { category: 'process' }, host: { id: 'h1' }, process: { name: 'explorer.exe', entity_id: 'e2' } },
]
const { schema } = buildSchema({ ecs: true, events })

function run(text: string, settings: Partial<EqlSettings> = {}, evs: readonly Record<string, unknown>[] = events): RunOutput {
  const c = compileEql(text, { schema, settings })
  expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  if (c.program === null) throw new Error('no program')
  return runEql(c.program, evs)
}

function ids(out: RunOutput, evs: readonly Record<string, unknown>[] = events): string[] {
  const r = out.result
  if (r === null) return []
  const name = (i: number): string => String(evs[i]?.['id'])
  if (r.kind === 'events') return r.events.map((e) => name(e.index))
  const rows = r.kind === 'sequences' ? r.sequences : r.samples
  return rows.map((s) => s.events.map((e) => (isMissing(e) ? '-' : name(e.index))).join(','))
}

describe('compileEql + runEql: event queries', () => {
  it('orders by @timestamp and applies size and pipes', () => {
    expect(ids(run('process where process.name : "cmd.exe"'))).toEqual(['p0', 'p1', 'f4'])
    expect(ids(run('process where true | tail 2'))).toEqual(['f4', 'x6'])
    expect(ids(run('process where true | head 3 | tail 1'))).toEqual(['f4'])
    expect(ids(run('any where true', { size: 2, resultPosition: 'head' }))).toEqual(['p0', 'p1'])
    expect(ids(run('any where true', { size: 2 }))).toEqual(['n5', 'x6'])
  })
  it('returns hits with spans into the query for returned events', () => {
    const text = 'process where process.name == "cmd.exe"'
    const out = run(text)
    if (out.result?.kind !== 'events') throw new Error()
    const fields = out.result.events[0]?.hits.map((h) => [h.field, text.slice(h.span.start, h.span.end)])
    expect(fields).toContainEqual(['process.name', 'process.name == "cmd.exe"'])
  })
  it('uses the configured timestamp and tiebreaker fields', () => {
    const evs = [
      { id: 'a', ts: 5, seq: 2, event: { category: 'process' } },
      { id: 'b', ts: 5, seq: 1, event: { category: 'process' } },
      { id: 'c', ts: 1, event: { category: 'process' } },
    ]
    const s = buildSchema({ ecs: true, events: evs }).schema
    const c = compileEql('process where true', { schema: s, settings: { timestampField: 'ts', tiebreakerField: 'seq' } })
    expect(c.program).not.toBeNull()
    if (c.program !== null) expect(ids(runEql(c.program, evs), evs)).toEqual(['c', 'b', 'a'])
  })
})

describe('compileEql + runEql: sequences and samples', () => {
  it('joins on sequence keys', () => {
    const q = 'sequence by host.id, process.entity_id [process where process.name == "cmd.exe"] [network where true]'
    const out = run(q)
    expect(ids(out)).toEqual(['p1,n2'])
    if (out.result?.kind === 'sequences') expect(out.result.sequences[0]?.joinKeys).toEqual(['h1', 'e1'])
  })
  it('maxspan, until and runs from the query text', () => {
    expect(ids(run('sequence by host.id with maxspan=2s [process where true] [network where true]'))).toEqual(['p1,n2'])
    expect(ids(run('sequence by host.id with maxspan=1s [process where true] [network where true]'))).toEqual([])
    const until = 'sequence by host.id [process where true] [network where true] until [file where true]'
    expect(ids(run(until))).toEqual(['p1,n2', 'p0,n5'])
    expect(ids(run('sequence by host.id [process where true] with runs=2 [process where true]'))).toEqual(['p1,f4,x6'])
  })
  it('missing events from the query text', () => {
    const q = 'sequence by host.id with maxspan=10s [process where true] ![file where true] [network where true]'
    expect(ids(run(q))).toEqual(['p1,-,n2', 'p0,-,n5'])
    const q2 = 'sequence by host.id with maxspan=10s [process where true] ![network where true] [process where true]'
    // h1: p1 .. f4 has n2 between; f4 .. x6 has none
    expect(ids(run(q2))).toEqual(['f4,-,x6'])
  })
  it('samples by key, in key order', () => {
    expect(ids(run('sample by host.id [process where true] [network where true]'))).toEqual(['p1,n2', 'p0,n5'])
  })
})

describe('compileEql diagnostics', () => {
  it('a syntax error gives no program', () => {
    const c = compileEql('process where', { schema })
    expect(c.program).toBeNull()
    expect(c.diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('EQL1'))).toBe(true)
  })
  it('a verification error gives no program but keeps the statement', () => {
    const c = compileEql('process where no.such.field == 1', { schema })
    expect(c.program).toBeNull()
    expect(c.statement).not.toBeNull()
    expect(c.diagnostics.map((d) => d.code)).toContain('EQL2001')
  })
  it('never throws, whatever the text', () => {
    const pieces = ['sequence', 'sample', 'by', 'host.id', '[', ']', '![', 'process', 'where', 'true', '|', 'head', '1', 'with', 'maxspan=1s', 'runs=2', 'until', '"x"', '(', ')', '==', 'and', 'not', '?', '`', '\\', '\u0000']
    let seed = 7
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    for (let k = 0; k < 400; k++) {
      const text = Array.from({ length: 1 + rnd(14) }, () => pieces[rnd(pieces.length)]).join(' ')
      const c = compileEql(text, { schema })
      if (c.program !== null) expect(runEql(c.program, [...events, null, 1, 'x', []]).result).not.toBeNull()
    }
  })
})
