import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql, eqlSettings, parseEventsText, runEql } from '../engine'
import { createHandler } from './handle'
import { PROTOCOL_VERSION, type Reply, type RunReport } from './protocol'

/** The dispatcher over the real engine: the path every page run takes, minus the postMessage. */
const engine = { buildSchema, compileEql, eqlSettings, parseEventsText, runEql }

const host = { name: 'mbp-042', os: { family: 'macos' } }
const proc = (ts: string, name: string, args: string[]) => ({
  '@timestamp': ts,
  event: { category: ['process'], type: ['start'] },
  host,
  process: { name, args },
})
const eventsText = [
  proc('2026-11-02T09:14:03.120Z', 'defaults', ['defaults', 'write', 'com.apple.loginwindow', 'LoginHook', '/tmp/x.sh']),
  proc('2026-11-02T09:14:05.002Z', 'defaults', ['defaults', 'read', 'com.apple.dock', 'autohide']),
  proc('2026-11-02T09:14:09.500Z', 'sh', ['sh', '/tmp/x.sh']),
]
  .map((e) => JSON.stringify(e))
  .join('\n')

function setup() {
  const handle = createHandler(engine)
  const loaded = handle({ id: 1, protocol: PROTOCOL_VERSION, kind: 'setEvents', version: 1, text: eventsText + '\n{oops' })
  let id = 2
  const run = (query: string): RunReport => {
    const reply: Reply = handle({ id: id++, protocol: PROTOCOL_VERSION, kind: 'run', language: 'eql', query, eventsVersion: 1, settings: {}, displayLimit: 100 })
    if (!reply.ok || reply.kind !== 'run') throw new Error(`run failed: ${JSON.stringify(reply)}`)
    return reply.result
  }
  return { loaded, run }
}

describe('handler over the real engine', () => {
  it('loads events, keeping the good ones and reporting the bad line', () => {
    const { loaded } = setup()
    expect(loaded).toMatchObject({ ok: true, kind: 'setEvents', result: { version: 1, eventCount: 3, problems: [{ line: 4 }] } })
  })

  it('runs an event query and returns the matched events with the fields that matched', () => {
    const report = setup().run('process where process.name == "defaults" and process.args == "LoginHook"')
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(report.result?.kind).toBe('events')
    if (report.result?.kind !== 'events') return
    expect(report.result.events.map((e) => e.index)).toEqual([0])
    expect(report.result.events[0]?.hits.map((h) => h.field)).toEqual(expect.arrayContaining(['process.name']))
    expect(report.events.map(([i]) => i)).toEqual([0])
  })

  it('returns syntax errors as diagnostics, with no result', () => {
    const report = setup().run('process where process.name ==')
    expect(report.result).toBeNull()
    expect(report.diagnostics[0]?.code).toMatch(/^EQL1\d{3}$/)
  })

  it('runs a sequence with its join key', () => {
    const report = setup().run('sequence by host.name [process where process.args == "LoginHook"] [process where process.name == "sh"]')
    expect(report.result).toMatchObject({ kind: 'sequences', sequences: [{ joinKeys: ['mbp-042'], events: [{ index: 0 }, { index: 2 }] }] })
    expect(report.events.map(([i]) => i)).toEqual([0, 2])
  })
})
