import { describe, expect, it } from 'vitest'
import { exportDetectionRulesToml, exportKibanaRuleJson, importRule } from '../engine/index'
import { EXAMPLES, exampleById } from './index'
import { exampleToDocument, threatOf } from './to-document'

function example(id: string) {
  const ex = exampleById(id)
  if (!ex) throw new Error(`no example ${id}`)
  return ex
}

describe('exampleToDocument', () => {
  it.each(EXAMPLES.map((e) => [e.id, e] as const))('%s: query, events as NDJSON, one expectation per event', (_id, ex) => {
    const doc = exampleToDocument(ex)
    expect(doc.query).toBe(ex.query)
    expect(doc.language).toBe(ex.language)
    expect(doc.title).toBe(ex.title)
    expect(doc.task).toBe(ex.notes ?? '')
    expect(doc.eventsSource).toBe(`example:${ex.id}`)
    const lines = doc.eventsText.split('\n')
    expect(lines).toHaveLength(ex.events.length)
    lines.forEach((line, i) => expect(JSON.parse(line)).toEqual(ex.events[i]?.event))
    expect(doc.expectations).toEqual(ex.events.map((e, i) => ({ eventIndex: i, expect: e.expect, note: e.reason })))
  })

  it('builds the rule in Elastic terms from the metadata', () => {
    const ex = example('login-logout-hook')
    const rule = exampleToDocument(ex).rule
    expect(rule).toMatchObject({
      name: 'Persistence via Login or Logout Hook', type: 'eql', language: 'eql', query: ex.query,
      severity: 'medium', riskScore: 47, interval: '5m', from: 'now-9m', maxSignals: 100,
      index: ['logs-endpoint.events.process*'], ruleId: '5d0265bf-dea9-41a9-92ad-48a8dcd05080', version: 109, extra: {},
    })
    expect(rule?.description).toContain('Defaults command')
    expect(rule?.threat).toEqual([{
      framework: 'MITRE ATT&CK',
      tactic: { id: 'TA0003', name: 'Persistence', reference: 'https://attack.mitre.org/tactics/TA0003/' },
      technique: [{ id: 'T1037', name: 'Boot or Logon Initialization Scripts', reference: 'https://attack.mitre.org/techniques/T1037/' }],
    }])
  })

  it('makes KQL examples query rules in kuery', () => {
    const kql = EXAMPLES.filter((e) => e.language === 'kql')
    expect(kql.length).toBeGreaterThan(0)
    for (const ex of kql) expect(exampleToDocument(ex).rule).toMatchObject({ type: 'query', language: 'kuery' })
  })

  it('nests a sub-technique under its parent, creating the parent when missing', () => {
    const cron = { tactic: 'Persistence (TA0003)', technique: 'Scheduled Task/Job: Cron', id: 'T1053.003' }
    const expected = [{
      framework: 'MITRE ATT&CK',
      tactic: { id: 'TA0003', name: 'Persistence', reference: 'https://attack.mitre.org/tactics/TA0003/' },
      technique: [{
        id: 'T1053', name: 'Scheduled Task/Job', reference: 'https://attack.mitre.org/techniques/T1053/',
        subtechnique: [{ id: 'T1053.003', name: 'Cron', reference: 'https://attack.mitre.org/techniques/T1053/003/' }],
      }],
    }]
    expect(threatOf([{ tactic: 'Persistence (TA0003)', technique: 'Scheduled Task/Job', id: 'T1053' }, cron])).toEqual(expected)
    expect(threatOf([cron])).toEqual(expected)
  })

  it.each(EXAMPLES.map((e) => [e.id, e] as const))('%s: the rule exports to TOML and Kibana JSON and imports back', (_id, ex) => {
    const rule = exampleToDocument(ex).rule
    expect(rule).toBeTruthy()
    if (!rule) return
    for (const text of [exportDetectionRulesToml(rule), exportKibanaRuleJson(rule)]) {
      const back = importRule(text)
      expect(back.rules).toHaveLength(1)
      expect(back.rules[0]).toMatchObject({ name: rule.name, query: rule.query, severity: rule.severity, riskScore: rule.riskScore, threat: rule.threat })
    }
  })
})
