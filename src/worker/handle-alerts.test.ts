import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql, type RuleDocument } from '../engine'
import { LOGIN_HOOK_CURRENT } from '../examples/login-hook-current'
import { exampleRule } from '../examples/to-document'
import { createHandler } from './handle'
import { PROTOCOL_VERSION, type AlertsReport, type AlertsRequestFields } from './protocol'
import { matchedEvents } from './run-report'

/** `alerts` through the dispatcher over the real engine, as the worker serves it. */
const engine = { buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql }

type Ask = Omit<AlertsRequestFields, 'kind' | 'eventsVersion'>

function setup(eventsText: string, now?: () => number) {
  const handle = createHandler(engine, now === undefined ? {} : { now })
  handle({ id: 1, protocol: PROTOCOL_VERSION, kind: 'setEvents', version: 1, text: eventsText })
  let id = 2
  return (ask: Ask): AlertsReport => {
    const reply = handle({ id: id++, protocol: PROTOCOL_VERSION, kind: 'alerts', eventsVersion: 1, ...ask })
    if (!reply.ok || reply.kind !== 'alerts') throw new Error(`alerts failed: ${JSON.stringify(reply)}`)
    return reply.result
  }
}

const T0 = Date.parse('2024-06-04T13:00:00Z')
const MINUTE = 60_000

/** Events one per `stepMs` from T0 (plus 10 s, off the run ticks), host names cycling through `hosts`. */
function timeline(count: number, stepMs: number, hosts: readonly string[] = ['h1']): { text: string; times: number[] } {
  const times = Array.from({ length: count }, (_, i) => T0 + 10_000 + i * stepMs)
  const text = times.map((t, i) => JSON.stringify({ '@timestamp': new Date(t).toISOString(), 'event.kind': 'event', 'host.name': hosts[i % hosts.length] })).join('\n')
  return { text, times }
}

const kqlRule = (over: Partial<RuleDocument>): RuleDocument => ({ name: 'Crafted', type: 'query', language: 'kuery', query: 'event.kind : "event"', extra: {}, ...over })
const KQL: Ask = { language: 'kql', query: 'event.kind : "event"', settings: {}, rule: null }

describe('alerts request', () => {
  it('raises one alert per event the Login/Logout Hook example matches in a plain run', () => {
    const text = LOGIN_HOOK_CURRENT.events.map((e) => JSON.stringify(e.event)).join('\n')
    const events = parseEventsText(text).events
    const { schema } = buildSchema({ ecs: true, events })
    const plain = runEql(compileEql(LOGIN_HOOK_CURRENT.query, { schema, settings: eqlSettings({}) }).program, events).result
    const expected = plain === null ? [] : matchedEvents(plain).map((m) => m.index).sort((a, b) => a - b)
    expect(expected.length).toBeGreaterThan(0)
    const r = setup(text)({ language: 'eql', query: LOGIN_HOOK_CURRENT.query, settings: {}, rule: exampleRule(LOGIN_HOOK_CURRENT) })
    expect(r.simulation.ruleType).toBe('eql')
    expect(r.simulation.totals.alerts).toBe(expected.length)
    expect(r.simulation.alerts.flatMap((a) => a.detection.eventIndexes).sort((a, b) => a - b)).toEqual(expected)
    expect(r).toMatchObject({ eventsVersion: 1, query: LOGIN_HOOK_CURRENT.query, language: 'eql', alertsTruncated: false })
    expect(r.simulation.alerts.every((a) => a.document['kibana.alert.rule.name'] === LOGIN_HOOK_CURRENT.rule.name)).toBe(true)
  })

  it('a threshold rule raises one alert per group of at least the threshold value', () => {
    const hosts = ['a', 'b', 'a', 'c', 'a', 'c', 'd']
    const { text } = timeline(hosts.length, 5_000, hosts)
    const counts = new Map<string, number>()
    for (const h of hosts) counts.set(h, (counts.get(h) ?? 0) + 1)
    const expected = [...counts].filter(([, n]) => n >= 2).map(([h, n]) => ({ h, n })).sort((x, y) => x.h.localeCompare(y.h))
    const rule = kqlRule({ type: 'threshold', threshold: { field: ['host.name'], value: 2 } })
    const r = setup(text)({ ...KQL, rule })
    expect(r.simulation.ruleType).toBe('threshold')
    const groups = r.simulation.alerts.map((a) => {
      const d = a.detection.details
      return d?.kind === 'threshold' ? { h: String(d.terms[0]?.value), n: d.count } : null
    })
    expect(groups.sort((x, y) => (x?.h ?? '').localeCompare(y?.h ?? ''))).toEqual(expected)
  })

  it('a look-back shorter than the interval leaves events in no window: fewer alerts', () => {
    const { text, times } = timeline(30, 50_000)
    const ask = setup(text)
    const covered = ask({ ...KQL, rule: kqlRule({ interval: '5m', from: 'now-6m' }) })
    expect(covered.simulation.totals.alerts).toBe(times.length)
    // runs every 10 minutes from the epoch look back 2 minutes: an event is seen when the next tick is within 2 minutes
    const interval = 10 * MINUTE
    const seen = times.filter((t) => Math.ceil(t / interval) * interval - t <= 2 * MINUTE).length
    expect(seen).toBeLessThan(times.length)
    const gappy = ask({ ...KQL, rule: kqlRule({ interval: '10m', from: 'now-2m' }) })
    expect(gappy.simulation.totals.alerts).toBe(seen)
    expect(gappy.simulation.totals.eventsInNoWindow).toBe(times.length - seen)
    // the anchor moves the ticks, and with them which events are seen
    const anchor = T0 + 5 * MINUTE
    const shifted = times.filter((t) => Math.ceil((t - anchor) / interval) * interval + anchor - t <= 2 * MINUTE).length
    expect(ask({ ...KQL, rule: kqlRule({ interval: '10m', from: 'now-2m' }), anchor }).simulation.totals.alerts).toBe(shifted)
  })

  it('the budget ends the simulation as partial rather than failing it', () => {
    const { text } = timeline(60, MINUTE)
    const whole = setup(text)({ ...KQL })
    let clock = 0
    const r = setup(text, () => clock++)({ ...KQL, budgetMs: 5 })
    expect(r.simulation.stopped).toBe(true)
    expect(whole.simulation.stopped).toBe(false)
    expect(r.simulation.totals.alerts).toBeLessThan(whole.simulation.totals.alerts)
    expect(r.simulation.diagnostics.map((d) => d.code)).toContain('ALERT3001')
  })

  it('copies back at most alertLimit alert documents, the totals whole', () => {
    const { text, times } = timeline(12, 20_000)
    const r = setup(text)({ ...KQL, alertLimit: 5 })
    expect(r.simulation.alerts).toHaveLength(5)
    expect(r.simulation.totals.alerts).toBe(times.length)
    expect(r.alertsTruncated).toBe(true)
    expect(setup(text)({ ...KQL, alertLimit: times.length }).alertsTruncated).toBe(false)
  })
})
