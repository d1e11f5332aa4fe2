import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importDetectionRulesToml } from '../rules/import-toml'
import { importKibanaRuleJson } from '../rules/import-kibana'
import type { RuleDocument } from '../rules/rule-document'
import { buildSchema } from '../schema/build-schema'
import { ruleParams } from './rule-params'
import { ruleFieldProblems } from './rule-params-fields'

const rule = (over: Partial<RuleDocument> = {}): RuleDocument => ({ name: 'r', type: 'query', language: 'kuery', query: 'a:1', extra: {}, ...over })
const codes = (r: RuleDocument) => ruleParams(r).diagnostics.map((d) => d.code)

describe('ruleParams: query and eql', () => {
  it('reads a query rule with its filters and the building-block flag', () => {
    const filters = [{ meta: { negate: true }, query: { exists: { field: 'x' } } }]
    const { params, diagnostics } = ruleParams(rule({ filters, extra: { building_block_type: 'default' } }))
    expect(diagnostics).toEqual([])
    expect(params).toEqual({ type: 'query', language: 'kuery', filters, buildingBlock: true })
  })

  it('reads an eql rule; an eql rule whose language is not eql is refused', () => {
    expect(ruleParams(rule({ type: 'eql', language: 'eql' })).params.type).toBe('eql')
    const bad = ruleParams(rule({ type: 'eql', language: 'kuery' }))
    expect(bad.params).toEqual({ type: 'unsupported', ruleType: 'eql' })
    expect(bad.diagnostics.map((d) => [d.code, d.severity])).toEqual([['RULE2110', 'error']])
  })

  it('says other types are not simulated, and Lucene is not run', () => {
    expect(ruleParams(rule({ type: 'threat_match' })).params).toEqual({ type: 'unsupported', ruleType: 'threat_match' })
    expect(codes(rule({ type: 'machine_learning', language: null }))).toEqual(['RULE2101'])
    expect(codes(rule({ language: 'lucene' }))).toEqual(['RULE2110'])
  })

  it('refuses filters that are not a list, and warns on an unknown building block type', () => {
    expect(codes(rule({ extra: { filters: { a: 1 } } }))).toEqual(['RULE2113'])
    expect(codes(rule({ extra: { building_block_type: 'other' } }))).toEqual(['RULE2111'])
  })

  it('reads alert suppression and says it is not simulated', () => {
    const r = ruleParams(rule({ extra: { alert_suppression: { group_by: ['host.name'], duration: { value: 5, unit: 'm' } } } }))
    expect(r.params.type === 'query' && r.params.alertSuppression).toEqual({ groupBy: ['host.name'], duration: { value: 5, unit: 'm' }, missingFieldsStrategy: 'suppress' })
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['RULE2112', 'info']])
  })
})

describe('ruleParams: threshold', () => {
  const threshold = (t: unknown) => ruleParams(rule({ type: 'threshold', threshold: t }))

  it('normalises the field to a list and keeps one cardinality condition', () => {
    expect(threshold({ field: 'host.name', value: 3 }).params).toMatchObject({ type: 'threshold', threshold: { fields: ['host.name'], value: 3, cardinality: [] } })
    expect(threshold({ field: '', value: 3 }).params).toMatchObject({ threshold: { fields: [] } })
    const two = threshold({ field: ['a', 'b'], value: 1, cardinality: [{ field: 'c', value: 2 }, { field: 'd', value: 1 }] })
    expect(two.params).toMatchObject({ threshold: { fields: ['a', 'b'], cardinality: [{ field: 'c', value: 2 }] } })
    expect(two.diagnostics.map((d) => d.code)).toEqual(['RULE2106'])
  })

  it('refuses a missing threshold, a bad field, value or cardinality', () => {
    expect(threshold(undefined).diagnostics.map((d) => d.code)).toEqual(['RULE2102'])
    expect(threshold({ field: 5, value: 1 }).diagnostics.map((d) => d.code)).toEqual(['RULE2103'])
    expect(threshold({ field: 'a', value: 0 }).diagnostics.map((d) => d.code)).toEqual(['RULE2104'])
    expect(threshold({ field: 'a', value: 2.5 }).diagnostics.map((d) => d.code)).toEqual(['RULE2104'])
    expect(threshold({ field: 'a', value: 2, cardinality: [{ field: 'c' }] }).diagnostics.map((d) => d.code)).toEqual(['RULE2105'])
    expect(threshold(undefined).params.type).toBe('unsupported')
  })

  it('refuses a threshold rule written in EQL', () => {
    expect(codes(rule({ type: 'threshold', language: 'eql', threshold: { field: 'a', value: 1 } }))).toEqual(['RULE2110'])
  })
})

describe('ruleParams: new_terms', () => {
  it('reads the TOML table shape', () => {
    const newTerms = { field: 'new_terms_fields', value: ['host.id', 'user.name'], history_window_start: [{ field: 'history_window_start', value: 'now-7d' }] }
    expect(ruleParams(rule({ type: 'new_terms', newTerms })).params).toMatchObject({ type: 'new_terms', newTerms: { fields: ['host.id', 'user.name'], historyWindowStart: 'now-7d' } })
  })

  it("reads Kibana's top-level fields", () => {
    const r = ruleParams(rule({ type: 'new_terms', extra: { new_terms_fields: ['host.id'], history_window_start: 'now-12h' } }))
    expect(r.params).toMatchObject({ type: 'new_terms', newTerms: { fields: ['host.id'], historyWindowStart: 'now-12h' } })
  })

  it('refuses no fields, four fields, and a history start that is not relative date math', () => {
    const nt = (fields: unknown, h: unknown) => codes(rule({ type: 'new_terms', extra: { new_terms_fields: fields, history_window_start: h } }))
    expect(nt([], 'now-7d')).toEqual(['RULE2107'])
    expect(nt(['a', 'b', 'c', 'd'], 'now-7d')).toEqual(['RULE2108'])
    expect(nt(['a'], undefined)).toEqual(['RULE2109'])
    expect(nt(['a'], '2024-01-01')).toEqual(['RULE2109'])
  })

  it('refuses a history start not earlier than the rule\'s from (default now-6m)', () => {
    const nt = (h: string, from?: string) => codes(rule({ type: 'new_terms', ...(from ? { from } : {}), extra: { new_terms_fields: ['a'], history_window_start: h } }))
    expect(nt('now-6m')).toEqual(['RULE2116'])
    expect(nt('now-7m')).toEqual([])
    expect(nt('now-1h', 'now-2h')).toEqual(['RULE2116'])
    expect(nt('now-1d', 'now-2h')).toEqual([])
  })
})

describe('ruleParams through the importers', () => {
  it('reads a detection-rules TOML threshold rule', () => {
    const toml = `[rule]\nname = "t"\ntype = "threshold"\nlanguage = "kuery"\nquery = "event.action:x"\n[rule.threshold]\nfield = ["source.ip"]\nvalue = 25\n[[rule.threshold.cardinality]]\nfield = "user.name"\nvalue = 5\n`
    const r = importDetectionRulesToml(toml).rules[0]
    expect(r && ruleParams(r).params).toMatchObject({ type: 'threshold', threshold: { fields: ['source.ip'], value: 25, cardinality: [{ field: 'user.name', value: 5 }] } })
  })
})

// Elastic's rules, read at test time from ../shared (never shipped); absent: skip.
const CORPUS = resolve(__dirname, '../../../../shared/corpus/rules.jsonl')

describe.skipIf(!existsSync(CORPUS))('ruleParams over the corpus', () => {
  it('reads every active threshold and new_terms rule without an error', () => {
    const { rules } = importKibanaRuleJson(readFileSync(CORPUS, 'utf8'))
    const typed = rules.filter((r) => (r.type === 'threshold' || r.type === 'new_terms') && r.extra['deprecated'] !== true)
    const failures = typed.flatMap((r) => ruleParams(r).diagnostics.filter((d) => d.severity === 'error').map((d) => `${r.name}: ${d.message}`))
    expect(failures).toEqual([])
    expect(typed.filter((r) => r.type === 'threshold').length).toBeGreaterThan(20)
    expect(typed.filter((r) => r.type === 'new_terms').length).toBeGreaterThan(200)
    expect(typed.every((r) => ruleParams(r).params.type === r.type)).toBe(true)
  })
})

describe('ruleFieldProblems', () => {
  const { schema } = buildSchema({ ecs: true, events: [{ message: 'a b', note: 'x' }], inferStrings: 'text+keyword' })
  it('refuses a text field as a threshold group, a cardinality or a new_terms field; keyword fields pass', () => {
    const t = ruleParams(rule({ type: 'threshold', threshold: { field: ['message', 'host.name'], value: 1, cardinality: [{ field: 'note', value: 1 }] } })).params
    expect(ruleFieldProblems(t, schema).map((d) => [d.code, d.severity, d.message.split(' is a')[0]])).toEqual([
      ['RULE2115', 'error', "Elasticsearch would fail the rule's search: message"],
      ['RULE2115', 'error', "Elasticsearch would fail the rule's search: note"],
    ])
    const n = ruleParams(rule({ type: 'new_terms', extra: { new_terms_fields: ['note.keyword', 'host.name'], history_window_start: 'now-7d' } })).params
    expect(ruleFieldProblems(n, schema)).toEqual([])
    expect(ruleFieldProblems(ruleParams(rule()).params, schema)).toEqual([])
  })
})
