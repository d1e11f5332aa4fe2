import { describe, expect, it } from 'vitest'
import type { RuleDocument } from '../rules/rule-document'
import { buildAlert, buildAlerts } from './alert-document'
import type { Detection } from './types'

const RUN = Date.parse('2024-06-04T13:10:00.000Z')

const rule = (over: Partial<RuleDocument> = {}): RuleDocument => ({
  name: 'Login Hook',
  type: 'eql',
  language: 'eql',
  query: 'process where true',
  ruleId: 'r-1',
  severity: 'medium',
  riskScore: 47,
  version: 7,
  index: ['logs-endpoint.events.process*'],
  extra: {},
  ...over,
})

const procEvent = (ts: string, pid: number, extra: Record<string, unknown> = {}) => ({
  '@timestamp': ts,
  event: { category: ['process'], type: ['start'], kind: 'event', action: 'exec' },
  process: { name: 'defaults', pid, parent: { name: 'bash' } },
  host: { name: 'mac-1', id: 'h1' },
  user: { name: 'mia' },
  ...extra,
})

describe('buildAlert: one event', () => {
  const events = [procEvent('2024-06-04T13:02:44.201Z', 5120)]
  const detection: Detection = { key: '0', eventIndexes: [0], time: Date.parse('2024-06-04T13:02:44.201Z') }
  const alert = buildAlert({ detection, rule: rule(), events, execution: { runAt: RUN } })

  it('carries the rule, severity, risk score and run time', () => {
    expect(alert['@timestamp']).toBe('2024-06-04T13:10:00.000Z')
    expect(alert['kibana.alert.rule.name']).toBe('Login Hook')
    expect(alert['kibana.alert.rule.rule_id']).toBe('r-1')
    expect(alert['kibana.alert.rule.uuid']).toMatch(/^simulated-/)
    expect(alert['kibana.alert.rule.type']).toBe('eql')
    expect(alert['kibana.alert.rule.version']).toBe(7)
    expect(alert['kibana.alert.severity']).toBe('medium')
    expect(alert['kibana.alert.risk_score']).toBe(47)
    expect(alert['kibana.alert.workflow_status']).toBe('open')
    expect(alert['kibana.alert.building_block_type']).toBeUndefined()
  })

  it('copies the event, keeps its time and event.* as original_event, and marks it a signal', () => {
    expect(alert['kibana.alert.original_time']).toBe('2024-06-04T13:02:44.201Z')
    expect(alert['process']).toEqual({ name: 'defaults', pid: 5120, parent: { name: 'bash' } })
    expect(alert['event.kind']).toBe('signal')
    expect(alert['event']).toEqual({ category: ['process'], type: ['start'], action: 'exec' })
    expect(alert['kibana.alert.original_event.kind']).toBe('event')
    expect(alert['kibana.alert.original_event.action']).toBe('exec')
    expect(alert['kibana.alert.original_event.category']).toEqual(['process'])
    expect(alert['kibana.alert.depth']).toBe(1)
    expect(alert['kibana.alert.ancestors']).toEqual([{ id: 'event-0', type: 'event', index: 'logs-endpoint.events.process*', depth: 0 }])
    expect(alert['kibana.alert.reason']).toBe('process event with process defaults, parent process bash, by mia on mac-1 created medium alert Login Hook.')
  })

  it('never shares objects with the event', () => {
    ;(alert['process'] as Record<string, unknown>)['name'] = 'changed'
    expect(events[0]?.process.name).toBe('defaults')
  })

  it('marks a building-block rule and defaults a missing rule', () => {
    const bb = buildAlert({ detection, rule: rule({ extra: { building_block_type: 'default' } }), events, execution: { runAt: RUN } })
    expect(bb['kibana.alert.building_block_type']).toBe('default')
    const bare = buildAlert({ detection, rule: null, events, execution: { runAt: RUN }, ruleType: 'query' })
    expect(bare['kibana.alert.severity']).toBe('low')
    expect(bare['kibana.alert.risk_score']).toBe(21)
    expect(bare['kibana.alert.rule.type']).toBe('query')
  })
})

describe('buildAlerts: a sequence', () => {
  const events = [procEvent('2024-06-05T10:00:00.000Z', 1, { file: { name: 'a.plist' } }), procEvent('2024-06-05T10:00:12.000Z', 2)]
  const detection: Detection = { key: '0,1', eventIndexes: [0, 1], time: Date.parse('2024-06-05T10:00:12.000Z'), details: { kind: 'sequence', stages: 2 } }
  const docs = buildAlerts({ detection, rule: rule(), events, execution: { runAt: RUN } })
  const [b0, b1, shell] = docs

  it('writes a building block per event, then the shell', () => {
    expect(docs).toHaveLength(3)
    expect(b0?.['kibana.alert.building_block_type']).toBe('default')
    expect(b1?.['kibana.alert.group.index']).toBe(1)
    expect(b0?.['kibana.alert.group.id']).toBe(shell?.['kibana.alert.uuid'])
    expect(shell?.['kibana.alert.group.id']).toBe(shell?.['kibana.alert.uuid'])
    expect(shell?.['kibana.alert.group.index']).toBeUndefined()
    expect(shell?.['kibana.alert.building_block_type']).toBeUndefined()
    expect(b0?.['kibana.alert.uuid']).not.toBe(b1?.['kibana.alert.uuid'])
    expect(buildAlert({ detection, rule: rule(), events, execution: { runAt: RUN } })).toEqual(shell)
  })

  it('gives the shell only the fields all events share, depth 2 and every parent as ancestor', () => {
    expect(shell?.['host']).toEqual({ name: 'mac-1', id: 'h1' })
    expect(shell?.['process']).toEqual({ name: 'defaults', parent: { name: 'bash' } })
    expect(shell?.['file']).toBeUndefined()
    expect(shell?.['kibana.alert.depth']).toBe(2)
    const ancestors = shell?.['kibana.alert.ancestors'] as { type: string }[]
    expect(ancestors.map((a) => a.type)).toEqual(['event', 'signal', 'event', 'signal'])
    expect(shell?.['kibana.alert.original_time']).toBe('2024-06-04T13:10:00.000Z')
    expect(b1?.['kibana.alert.original_time']).toBe('2024-06-05T10:00:12.000Z')
    expect(shell?.['kibana.alert.reason']).toBe('process event with process defaults, parent process bash, by mia on mac-1 created medium alert Login Hook.')
  })
})

describe('buildAlert: threshold and new terms', () => {
  const events = [procEvent('2024-06-04T13:00:00.000Z', 1), procEvent('2024-06-04T13:01:00.000Z', 2)]

  it('builds a threshold alert from the group: its terms, count, from and cardinality', () => {
    const detection: Detection = {
      key: 'host.name=mac-1',
      eventIndexes: [0, 1],
      time: Date.parse('2024-06-04T13:01:00.000Z'),
      details: { kind: 'threshold', terms: [{ field: 'host.name', value: 'mac-1' }], count: 2, from: Date.parse('2024-06-04T13:00:00.000Z'), cardinality: [{ field: 'user.name', value: 1 }] },
    }
    const alert = buildAlert({ detection, rule: rule({ type: 'threshold', language: 'kuery' }), events, execution: { runAt: RUN } })
    expect(alert['kibana.alert.threshold_result']).toEqual({
      terms: [{ field: 'host.name', value: 'mac-1' }],
      count: 2,
      from: '2024-06-04T13:00:00.000Z',
      cardinality: [{ field: 'user.name', value: 1 }],
    })
    expect(alert['host.name']).toBe('mac-1')
    expect(alert['process']).toBeUndefined()
    expect(alert['kibana.alert.original_time']).toBe('2024-06-04T13:01:00.000Z')
    expect(alert['kibana.alert.reason']).toBe('event on mac-1 created medium alert Login Hook.')
    expect(alert['kibana.alert.rule.type']).toBe('threshold')
  })

  it('adds the new terms to the event alert', () => {
    const detection: Detection = { key: '1', eventIndexes: [1], time: Date.parse('2024-06-04T13:01:00.000Z'), details: { kind: 'new_terms', newTerms: ['mia', 'mac-1'] } }
    const alert = buildAlert({ detection, rule: rule({ type: 'new_terms' }), events, execution: { runAt: RUN } })
    expect(alert['kibana.alert.new_terms']).toEqual(['mia', 'mac-1'])
    expect(alert['process']).toEqual({ name: 'defaults', pid: 2, parent: { name: 'bash' } })
  })

  it('does not throw on events that are not objects or times that are not dates', () => {
    const detection: Detection = { key: 'x', eventIndexes: [0], time: NaN }
    const alert = buildAlert({ detection, rule: null, events: ['text'], execution: { runAt: NaN } })
    expect(alert['kibana.alert.original_time']).toBeUndefined()
    expect(alert['kibana.alert.reason']).toBe('event created low alert Untitled rule.')
  })
})
