import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import type { RuleDocument } from '../../engine/rules'
import { DEFAULT_KQL_DOCUMENT_SETTINGS } from '../../state/document-slice'
import { exportAs, exportedRule, fileStem, openableRule, readRuleText, type ExportInput } from './rule-actions'

// Seed pages are read at test time from ../shared; absent, the tests that need them skip.
const SEEDS = resolve(__dirname, '../../../../shared/seeds')
const HAS_SEEDS = existsSync(SEEDS)
const seed = (prefix: string): string => readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(prefix)) ?? ''), 'utf8')

const input = (over: Partial<ExportInput> = {}): ExportInput => ({
  rule: null, title: '', query: 'process where process.name == "defaults"', language: 'eql', settings: {},
  kqlSettings: DEFAULT_KQL_DOCUMENT_SETTINGS, eventsText: '', eventsFileName: null, expectations: [], currentMatches: null, exceptions: [], ...over,
})

describe('import actions', () => {
  it.skipIf(!HAS_SEEDS)('opens a seed page as EQL with its name, a short task and the whole rule', () => {
    const view = readRuleText(seed('001'))
    expect(view.formatLabel).toBe('Rule documentation page')
    const rule = view.rules[0] as RuleDocument
    const opened = openableRule(rule, view.format)
    if (!opened.ok) throw new Error(opened.reason)
    expect(opened.doc).toMatchObject({ language: 'eql', title: 'Persistence via Login or Logout Hook', query: rule.query, rule })
    expect(opened.doc.task.length).toBeLessThanOrEqual(280)
    expect(opened.doc.task).toMatch(/^Identifies use of the Defaults command/)
  })

  it.skipIf(!HAS_SEEDS)('maps kuery to KQL, the EQL overrides to settings, and keeps no rule for a bare query', () => {
    const kql = readRuleText(seed('004'))
    const k = openableRule(kql.rules[0] as RuleDocument, kql.format)
    expect(k.ok && k.doc.language).toBe('kql')
    const eql: RuleDocument = { name: 'e', type: 'eql', language: 'eql', query: 'any where true', timestampField: 'event.created', tiebreakerField: 'event.sequence', eventCategoryOverride: 'event.type', extra: {} }
    const e = openableRule(eql, 'kibana-json')
    expect(e.ok && e.doc.settings).toEqual({ timestampField: 'event.created', tiebreakerField: 'event.sequence', eventCategoryField: 'event.type' })
    const bare = readRuleText('process where true')
    const b = openableRule(bare.rules[0] as RuleDocument, bare.format)
    expect(b.ok && [b.doc.rule, b.doc.title]).toEqual([null, ''])
  })

  it('explains why other languages cannot open', () => {
    const esql: RuleDocument = { name: 'q', type: 'esql', language: 'esql', query: 'FROM x', extra: {} }
    const r = openableRule(esql, 'kibana-json')
    expect(r.ok).toBe(false)
    expect(!r.ok && r.reason).toMatch(/ES\|QL.*cannot be opened here/)
    expect(openableRule({ ...esql, type: 'machine_learning', language: null, query: '' }, 'kibana-json').ok).toBe(false)
  })
})

describe('export actions', () => {
  it('applies the current query, language and settings over the rule', () => {
    const rule: RuleDocument = { name: 'R', type: 'eql', language: 'eql', query: 'old', tiebreakerField: 'event.sequence', severity: 'high', riskScore: 73, extra: { author: ['me'] } }
    const { rule: out } = exportedRule(input({ rule, query: 'new where true', settings: { timestampField: 'event.created' } }))
    expect(out).toMatchObject({ query: 'new where true', timestampField: 'event.created', severity: 'high', extra: { author: ['me'] } })
    expect(out.tiebreakerField).toBeUndefined()
    const kql = exportedRule(input({ rule, query: 'a:b', language: 'kql' })).rule
    expect([kql.type, kql.language]).toEqual(['query', 'kuery'])
    expect(rule.query).toBe('old') // the document's rule is not changed
  })

  it('builds a minimal rule from the title and names what is missing', () => {
    const { rule, missing } = exportedRule(input({ title: '  ' }))
    expect(rule.name).toBe('Untitled rule')
    expect(missing).toEqual(['description', 'severity', 'risk score', 'index patterns', 'schedule (interval, from)', 'MITRE ATT&CK mapping', 'rule_id'])
    const toml = exportAs('toml', input({ title: 'My rule' }))
    expect(toml.fileName).toBe('my-rule.toml')
    expect((parse(toml.text) as { rule: Record<string, unknown> }).rule).toMatchObject({ name: 'My rule', type: 'eql', query: 'process where process.name == "defaults"' })
    expect(JSON.parse(exportAs('kibana', input()).text)).toMatchObject({ name: 'Untitled rule', severity: 'low', risk_score: 21 })
  })

  it.skipIf(!HAS_SEEDS)('round-trips each rule format back through import', () => {
    const rule = readRuleText(seed('002')).rules[0] as RuleDocument
    const doc = input({ rule, query: rule.query, title: rule.name })
    for (const format of ['toml', 'kibana'] as const) {
      const back = readRuleText(exportAs(format, doc).text).rules[0]
      expect(back?.query, format).toBe(rule.query)
      expect(back?.name, format).toBe(rule.name)
      expect(back?.threat, format).toEqual(rule.threat)
    }
  })

  it('writes the search request per language, and a KQL parse error as diagnostics', () => {
    expect(exportAs('request', input()).text).toMatch(/^POST <index>\/_eql\/search\n\{/)
    const kql = exportAs('request', input({ language: 'kql', query: 'process.name:defaults', kqlSettings: { mappings: { 'process.name': 'text' }, now: null } }))
    expect(kql.text).toMatch(/^POST <index>\/_search\n/)
    expect(kql.text).toContain('"match"') // the document's mappings make process.name a text field
    const broken = exportAs('request', input({ language: 'kql', query: 'a:(b' }))
    expect(broken.text).toBe('')
    expect(broken.diagnostics[0]?.code).toMatch(/^KQL/)
  })

  it('writes a test file from the expectations, else pins the current matches', () => {
    const eventsText = '{"id":"a","process":{"name":"x"}}\n{"id":"b","process":{"name":"y"}}'
    const marked = exportAs('test', input({ eventsText, expectations: [{ eventIndex: 1, expect: 'match' }] }))
    expect(marked.fileName).toBe('untitled-rule.test.toml')
    expect((parse(marked.text) as { cases: Array<Record<string, unknown>> }).cases[0]?.['expected_event_ids']).toEqual(['b'])
    const pinned = exportAs('test', input({ eventsText, currentMatches: [0] }))
    expect(pinned.diagnostics.map((d) => d.code)).toEqual(['RULE3007'])
    expect((parse(pinned.text) as { cases: Array<Record<string, unknown>> }).cases[0]?.['expected_event_ids']).toEqual(['a'])
    const streamed = exportAs('test', input({ eventsFileName: 'big.ndjson' }))
    expect(streamed.diagnostics.map((d) => d.code)).toContain('RULE3005')
  })

  it('makes file names from rule names', () => {
    expect(fileStem('Persistence via Login or Logout Hook')).toBe('persistence-via-login-or-logout-hook')
    expect(fileStem('***')).toBe('rule')
  })
})

describe('exception items in imports and exports', () => {
  const items = [{ name: 'JAMF', entries: [{ field: 'process.parent.name', operator: 'included' as const, type: 'match' as const, value: 'jamf' }] }]
  const imported = [
    JSON.stringify({ rule_id: 'r', name: 'Hook', type: 'eql', language: 'eql', query: 'process where true', exceptions_list: [{ id: 'l', list_id: 'l', type: 'detection', namespace_type: 'single' }] }),
    JSON.stringify({ list_id: 'l', name: 'JAMF scripts', type: 'detection', namespace_type: 'single', description: 'd' }),
    JSON.stringify({ item_id: 'i', list_id: 'l', name: 'JAMF', type: 'simple', description: 'd', namespace_type: 'single', entries: items[0]?.entries }),
  ].join('\n')

  it('an imported rule opens with the exception items that came with it, and says so', () => {
    const view = readRuleText(imported)
    expect(view.exceptions[0]?.notes).toEqual(["1 exception item from list 'JAMF scripts'"])
    const opened = openableRule(view.rules[0] as RuleDocument, view.format, view.exceptions[0]?.items)
    expect(opened.ok && opened.doc.exceptions.map((i) => i.name)).toEqual(['JAMF'])
    // a rule without lists opens with none (the old document's do not carry over)
    const bare = readRuleText('process where true')
    const plain = openableRule(bare.rules[0] as RuleDocument, bare.format, bare.exceptions[0]?.items)
    expect(plain.ok && plain.doc.exceptions).toEqual([])
  })

  it('TOML says the items are not in it; Kibana becomes an export NDJSON with them; the request and the test file carry them', () => {
    const toml = exportAs('toml', input({ exceptions: items }))
    expect(toml.diagnostics.map((d) => [d.code, d.severity])).toEqual([['RULE3010', 'warning']])
    expect(toml.diagnostics[0]?.message).toMatch(/no place for exception items.*Kibana rule export/)
    expect(exportAs('toml', input()).diagnostics).toEqual([])

    const kibana = exportAs('kibana', input({ exceptions: items }))
    expect(kibana.fileName).toMatch(/\.ndjson$/)
    const back = readRuleText(kibana.text)
    expect(back.exceptions[0]?.items.map((i) => i.entries)).toEqual([items[0]?.entries])
    expect(exportAs('kibana', input()).fileName).toMatch(/\.json$/)
    expect(exportAs('kibana', input()).diagnostics).toEqual([])
    // a rule naming lists whose items were not imported keeps the reference, and says so
    const withRefs = exportAs('kibana', input({ rule: readRuleText(imported.split('\n')[0] ?? '').rules[0] ?? null }))
    expect(withRefs.diagnostics.map((d) => d.code)).toEqual(['RULE3012'])
    expect(withRefs.text).toContain('"exceptions_list"')

    expect(exportAs('request', input({ exceptions: items })).text).toContain('"must_not"')
    expect(exportAs('request', input({ exceptions: items })).text).toContain('"process.parent.name": "jamf"')
    const test = exportAs('test', input({ exceptions: items, eventsText: '{"id":"a"}', expectations: [{ eventIndex: 0, expect: 'no-match' }] }))
    expect(readRuleText(test.text).exceptions[0]?.items).toEqual(items)
  })
})

