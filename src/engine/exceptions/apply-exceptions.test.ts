import { describe, expect, it } from 'vitest'
import { compileEql } from '../eql/compile-eql'
import { runEql } from '../eql/run-eql'
import { compileKql } from '../kql/compile-kql'
import { runKql } from '../kql/run-kql'
import { isMissing, type RunOutput } from '../result'
import { buildSchema } from '../schema/build-schema'
import { runCutsMatches, runWithExceptions } from './apply-exceptions'
import { compileExceptions } from './compile-exceptions'
import { makeEntry } from './describe'
import type { ExceptionItem } from './types'

// Our own events: `tag` names the step, `user.name` is what the exception item excepts.
interface Ev {
  id: string
  '@timestamp': string
  event: { category: string }
  host: { id: string }
  process: { name: string }
  user: { name: string }
}
const ev = (id: string, second: number, name: string, user = 'alice', host = 'h1'): Ev => ({
  id,
  '@timestamp': `2024-05-01T10:00:${String(second).padStart(2, '0')}Z`,
  event: { category: 'process' },
  host: { id: host },
  process: { name },
  user: { name: user },
})

const ROOT: ExceptionItem = { name: 'root is fine', entries: [makeEntry('user.name', 'is', ['root'])] }
const NOBODY: ExceptionItem = { name: 'never', entries: [makeEntry('user.name', 'is', ['nobody'])] }

function setup(events: readonly Ev[], items: readonly ExceptionItem[]) {
  const { schema } = buildSchema({ ecs: true, events })
  return { schema, compiled: compileExceptions(items, { schema }) }
}

function eql(query: string, events: readonly Ev[], items: readonly ExceptionItem[] = [NOBODY, ROOT]) {
  const { schema, compiled } = setup(events, items)
  const c = compileEql(query, { schema })
  const program = c.program
  if (program === null) throw new Error(JSON.stringify(c.diagnostics))
  return runWithExceptions((excluded) => runEql(program, events, excluded === undefined ? {} : { excluded }), compiled, events, { cutsMatches: runCutsMatches(program) })
}

/** Ids per returned row: an event's id, or a sequence's ids joined ('-' for a missing stage). */
function rows(out: RunOutput, events: readonly Ev[]): string[] {
  const r = out.result
  if (r === null) throw new Error(JSON.stringify(out.diagnostics))
  if (r.kind === 'events') return r.events.map((e) => events[e.index]?.id ?? '?')
  const list = r.kind === 'sequences' ? r.sequences : r.samples
  return list.map((s) => s.events.map((e) => (isMissing(e) ? '-' : (events[e.index]?.id ?? '?'))).join(','))
}

describe('event queries', () => {
  const events = [ev('a', 1, 'x', 'root'), ev('b', 2, 'x'), ev('c', 3, 'y', 'root'), ev('d', 4, 'x', 'root')]
  it('KQL: excepted events leave the result and are listed with their item', () => {
    const { schema, compiled } = setup(events, [NOBODY, ROOT])
    const program = compileKql('process.name : "x"', { schema }).program
    if (program === null) throw new Error('no program')
    const r = runWithExceptions((excluded) => runKql(program, events, excluded === undefined ? {} : { excluded }), compiled, events)
    expect(rows(r.output, events)).toEqual(['b'])
    // c is excepted too, but the query does not match it: not listed
    expect(r.excepted).toEqual([
      { index: 0, item: 1 },
      { index: 3, item: 1 },
    ])
    expect(r.output.eventCount).toBe(4)
  })
  it('EQL event query', () => {
    const r = eql('process where process.name == "x"', events)
    expect(rows(r.output, events)).toEqual(['b'])
    expect(r.excepted).toEqual([
      { index: 0, item: 1 },
      { index: 3, item: 1 },
    ])
  })
  it('head picks from the events that remain; the lost ones come from a run without exceptions', () => {
    const r = eql('process where process.name == "x" | head 1', events)
    expect(rows(r.output, events)).toEqual(['b'])
    expect(r.excepted).toEqual([{ index: 0, item: 1 }])
  })
  it('without items, or when no event is excepted, one plain run', () => {
    let calls = 0
    const run = (excluded: Uint8Array | undefined): RunOutput => {
      calls++
      expect(excluded).toBeUndefined()
      return { result: { kind: 'events', events: [] }, diagnostics: [], eventCount: 0 }
    }
    expect(runWithExceptions(run, null, events).excepted).toEqual([])
    expect(runWithExceptions(run, setup(events, [NOBODY]).compiled, events).excepted).toEqual([])
    expect(calls).toBe(2)
  })
})

describe('sequences: an excepted event is never seen', () => {
  const q = 'sequence by host.id [process where process.name == "a"] [process where process.name == "b"]'
  it('a later event fills the stage the excepted one would have filled', () => {
    const events = [ev('a1', 1, 'a'), ev('b2', 2, 'b', 'root'), ev('b3', 3, 'b')]
    const plain = eql(q, events, [])
    expect(rows(plain.output, events)).toEqual(['a1,b2'])
    const r = eql(q, events)
    expect(rows(r.output, events)).toEqual(['a1,b3'])
    expect(r.excepted).toEqual([{ index: 1, item: 1 }])
  })
  it('the sequence no longer forms: its other events are listed with item -1', () => {
    const events = [ev('a1', 1, 'a'), ev('b2', 2, 'b', 'root')]
    const r = eql(q, events)
    expect(rows(r.output, events)).toEqual([])
    expect(r.excepted).toEqual([
      { index: 0, item: -1 },
      { index: 1, item: 1 },
    ])
  })
  it('an excepted until event does not end the sequence', () => {
    const events = [ev('a1', 1, 'a'), ev('c2', 2, 'c', 'root'), ev('b3', 3, 'b')]
    const qu = `${q} until [process where process.name == "c"]`
    expect(rows(eql(qu, events, []).output, events)).toEqual([])
    const r = eql(qu, events)
    expect(rows(r.output, events)).toEqual(['a1,b3'])
    expect(r.excepted).toEqual([])
  })
  it('an excepted event is not the event a missing stage forbids', () => {
    const events = [ev('a1', 1, 'a'), ev('c2', 2, 'c', 'root'), ev('b3', 3, 'b')]
    const qm = 'sequence by host.id with maxspan=1h [process where process.name == "a"] ![process where process.name == "c"] [process where process.name == "b"]'
    expect(rows(eql(qm, events, []).output, events)).toEqual([])
    expect(rows(eql(qm, events).output, events)).toEqual(['a1,-,b3'])
  })
})

describe('samples', () => {
  it('an excepted event fills no stage', () => {
    const events = [ev('a1', 1, 'a', 'root'), ev('b2', 2, 'b')]
    const q = 'sample by host.id [process where process.name == "a"] [process where process.name == "b"]'
    expect(rows(eql(q, events, []).output, events)).toEqual(['a1,b2'])
    const r = eql(q, events)
    expect(rows(r.output, events)).toEqual([])
    expect(r.excepted).toEqual([
      { index: 0, item: 1 },
      { index: 1, item: -1 },
    ])
  })
})
