import { describe, expect, it } from 'vitest'
import { exportDetectionRulesToml, exportKibanaRuleJson, importDetectionRulesToml, importKibanaRuleJson, type RuleDocument } from '../../engine'
import { draftOf, newTermsOf, thresholdOf, typesFor } from './rule-draft'
import { applyDraft, describedRule, draftProblems } from './rule-edit'

const kqlRule: RuleDocument = { name: 'Logons', type: 'query', language: 'kuery', query: 'event.category:authentication', severity: 'low', riskScore: 21, extra: {} }

describe('rule panel edits', () => {
  it('a threshold set in the form is what the TOML export writes, and reads back the same', () => {
    const draft = { ...draftOf(kqlRule, 'kql'), type: 'threshold', thresholdFields: 'host.id, user.name', thresholdValue: '25', cardinalityField: 'source.ip', cardinalityValue: '3', interval: '10m', from: 'now-15m' }
    expect(draftProblems(draft, 'kql')).toEqual({})
    const rule = applyDraft(kqlRule, draft)
    expect(rule.threshold).toEqual({ field: ['host.id', 'user.name'], value: 25, cardinality: [{ field: 'source.ip', value: 3 }] })
    const toml = exportDetectionRulesToml(rule)
    expect(toml).toMatch(/\[rule\.threshold\]/)
    expect(toml).toMatch(/interval = "10m"/)
    const [back] = importDetectionRulesToml(toml).rules
    expect(back?.type).toBe('threshold')
    expect(back && thresholdOf(back)).toEqual({ fields: ['host.id', 'user.name'], value: 25, cardinality: { field: 'source.ip', value: 3 } })
    expect(back && draftOf(back, 'kql')).toEqual(draft)
  })

  it('new_terms: a fresh rule gets the detection-rules shape; a Kibana rule keeps its top-level fields', () => {
    const draft = { ...draftOf(kqlRule, 'kql'), type: 'new_terms', newTermsFields: 'host.id, user.name', historyWindowStart: 'now-14d' }
    const toml = exportDetectionRulesToml(applyDraft(kqlRule, draft))
    const [back] = importDetectionRulesToml(toml).rules
    expect(back?.newTerms).toEqual({ field: 'new_terms_fields', value: ['host.id', 'user.name'], history_window_start: [{ field: 'history_window_start', value: 'now-14d' }] })

    const [kibana] = importKibanaRuleJson(JSON.stringify({ name: 'K', type: 'new_terms', language: 'kuery', query: 'x:1', new_terms_fields: ['host.id'], history_window_start: 'now-7d' })).rules
    if (kibana === undefined) throw new Error('no rule')
    expect(newTermsOf(kibana)).toEqual({ fields: ['host.id'], historyWindowStart: 'now-7d' })
    const edited = applyDraft(kibana, { ...draftOf(kibana, 'kql'), newTermsFields: 'host.id, process.name' })
    const json = JSON.parse(exportKibanaRuleJson(edited)) as Record<string, unknown>
    expect(json['new_terms_fields']).toEqual(['host.id', 'process.name'])
    expect(json['history_window_start']).toBe('now-7d')
    expect(json['new_terms']).toBeUndefined()
  })

  it('switching type drops the old type parameters; cleared optional fields are removed', () => {
    const threshold = applyDraft(kqlRule, { ...draftOf(kqlRule, 'kql'), type: 'threshold', thresholdFields: 'host.id', thresholdValue: '5' })
    const back = applyDraft(threshold, { ...draftOf(threshold, 'kql'), type: 'query', riskScore: '', severity: 'critical', note: '## Triage\n' })
    expect(back.note).toBe('## Triage\n')
    expect(applyDraft(back, { ...draftOf(back, 'kql'), note: '  ' }).note).toBeUndefined()
    expect(back.threshold).toBeUndefined()
    expect(back.riskScore).toBeUndefined()
    expect(back.severity).toBe('critical')
    expect(back.type).toBe('query')
  })

  it('says what is wrong at each field', () => {
    const bad = { ...draftOf(kqlRule, 'kql'), name: ' ', riskScore: '101', interval: '5 minutes', from: '9m', maxSignals: '0', type: 'eql' }
    expect(Object.keys(draftProblems(bad, 'kql')).sort()).toEqual(['from', 'interval', 'maxSignals', 'name', 'riskScore', 'type'])
    const terms = { ...draftOf(kqlRule, 'kql'), type: 'new_terms', newTermsFields: 'a, b, c, d', historyWindowStart: 'now' }
    expect(Object.keys(draftProblems(terms, 'kql')).sort()).toEqual(['historyWindowStart', 'newTermsFields'])
    // the history must reach further back than the rule's window (from; Kibana's now-6m when unset)
    expect(draftProblems({ ...terms, newTermsFields: 'a', historyWindowStart: 'now-5m' }, 'kql').historyWindowStart).toBe('The history window must start before the look-back (from).')
    expect(draftProblems({ ...terms, newTermsFields: 'a', historyWindowStart: 'now-2h', from: 'now-1d' }, 'kql').historyWindowStart).toBeDefined()
    expect(draftProblems({ ...terms, newTermsFields: 'a', historyWindowStart: 'now-7d', from: 'now-1d' }, 'kql')).toEqual({})
    const card = { ...draftOf(kqlRule, 'kql'), type: 'threshold', thresholdValue: '0', cardinalityField: 'user.name' }
    expect(Object.keys(draftProblems(card, 'kql')).sort()).toEqual(['cardinalityValue', 'thresholdValue'])
    expect(draftProblems({ ...draftOf(kqlRule, 'kql'), riskScore: '73', interval: '1h', from: 'now-2h' }, 'kql')).toEqual({})
  })

  it('offers eql only for EQL and keeps an imported KQL type such as threat_match', () => {
    expect(typesFor('eql', 'query')).toEqual(['eql'])
    expect(typesFor('kql', 'threat_match')).toEqual(['query', 'threshold', 'new_terms', 'threat_match'])
    expect(draftOf({ ...kqlRule, type: 'eql' }, 'kql').type).toBe('query')
    expect(describedRule('process where true', 'eql')).toEqual({ name: '', type: 'eql', language: 'eql', query: 'process where true', extra: {} })
    expect(describedRule('a:1', 'kql')).toMatchObject({ type: 'query', language: 'kuery' })
  })
})
