import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importBareQuery, importKibanaRuleJson, importRule, importRuleMarkdown, sniffRuleFormat } from './index'

// The corpus of Elastic's rules is read at test time from ../shared (never shipped); absent, skip.
const CORPUS = resolve(__dirname, '../../../../shared/corpus/rules.jsonl')
const text = existsSync(CORPUS) ? readFileSync(CORPUS, 'utf8') : ''
const lines = text.split('\n').filter((l) => l.trim() !== '')
const raws = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
const active = raws.filter((r) => r['deprecated'] !== true)
const runnable = active.filter((r) => (r['language'] === 'eql' || r['language'] === 'kuery') && typeof r['query'] === 'string')

describe.skipIf(!existsSync(CORPUS))('every importer on the corpus rules', () => {
  it('reads the whole corpus as one Kibana NDJSON export: every rule, its query and metadata', () => {
    expect(sniffRuleFormat(text)).toBe('kibana-json')
    const { rules, diagnostics } = importKibanaRuleJson(text)
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(rules).toHaveLength(raws.length)
    rules.forEach((rule, i) => {
      const raw = raws[i] ?? {}
      const id = String(raw['rule_id'])
      expect(rule.ruleId, id).toBe(raw['rule_id'])
      expect(rule.name, id).toBe(raw['name'])
      expect(rule.query, id).toBe(raw['query'] ?? '')
      if (typeof raw['risk_score'] === 'number') expect(rule.riskScore, id).toBe(raw['risk_score'])
      if (typeof raw['timestamp_override'] === 'string') expect(rule.timestampOverride, id).toBe(raw['timestamp_override'])
    })
    expect(rules.length).toBeGreaterThan(2000)
  })

  it('reads each corpus rule line by line as one Kibana rule JSON', () => {
    for (const line of lines.slice(0, 300)) {
      const { rules } = importRule(line)
      expect(rules, line.slice(0, 80)).toHaveLength(1)
    }
  })

  it('tells EQL from KQL in every active EQL/KQL corpus query pasted bare', () => {
    const wrong = runnable.filter((r) => {
      const got = importBareQuery(String(r['query'])).rules[0]?.language
      return got !== r['language']
    })
    expect(wrong.map((r) => `${String(r['rule_id'])} ${String(r['language'])}`)).toEqual([])
    expect(runnable.length).toBeGreaterThan(1000)
  })

  it('reads a documentation page written for each active EQL/KQL corpus rule', () => {
    // Pages in the shape of Elastic's rule reference (the seed pages), built here from the corpus.
    for (const r of runnable) {
      const index = Array.isArray(r['index']) ? (r['index'] as string[]).map((i) => `* ${i}\n`).join('') : ''
      const page = `# ${String(r['name'])} [x]\n\nAbout the rule.\n\n**Rule type**: ${String(r['type'])}\n\n` +
        (index ? `**Rule indices**:\n\n${index}\n` : '') +
        `**Severity**: ${String(r['severity'])}\n\n**Risk score**: ${String(r['risk_score'])}\n\n## Rule query [q]\n\n\`\`\`js\n${String(r['query']).trim()}\n\`\`\`\n`
      const { rules, diagnostics } = importRuleMarkdown(page)
      const id = String(r['rule_id'])
      expect(diagnostics.filter((d) => d.severity === 'error'), id).toEqual([])
      expect(rules[0]?.name, id).toBe(r['name'])
      expect(rules[0]?.language, id).toBe(r['language'])
      expect(rules[0]?.query, id).toBe(String(r['query']).trim())
      expect([rules[0]?.severity, rules[0]?.riskScore], id).toEqual([r['severity'], r['risk_score']])
      if (index) expect(rules[0]?.index, id).toEqual(r['index'])
    }
  })
})
