import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { stringify } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { exportDetectionRulesToml, exportKibanaRuleJson, importDetectionRulesToml, importKibanaRuleJson, importRule, type RuleDocument } from './index'

// Corpus rules are read at test time from ../shared (absent: the corpus tests skip); the TOML and JSON are built here from them.
const CORPUS = resolve(__dirname, '../../../../shared/corpus/rules.jsonl')
const HAS_CORPUS = existsSync(CORPUS)
const KEEP = ['rule_id', 'name', 'type', 'language', 'query', 'index', 'tags', 'severity', 'risk_score', 'from', 'interval',
  'max_signals', 'timestamp_override', 'filters', 'threshold', 'new_terms', 'threat_index', 'threat_mapping', 'machine_learning_job_id']

function corpusRules(): Array<Record<string, unknown>> {
  const picked = new Map<string, Record<string, unknown>>()
  for (const line of readFileSync(CORPUS, 'utf8').split('\n')) {
    if (line.trim() === '') continue
    const raw = JSON.parse(line) as Record<string, unknown>
    const key = `${String(raw['type'])}/${Array.isArray(raw['filters']) ? 'f' : ''}`
    if (raw['deprecated'] === true || picked.has(key)) continue
    const rule: Record<string, unknown> = { description: `About ${String(raw['name'])}` }
    for (const k of KEEP) if (raw[k] !== null && raw[k] !== undefined) rule[k] = raw[k]
    picked.set(key, rule)
  }
  return [...picked.values()]
}

const THREAT = [{ framework: 'MITRE ATT&CK', tactic: { id: 'TA0003', name: 'Persistence', reference: 'https://attack.mitre.org/tactics/TA0003/' },
  technique: [{ id: 'T1053', name: 'Scheduled Task/Job', reference: 'https://attack.mitre.org/techniques/T1053/',
    subtechnique: [{ id: 'T1053.003', name: 'Cron', reference: 'https://attack.mitre.org/techniques/T1053/003/' }] }] }]

/** The fields a format carries; metadata is TOML-only. */
function comparable(rule: RuleDocument | undefined): Record<string, unknown> {
  const copy = { ...rule, extra: { ...rule?.extra } } as Record<string, unknown> & { extra: Record<string, unknown> }
  delete copy.extra['metadata']
  return JSON.parse(JSON.stringify(copy)) as Record<string, unknown>
}

describe('round trip through each format', () => {
  const rules = HAS_CORPUS ? corpusRules() : []
  it.skipIf(!HAS_CORPUS)('picks several corpus rule kinds', () => {
    expect(rules.length).toBeGreaterThanOrEqual(8)
    expect(new Set(rules.map((r) => r['type']))).toEqual(new Set(['query', 'eql', 'esql', 'new_terms', 'threshold', 'machine_learning', 'threat_match']))
  })

  for (const source of rules) {
    const label = `${String(source['type'])} ${String(source['name'])}`
    it(`${label}: TOML -> rule -> TOML and Kibana JSON -> same rule`, () => {
      const withThreat = { ...source, threat: THREAT }
      const toml = stringify({ metadata: { maturity: 'production' }, rule: withThreat })
      const first = importDetectionRulesToml(toml)
      expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
      const rule = first.rules[0]
      expect(rule?.name).toBe(source['name'])
      expect(rule?.threat).toEqual(THREAT)
      expect(rule?.riskScore).toBe(source['risk_score'])
      expect(rule?.filters).toEqual(source['filters'])

      const again = importDetectionRulesToml(exportDetectionRulesToml(rule as RuleDocument))
      expect(again.rules[0]).toEqual(rule)
      expect((again.rules[0]?.extra['metadata'] as Record<string, unknown>)['maturity']).toBe('production')

      const json = exportKibanaRuleJson(rule as RuleDocument)
      const parsed = JSON.parse(json) as Record<string, unknown>
      expect(parsed['rule_id']).toBe(source['rule_id'])
      expect(parsed['metadata']).toBeUndefined()
      expect(comparable(importKibanaRuleJson(json).rules[0])).toEqual(comparable(rule))
      expect(comparable(importRule(json).rules[0])).toEqual(comparable(rule))
    })
  }

  it.skipIf(!HAS_CORPUS)('every active corpus rule survives TOML and JSON', () => {
    let count = 0
    for (const line of readFileSync(CORPUS, 'utf8').split('\n')) {
      if (line.trim() === '') continue
      const raw = JSON.parse(line) as Record<string, unknown>
      if (raw['deprecated'] === true) continue
      const source: Record<string, unknown> = { description: 'd' }
      for (const k of KEEP) if (raw[k] !== null && raw[k] !== undefined) source[k] = raw[k]
      const rule = importDetectionRulesToml(stringify({ rule: source })).rules[0]
      expect(rule?.query, String(raw['rule_id'])).toBe(source['query'] ?? '')
      const viaToml = importDetectionRulesToml(exportDetectionRulesToml(rule as RuleDocument)).rules[0]
      const viaJson = importKibanaRuleJson(exportKibanaRuleJson(rule as RuleDocument)).rules[0]
      expect(comparable(viaToml), String(raw['rule_id'])).toEqual(comparable(rule))
      expect(comparable(viaJson), String(raw['rule_id'])).toEqual(comparable(rule))
      count++
    }
    expect(count).toBeGreaterThan(2000)
  })

  it('writes multi-line text as literal blocks and keeps awkward strings exact', () => {
    const base: RuleDocument = { name: 'r', type: 'eql', language: 'eql', query: 'process where\n  process.name : "a\\\\b"', extra: {} }
    const toml = exportDetectionRulesToml(base)
    expect(toml).toContain("query = '''\nprocess where\n")
    for (const query of [base.query, "a where\n x == 'q'", "\nany where '''", 'x where\r\n\ttrue\u0001']) {
      expect(importDetectionRulesToml(exportDetectionRulesToml({ ...base, query })).rules[0]?.query).toBe(query)
    }
  })

  it('keeps every EQL override through Kibana JSON', () => {
    const rule: RuleDocument = { name: 'r', type: 'eql', language: 'eql', query: 'process where true', eventCategoryOverride: 'event.type',
      tiebreakerField: 'event.sequence', timestampField: 'event.created', timestampOverride: 'event.ingested', maxSignals: 7, extra: { author: ['me'] } }
    const json = JSON.parse(exportKibanaRuleJson(rule)) as Record<string, unknown>
    expect(json).toMatchObject({ event_category_override: 'event.type', tiebreaker_field: 'event.sequence', timestamp_field: 'event.created',
      timestamp_override: 'event.ingested', max_signals: 7, author: ['me'] })
    const back = importKibanaRuleJson(JSON.stringify(json)).rules[0]
    expect(back).toMatchObject({ ...rule, extra: { author: ['me'] } })
  })

  it('a Markdown-imported seed rule survives TOML and JSON', () => {
    const page = '# T [x]\n\nDesc.\n\n**Rule type**: query\n\n**Severity**: low\n\n**Risk score**: 21\n\n## Rule query [q]\n\n```js\nhost.name:a\n```\n'
    const rule = importRule(page).rules[0] as RuleDocument
    expect(rule).toMatchObject({ name: 'T', description: 'Desc.', language: 'kuery', query: 'host.name:a' })
    expect(comparable(importRule(exportDetectionRulesToml(rule)).rules[0])).toEqual(comparable(rule))
    expect(comparable(importRule(exportKibanaRuleJson(rule)).rules[0])).toEqual(comparable(rule))
  })
})
