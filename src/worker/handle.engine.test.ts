import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql, compileKql, eqlSettings, hitsOf, parseEventsText, runEql, runKql } from '../engine'
import { createHandler, type EngineApi } from './handle'
import { PROTOCOL_VERSION, type EventsWindow, type Reply, type RunReport } from './protocol'

/** The dispatcher over the real engine: the path every page run takes, minus the postMessage. */
const engine = { buildSchema, compileEql, compileKql, eqlSettings, hitsOf, parseEventsText, runEql, runKql }
/** The same engine without on-demand hits: its runs collect every hit, as reports used to carry. */
const collecting = { buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql }

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

function setup(api: EngineApi<unknown, unknown> = engine as EngineApi<unknown, unknown>) {
  const handle = createHandler(api)
  const loaded = handle({ id: 1, protocol: PROTOCOL_VERSION, kind: 'setEvents', version: 1, text: eventsText + '\n{oops' })
  let id = 2
  const run = (query: string, language: 'eql' | 'kql' = 'eql', displayLimit = 100): RunReport => {
    const reply: Reply = handle({ id: id++, protocol: PROTOCOL_VERSION, kind: 'run', language, query, eventsVersion: 1, settings: {}, displayLimit })
    if (!reply.ok || reply.kind !== 'run') throw new Error(`run failed: ${JSON.stringify(reply)}`)
    return reply.result
  }
  const window = (runId: number, indexes: number[]): EventsWindow => {
    const reply: Reply = handle({ id: id++, protocol: PROTOCOL_VERSION, kind: 'getEvents', eventsVersion: 1, from: 0, count: 0, indexes, runId })
    if (!reply.ok || reply.kind !== 'getEvents') throw new Error(`getEvents failed: ${JSON.stringify(reply)}`)
    return reply.result
  }
  const spans = (runId: number) => {
    const reply: Reply = handle({ id: id++, protocol: PROTOCOL_VERSION, kind: 'hitSpans', eventsVersion: 1, runId })
    if (!reply.ok || reply.kind !== 'hitSpans') throw new Error(`hitSpans failed: ${JSON.stringify(reply)}`)
    expect(reply.result.complete).toBe(true)
    return reply.result.spans
  }
  return { loaded, run, window, spans }
}

const LOGIN_HOOK = 'process where process.name == "defaults" and process.args == "LoginHook"'
const SEQUENCE = 'sequence by host.name [process where process.args == "LoginHook"] [process where process.name == "sh"]'
const TWO_STAGES = 'sequence by host.name [process where process.name == "defaults"] [process where process.args : "*"]'

describe('handler over the real engine', () => {
  it('loads events, keeping the good ones and reporting the bad line', () => {
    const { loaded } = setup()
    expect(loaded).toMatchObject({ ok: true, kind: 'setEvents', result: { version: 1, eventCount: 3, problems: [{ line: 4 }] } })
  })

  it('runs an event query: the match structure, the first page with its hits, no hit list per match', () => {
    const report = setup().run(LOGIN_HOOK)
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(report.result).toEqual({ kind: 'events', count: 1 })
    expect(report.matchedIndexes).toEqual([0])
    expect(report.events.map(([i]) => i)).toEqual([0])
    expect(report.eventHits[0]?.hits.map((h) => h.field)).toEqual(expect.arrayContaining(['process.name', 'process.args']))
    expect(report).not.toHaveProperty('hits')
  })

  it('returns syntax errors as diagnostics, with no result', () => {
    const report = setup().run('process where process.name ==')
    expect(report.result).toBeNull()
    expect(report.diagnostics[0]?.code).toMatch(/^EQL1\d{3}$/)
  })

  it('runs a sequence with its join key', () => {
    const report = setup().run(SEQUENCE)
    expect(report.result).toEqual({ kind: 'sequences', sequences: [{ joinKeys: ['mbp-042'], events: [{ index: 0 }, { index: 2 }] }] })
    expect(report.events.map(([i]) => i)).toEqual([0, 2])
  })
})

describe('hits for the rows in view', () => {
  it('a window answers the hits a run collecting them would have carried, for matched rows only', () => {
    for (const [query, language] of [[LOGIN_HOOK, 'eql'], ['process.name : defaults and process.args : LoginHook', 'kql'], [SEQUENCE, 'eql'], [TWO_STAGES, 'eql']] as const) {
      const lazy = setup()
      const eager = setup(collecting as EngineApi<unknown, unknown>)
      const a = lazy.run(query, language, 0)
      const b = eager.run(query, language, 0)
      expect(a.matchedIndexes, query).toEqual(b.matchedIndexes)
      expect(lazy.window(a.runId, [0, 1, 2]).hits, query).toEqual(eager.window(b.runId, [0, 1, 2]).hits)
      expect(lazy.spans(a.runId), query).toEqual(eager.spans(b.runId))
    }
  })

  it('a sequence event filling two stages has each stage’s hits; its own are those of its first stage in result order', () => {
    const { run, window } = setup()
    const r = run(TWO_STAGES)
    // event 1 ends the first sequence (stage 1) and starts the second (stage 0)
    expect(r.result).toEqual({ kind: 'sequences', sequences: [{ joinKeys: ['mbp-042'], events: [{ index: 0 }, { index: 1 }] }, { joinKeys: ['mbp-042'], events: [{ index: 1 }, { index: 2 }] }] })
    const fields = (hits: readonly { field: string }[] | undefined) => hits?.map((h) => h.field)
    const one = window(r.runId, [1]).hits?.items[0]
    expect(fields(one?.byStage?.[0])).toEqual(['event.category', 'process.name'])
    expect(fields(one?.byStage?.[1])).toEqual(['event.category', 'process.args'])
    expect(one?.hits).toEqual(one?.byStage?.[1])
  })

  it('a run the worker no longer holds answers the events without hits', () => {
    const { run, window } = setup()
    const first = run(LOGIN_HOOK)
    run(SEQUENCE)
    run(SEQUENCE)
    expect(window(first.runId, [0]).hits?.runId).toBe(first.runId)
    run(SEQUENCE)
    const stale = window(first.runId, [0])
    expect(stale.items.map(([i]) => i)).toEqual([0])
    expect(stale.hits).toBeUndefined()
  })

  it('hit spans are every distinct clause that held for some match', () => {
    const { run, spans } = setup()
    const r = run(LOGIN_HOOK)
    const texts = (spans(r.runId) ?? []).map((s) => LOGIN_HOOK.slice(s.start, s.end))
    expect(texts).toEqual(['process', 'process.name == "defaults"', 'process.args == "LoginHook"'])
    expect(spans(9999)).toBeNull()
  })
})
