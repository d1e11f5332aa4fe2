import { describe, expect, it } from 'vitest'
import type { ExceptionItem } from '../exceptions/types'
import type { RuleDocument } from '../rules/rule-document'
import { buildSchema } from '../schema/build-schema'
import { simulateRule } from './simulate-rule'
import type { SimulateRuleInput } from './simulate-rule-types'

const T0 = Date.parse('2024-01-01T00:00:00.000Z')
const MIN = 60_000
const at = (m: number) => new Date(T0 + m * MIN).toISOString()
const ev = (m: number, host: string, extra: Record<string, unknown> = {}) => ({
  '@timestamp': at(m),
  event: { category: ['process'], type: ['start'] },
  process: { name: 'curl' },
  host: { name: host },
  ...extra,
})

const rule = (over: Partial<RuleDocument> = {}): RuleDocument => ({
  name: 'Curl',
  type: 'query',
  language: 'kuery',
  query: 'process.name : "curl"',
  interval: '5m',
  from: 'now-9m',
  maxSignals: 100,
  severity: 'high',
  riskScore: 73,
  extra: {},
  ...over,
})

function run(events: unknown[], over: Partial<SimulateRuleInput> = {}) {
  const { schema } = buildSchema({ ecs: true, events })
  return simulateRule({ rule: rule(), language: 'kql', query: 'process.name : "curl"', events, schema, ...over })
}

describe('simulateRule: query rules', () => {
  const events = [ev(1, 'a'), ev(2, 'b'), ev(7, 'a'), { ...ev(8, 'a'), process: { name: 'wget' } }]
  const sim = run(events)

  it('writes each matched event once although overlapping windows see it again', () => {
    expect(sim.ruleType).toBe('query')
    expect(sim.alerts.map((a) => a.detection.eventIndexes[0]).sort()).toEqual([0, 1, 2])
    // every extra window that contains a matched event is a duplicate
    const seen = [1, 2, 7].map((m) => sim.executions.filter((x) => x.windowFrom <= T0 + m * MIN && T0 + m * MIN <= x.windowTo).length)
    expect(sim.totals.duplicates).toBe(seen.reduce((s, n) => s + n - 1, 0))
    expect(sim.totals.duplicates).toBeGreaterThan(0)
    expect(sim.totals.alerts).toBe(3)
    expect(sim.totals.documents).toBe(3)
  })

  it('stamps each alert with the run that wrote it and its event', () => {
    for (const a of sim.alerts) {
      const x = sim.executions[a.execution]
      expect(x?.alertIds).toContain(a.id)
      expect(a.document['@timestamp']).toBe(new Date(x?.runAt ?? NaN).toISOString())
      expect(a.document['kibana.alert.original_time']).toBe((events[a.detection.eventIndexes[0] ?? -1] as { '@timestamp': string })['@timestamp'])
      expect(a.document['kibana.alert.rule.type']).toBe('query')
    }
  })

  it('drops what is past max_signals and says which runs were at the cap', () => {
    const capped = run(events, { rule: rule({ maxSignals: 1, from: 'now-5m' }) })
    expect(capped.totals.executionsAtCap).toBeGreaterThan(0)
    const atCap = capped.executions.find((x) => x.atCap && x.dropped > 0)
    expect(atCap?.alerts).toBe(1)
    expect(atCap?.droppedDetections.length).toBe(atCap?.dropped)
    expect(capped.totals.alerts).toBeLessThan(3)
  })

  it('leaves out events an exception item takes out', () => {
    const items: ExceptionItem[] = [{ name: 'host b', entries: [{ field: 'host.name', operator: 'included', type: 'match', value: 'b' }] }]
    const sim2 = run(events, { exceptions: items })
    expect(sim2.alerts.map((a) => a.detection.eventIndexes[0]).sort()).toEqual([0, 2])
    expect(sim2.totals.excepted).toBe(1)
  })

  it("applies the rule's filters", () => {
    const filters = [{ meta: { negate: false, disabled: false }, query: { match_phrase: { 'host.name': 'b' } } }]
    const sim2 = run(events, { rule: rule({ filters }) })
    expect(sim2.alerts.map((a) => a.detection.eventIndexes[0])).toEqual([1])
    expect(sim2.totals.filteredOut).toBe(3)
  })

  it('stops when asked and says the result is partial', () => {
    const stopped = run(events, { shouldStop: () => true })
    expect(stopped.stopped).toBe(true)
    expect(stopped.totals.alerts).toBe(0)
    expect(stopped.diagnostics.map((d) => d.code)).toContain('ALERT3001')
  })

  it('simulates a bare query on the default schedule and reports a query that does not compile', () => {
    const bare = run(events, { rule: null })
    expect(bare.schedule.interval).toBe('5m')
    expect(bare.totals.alerts).toBe(3)
    const bad = run(events, { query: 'process.name : (' })
    expect(bad.executions).toEqual([])
    expect(bad.diagnostics.some((d) => d.severity === 'error')).toBe(true)
  })
})

describe('simulateRule: eql and threshold', () => {
  it('writes a sequence as building blocks and a shell, once', () => {
    const events = [
      { ...ev(1, 'a'), event: { category: ['file'], type: ['creation'] }, file: { name: 'x.plist' } },
      { ...ev(2, 'a'), process: { name: 'launchctl' } },
    ]
    const { schema } = buildSchema({ ecs: true, events })
    const query = 'sequence by host.name with maxspan=5m [file where true] [process where process.name == "launchctl"]'
    const sim = simulateRule({ rule: rule({ type: 'eql', language: 'eql', query }), language: 'eql', query, events, schema })
    expect(sim.ruleType).toBe('eql')
    expect(sim.totals.alerts).toBe(1)
    expect(sim.totals.documents).toBe(3)
    expect(sim.alerts[0]?.buildingBlocks.map((b) => b['kibana.alert.group.index'])).toEqual([0, 1])
    expect(sim.totals.duplicates).toBeGreaterThan(0)
  })

  it('an eql rule at the cap writes what its size-bounded search returns (the most recent) and drops the rest', () => {
    const events = [ev(1, 'a'), ev(2, 'b'), ev(3, 'c')]
    const { schema } = buildSchema({ ecs: true, events })
    const query = 'process where process.name == "curl"'
    const sim = simulateRule({ rule: rule({ type: 'eql', language: 'eql', query, maxSignals: 2, from: 'now-5m' }), language: 'eql', query, events, schema })
    const x = sim.executions.find((e) => e.eventsInWindow === 3)
    expect(x?.atCap).toBe(true)
    expect(x?.alerts).toBe(2)
    expect(x?.droppedDetections.map((d) => d.eventIndexes[0])).toEqual([0])
    expect(sim.totals.dropped).toBe(1)
    expect(sim.totals.neverWritten).toBe(1)
  })

  it('raises a threshold alert per group that reaches the value', () => {
    const events = [ev(1, 'a'), ev(2, 'a'), ev(3, 'b')]
    const r = rule({ type: 'threshold', threshold: { field: ['host.name'], value: 2 }, from: 'now-5m' })
    const sim = run(events, { rule: r })
    expect(sim.ruleType).toBe('threshold')
    expect(sim.alerts).toHaveLength(1)
    expect(sim.alerts[0]?.document['kibana.alert.threshold_result']).toMatchObject({ terms: [{ field: 'host.name', value: 'a' }], count: 2 })
  })

  it('raises a new_terms alert where a value is first seen, not again when the history holds it', () => {
    const events = [ev(0, 'a'), ev(30, 'a'), ev(31, 'b')]
    const r = rule({ type: 'new_terms', from: 'now-5m', extra: { new_terms_fields: ['host.name'], history_window_start: 'now-1h' } })
    const sim = run(events, { rule: r })
    expect(sim.ruleType).toBe('new_terms')
    // 'a' is new in the first window (nothing before it); at minute 30 the history holds it
    expect(sim.alerts.map((a) => a.document['kibana.alert.new_terms'])).toEqual([['a'], ['b']])
    expect(sim.alerts.map((a) => a.detection.eventIndexes[0])).toEqual([0, 2])
  })

  it('raises nothing when a threshold field is text (the aggregation search fails)', () => {
    const events = [ev(1, 'a', { message: 'x' }), ev(2, 'a', { message: 'x' })]
    const sim = run(events, { rule: rule({ type: 'threshold', threshold: { field: ['message'], value: 1 } }) })
    expect(sim.alerts).toEqual([])
    expect(sim.diagnostics.some((d) => d.severity === 'error' && d.code === 'RULE2115')).toBe(true)
  })

  it('refuses a rule type whose language is not the query language', () => {
    const events = [ev(1, 'a')]
    const sim = run(events, { language: 'eql', query: 'process where true' })
    expect(sim.ruleType).toBeNull()
    expect(sim.diagnostics[0]?.code).toBe('ALERT1001')
  })
})
