import { describe, expect, it } from 'vitest'
import { importBareQuery, importKibanaRuleJson, importRule, sniffRuleFormat } from './index'

const rule = (n: number, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ rule_id: `id-${n}`, name: `Rule ${n}`, type: 'query', language: 'kuery', query: `host.name:h${n}`, risk_score: 21 + n, severity: 'low', ...extra })

describe('Kibana rule JSON and export NDJSON', () => {
  it('reads every rule of an export and skips the summary line', () => {
    const ndjson = [rule(1), rule(2, { type: 'eql', language: 'eql', query: 'process where true', tiebreaker_field: 'event.sequence' }), rule(3),
      JSON.stringify({ exported_count: 3, exported_rules_count: 3, missing_rules: [], missing_rules_count: 0 }), ''].join('\n')
    const { rules, diagnostics } = importRule(ndjson)
    expect(diagnostics).toEqual([])
    expect(rules.map((r) => [r.ruleId, r.language, r.riskScore])).toEqual([['id-1', 'kuery', 22], ['id-2', 'eql', 23], ['id-3', 'kuery', 24]])
    expect(rules[1]?.tiebreakerField).toBe('event.sequence')
  })

  it('reads exception lists and items as such (not as rules) and skips connectors that travel with an export', () => {
    const ndjson = [rule(1),
      JSON.stringify({ list_id: 'l1', name: 'Exceptions', type: 'detection', namespace_type: 'single', description: 'd' }),
      JSON.stringify({ item_id: 'i1', list_id: 'l1', name: 'item', entries: [], type: 'simple' }),
      JSON.stringify({ id: 'c', type: 'action', attributes: { actionTypeId: '.email', name: 'mail' } }),
      JSON.stringify({ exported_count: 4, exported_rules_count: 1 })].join('\n')
    const { rules, diagnostics } = importKibanaRuleJson(ndjson)
    expect(rules.map((r) => r.name)).toEqual(['Rule 1'])
    // the connector is skipped; the item, having no entry, is left out with a warning
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['RULE1008', 'info'], ['RULE1012', 'warning']])
  })

  it('reports a broken line and still reads the others', () => {
    const { rules, diagnostics } = importKibanaRuleJson(`${rule(1)}\n{"name": "half\n${rule(2)}`)
    expect(rules.map((r) => r.name)).toEqual(['Rule 1', 'Rule 2'])
    expect(diagnostics.map((d) => d.code)).toEqual(['RULE1003'])
  })

  it('unwraps saved objects with camelCase alerting params', () => {
    const saved = JSON.stringify({ type: 'alert', id: 'x', attributes: { name: 'Saved', tags: ['t'], schedule: { interval: '10m' },
      params: { ruleId: 'rid', type: 'eql', language: 'eql', query: 'any where true', riskScore: 73, maxSignals: 5, eventCategoryOverride: 'event.kind' } } })
    const r = importKibanaRuleJson(saved).rules[0]
    expect(r).toMatchObject({ name: 'Saved', ruleId: 'rid', riskScore: 73, maxSignals: 5, interval: '10m', eventCategoryOverride: 'event.kind', tags: ['t'] })
  })

  it('reads a JSON array of rules', () => {
    expect(importKibanaRuleJson(`[${rule(1)}, ${rule(2)}]`).rules).toHaveLength(2)
  })

  it('defaults the language from the type', () => {
    expect(importKibanaRuleJson(JSON.stringify({ name: 'e', type: 'eql', query: 'any where true' })).rules[0]?.language).toBe('eql')
    expect(importKibanaRuleJson(JSON.stringify({ name: 'm', type: 'machine_learning' })).rules[0]?.language).toBeNull()
  })
})

describe('bare queries and sniffing', () => {
  it('detects EQL and KQL', () => {
    expect(importBareQuery('process where process.name == "a"').rules[0]?.language).toBe('eql')
    expect(importBareQuery('  sequence by host.id [any where true] [any where true]').rules[0]?.language).toBe('eql')
    expect(importBareQuery('sample by host.id [any where true]').rules[0]?.type).toBe('eql')
    expect(importBareQuery('process.name:where and host.name:a').rules[0]?.language).toBe('kuery')
    expect(importBareQuery('where').rules[0]?.language).toBe('kuery')
  })

  it('picks the importer from the text', () => {
    expect(sniffRuleFormat('[metadata]\nx = 1\n[rule]\nname = "a"')).toBe('detection-rules-toml')
    expect(sniffRuleFormat('  {"name": "a"}')).toBe('kibana-json')
    expect(sniffRuleFormat('[{"name": "a"}]')).toBe('kibana-json')
    expect(sniffRuleFormat('sequence [any where true] [any where true]')).toBe('bare-query')
    expect(sniffRuleFormat('**Rule type**: eql\n## Rule query\n```\nany where true\n```')).toBe('markdown')
  })
})

describe('malformed input gives diagnostics, never throws', () => {
  const inputs = ['', '   ', '{', '{"name": 1}', '[1, 2]', 'null', '{"exported_count": 0}', '[rule]\nname = ', '[metadata]\na = 1',
    '[rule]\nname = "x"\nrisk_score = "high"\nindex = "logs-*"', '**Rule type**: eql\nnothing else', '1[rule]\n2name = \n',
    '# Title\n\n**Rule type**: eql\n\n## Rule query\n\n```', '\u0000\uFFFF', '{"attributes": {"params": 3}}']
  for (const text of inputs) {
    it(JSON.stringify(text), () => {
      const result = importRule(text)
      expect(Array.isArray(result.rules)).toBe(true)
      if (result.rules.length === 0) expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true)
    })
  }

  it('a mistyped field becomes a warning and stays in extra', () => {
    const { rules, diagnostics } = importRule('[rule]\nname = "x"\nquery = "a:b"\nrisk_score = "high"')
    expect(rules[0]?.riskScore).toBeUndefined()
    expect(rules[0]?.extra['risk_score']).toBe('high')
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['RULE2003', 'warning']])
  })
})
