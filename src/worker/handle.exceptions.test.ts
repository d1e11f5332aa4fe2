import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql } from '../engine'
import { createHandler } from './handle'
import { PROTOCOL_VERSION, type Reply, type RunReport } from './protocol'

/** Runs with exception items through the dispatcher over the real engine. */
const engine = { buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql }

// Our own events: two installs, one by the MDM agent (what the exception is for).
const proc = (ts: string, name: string, user: string) => ({
  '@timestamp': ts,
  event: { category: ['process'], type: ['start'] },
  host: { id: 'h1', os: { type: 'macos', name: 'macOS' } },
  process: { name },
  user: { name: user },
})
const EVENTS = [
  proc('2026-11-02T09:00:01Z', 'installer', 'mdm'),
  proc('2026-11-02T09:00:02Z', 'installer', 'alice'),
  proc('2026-11-02T09:00:03Z', 'launchctl', 'alice'),
]
const MDM = { name: 'MDM agent', entries: [{ field: 'user.name', operator: 'included', type: 'match', value: 'mdm' }] }

function setup() {
  const handle = createHandler(engine)
  handle({ id: 1, protocol: PROTOCOL_VERSION, kind: 'setEvents', version: 1, text: EVENTS.map((e) => JSON.stringify(e)).join('\n') })
  let id = 2
  const send = (language: 'eql' | 'kql', query: string, exceptions?: unknown): Reply =>
    handle({ id: id++, protocol: PROTOCOL_VERSION, kind: 'run', language, query, eventsVersion: 1, settings: {}, displayLimit: 100, ...(exceptions === undefined ? {} : { exceptions }) })
  const run = (language: 'eql' | 'kql', query: string, exceptions?: unknown): RunReport => {
    const reply = send(language, query, exceptions)
    if (!reply.ok || reply.kind !== 'run') throw new Error(`run failed: ${JSON.stringify(reply)}`)
    return reply.result
  }
  return { run, send }
}

describe('run with exception items', () => {
  it('KQL: the excepted event leaves the matches and is listed with its item', () => {
    const r = setup().run('kql', 'process.name : "installer"', [MDM])
    expect(r.matchedIndexes).toEqual([1])
    expect(r.excepted).toEqual([{ index: 0, item: 0 }])
    expect(r.exceptionProblems).toEqual([])
  })
  it('EQL event query, item numbers are positions in the request', () => {
    const never = { name: 'n', entries: [{ field: 'user.name', operator: 'included', type: 'match', value: 'nobody' }] }
    const r = setup().run('eql', 'process where process.name == "installer"', [never, MDM])
    expect(r.matchedIndexes).toEqual([1])
    expect(r.excepted).toEqual([{ index: 0, item: 1 }])
  })
  it('EQL sequence: a lost sequence lists its other events with item -1', () => {
    const q = 'sequence by host.id [process where user.name == "mdm"] [process where process.name == "launchctl"]'
    const plain = setup().run('eql', q)
    expect(plain.matchedIndexes).toEqual([0, 2])
    expect(plain.excepted).toBeUndefined()
    const r = setup().run('eql', q, [MDM])
    expect(r.matchedIndexes).toEqual([])
    expect(r.excepted).toEqual([
      { index: 0, item: 0 },
      { index: 2, item: -1 },
    ])
  })
  it('an item with an error: Elasticsearch would fail the search, so no result and EXC100', () => {
    const bad = { name: 'bad pid', entries: [{ field: 'process.pid', operator: 'included', type: 'match', value: 'abc' }] }
    const r = setup().run('kql', 'process.name : "installer"', [MDM, bad])
    expect(r.result).toBeNull()
    expect(r.matchedIndexes).toEqual([])
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['EXC100', 'error']])
    expect(r.exceptionProblems?.map((p) => [p.code, p.item, p.entry])).toEqual([['EXC002', 1, 0]])
  })
  it('a list entry is a warning: the item is not applied, the run goes on', () => {
    const list = { name: 'l', entries: [{ field: 'user.name', operator: 'included', type: 'list', list: { id: 'mdm-users', type: 'keyword' } }] }
    const r = setup().run('kql', 'process.name : "installer"', [list])
    expect(r.matchedIndexes).toEqual([0, 1])
    expect(r.excepted).toEqual([])
    expect(r.exceptionProblems?.map((p) => [p.code, p.severity, p.item])).toEqual([['EXC001', 'warning', 0]])
  })
  it('an unreadable item is left out whole, with a warning naming it', () => {
    const half = { name: 'half', entries: [MDM.entries[0], { field: 'x', type: 'bogus' }] }
    const r = setup().run('kql', 'process.name : "installer"', [half])
    expect(r.matchedIndexes).toEqual([0, 1])
    expect(r.exceptionProblems?.map((p) => [p.code, p.item])).toEqual([['EXC011', 0]])
  })
  it('a query that does not compile still reports the items\' problems', () => {
    const list = { name: 'l', entries: [{ field: 'user.name', operator: 'included', type: 'list', list: { id: 'x', type: 'keyword' } }] }
    const r = setup().run('eql', 'process where', [list])
    expect(r.result).toBeNull()
    expect(r.exceptionProblems?.map((p) => p.code)).toEqual(['EXC001'])
  })
  it('exceptions must be a list', () => {
    const reply = setup().send('kql', 'process.name : "installer"', { not: 'a list' })
    expect(reply).toMatchObject({ ok: false, failure: { code: 'bad-request' } })
  })
})
