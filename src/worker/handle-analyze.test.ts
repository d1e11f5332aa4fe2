import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql } from '../engine'
import { createHandler } from './handle'
import { analyze } from './handle-analyze'
import { PROTOCOL_VERSION, type Analysis, type Reply } from './protocol'

/** `analyze` through the dispatcher over the real engine, as the worker serves it. */
const engine = { buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql }

const proc = (name: string, args: string[]) => ({ '@timestamp': '2026-11-02T09:14:03Z', event: { category: ['process'], type: ['start'] }, process: { name, args } })
const events = [
  proc('defaults', ['defaults', 'write', 'LoginHook', '/tmp/x.sh']), // matches
  proc('defaults', ['defaults', 'write', 'LoginHook', '/Library/JAMF/loginhook.sh']), // excluded by the not
  proc('defaults', ['defaults', 'read', 'LoginHook']), // fails "write" only
  proc('sh', ['sh', '/tmp/x.sh']), // fails two clauses: not a near miss
]
const QUERY = 'process where process.name == "defaults" and process.args == "write" and not process.args : "*JAMF*"'

function setup() {
  const handle = createHandler(engine)
  handle({ id: 1, protocol: PROTOCOL_VERSION, kind: 'setEvents', version: 1, text: events.map((e) => JSON.stringify(e)).join('\n') })
  let id = 2
  const ask = (query: string, extra: { language?: 'eql' | 'kql'; nearMissLimit?: number; excludedLimit?: number; eventsVersion?: number } = {}): Reply =>
    handle({ id: id++, protocol: PROTOCOL_VERSION, kind: 'analyze', language: extra.language ?? 'eql', query, eventsVersion: extra.eventsVersion ?? 1, settings: {}, ...extra })
  const analysis = (query: string, extra: Parameters<typeof ask>[1] = {}): Analysis => {
    const reply = ask(query, extra)
    if (!reply.ok || reply.kind !== 'analyze') throw new Error(`analyze failed: ${JSON.stringify(reply)}`)
    return reply.result
  }
  return { ask, analysis }
}

const countOf = (a: Analysis, text: string) => a.coverage.find((c) => c.text === text)

describe('analyze request', () => {
  it('counts for every clause how many events it held for, so a dead clause shows 0', () => {
    const a = setup().analysis(`${QUERY} and process.name == "nothing"`)
    expect(a.eventCount).toBe(4)
    expect(a.stopped).toBe(false)
    expect(countOf(a, 'process.name == "defaults"')).toMatchObject({ trueCount: 3, falseCount: 1 })
    expect(countOf(a, 'process.args == "write"')).toMatchObject({ trueCount: 2 })
    expect(countOf(a, 'process.name == "nothing"')).toMatchObject({ trueCount: 0, falseCount: 4 })
    const clause = countOf(a, 'process.name == "nothing"')
    expect(clause && a.query.slice(clause.span.start, clause.span.end)).toBe('process.name == "nothing"')
  })

  it('lists the events that fail exactly one clause, with that clause', () => {
    const a = setup().analysis(QUERY)
    expect(a.nearMisses.map((m) => [m.eventIndex, m.text])).toEqual([
      [1, 'not process.args : "*JAMF*"'],
      [2, 'process.args == "write"'],
    ])
    expect(a.nearMissTotal).toBe(2)
    expect(a.nearMisses[0]?.leafText).toBe('process.args : "*JAMF*"')
  })

  it('caps the list but counts every near miss', () => {
    const a = setup().analysis(QUERY, { nearMissLimit: 1 })
    expect(a.nearMisses).toHaveLength(1)
    expect(a.nearMissTotal).toBe(2)
  })

  it('analyzes KQL too', () => {
    const a = setup().analysis('process.name : "defaults" and process.args : "write"', { language: 'kql' })
    expect(a.nearMisses.map((m) => m.eventIndex)).toEqual([2])
    expect(countOf(a, 'process.args : "write"')).toMatchObject({ trueCount: 2 })
  })

  it('answers a query with errors with its diagnostics and nothing else', () => {
    const a = setup().analysis('process where process.name ==')
    expect(a.diagnostics.some((d) => d.severity === 'error')).toBe(true)
    expect(a.coverage).toEqual([])
    expect(a.nearMisses).toEqual([])
  })

  it('refuses a dataset version it does not hold', () => {
    expect(setup().ask(QUERY, { eventsVersion: 7 })).toMatchObject({ ok: false, failure: { code: 'unknown-events' } })
  })

  it('lists the events the query excludes, with the clause, the leaf that fired and the value seen', () => {
    const a = setup().analysis(QUERY)
    expect(a.excludedTotal).toBe(1)
    expect(a.excluded).toEqual([
      {
        eventIndex: 1,
        exclusions: [
          {
            filter: 'query',
            span: { start: QUERY.indexOf('not '), end: QUERY.length },
            text: 'not process.args : "*JAMF*"',
            leafSpan: { start: QUERY.indexOf('process.args :'), end: QUERY.length },
            leafText: 'process.args : "*JAMF*"',
            field: 'process.args',
            values: ['/Library/JAMF/loginhook.sh'],
          },
        ],
      },
    ])
  })

  it('caps the excluded events but counts them all; KQL too', () => {
    const kql = 'process.name : "defaults" and not process.args : ("write" or "read")'
    const a = setup().analysis(kql, { language: 'kql', excludedLimit: 1 })
    expect(a.excludedTotal).toBe(3)
    expect(a.excluded.map((e) => [e.eventIndex, e.exclusions[0]?.leafText, e.exclusions[0]?.values])).toEqual([[0, '"write"', ['write']]])
    expect(setup().analysis('process where process.name ==').excluded).toEqual([])
  })

  it('stops at its budget and says so', () => {
    let t = 0
    const many = Array.from({ length: 5000 }, () => events[2])
    // the clock moves 10 ms per read: the budget of 5 ms is spent at the first poll
    const a = analyze(
      { kind: 'analyze', language: 'eql', query: QUERY, eventsVersion: 1, settings: {}, budgetMs: 5 },
      { events: many, eventsVersion: 1, schema: buildSchema({ ecs: true, events: many }).schema, now: () => (t += 10) },
    )
    expect(a.stopped).toBe(true)
    const root = a.coverage[0]
    expect(root && root.trueCount + root.falseCount + root.nullCount).toBeLessThan(5000)
  })
})

describe('excluded events in the reply', () => {
  it('events excluded alike share one hit object (sent once by the structured clone)', () => {
    const many = Array.from({ length: 3 }, () => events[1])
    const a = analyze(
      { kind: 'analyze', language: 'eql', query: QUERY, eventsVersion: 1, settings: {} },
      { events: many, eventsVersion: 1, schema: buildSchema({ ecs: true, events: many }).schema, now: () => 0 },
    )
    expect(a.excluded.map((e) => e.eventIndex)).toEqual([0, 1, 2])
    expect(a.excluded[0]?.exclusions[0]).toBe(a.excluded[2]?.exclusions[0])
    expect(structuredClone(a).excluded[1]?.exclusions[0]?.text).toBe('not process.args : "*JAMF*"')
  })
})
