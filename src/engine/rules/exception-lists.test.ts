import { describe, expect, it } from 'vitest'
import type { ExceptionItem } from '../exceptions/types'
import { exceptionsFilterDsl } from '../exceptions/to-dsl'
import { exportDocumentTestFile, exportEqlSearchRequest, exportKibanaNdjson, exportKqlSearchRequest, importKibanaRuleJson, importRule, importTestFile, type RuleDocument } from './index'

/** One item of every entry kind, with every optional field, so a round trip must keep them all. */
const EVERY_KIND: readonly ExceptionItem[] = [
  {
    name: 'JAMF scripts',
    description: 'management agent',
    entries: [
      { field: 'process.parent.name', operator: 'included', type: 'match', value: 'jamf' },
      { field: 'process.args', operator: 'excluded', type: 'match_any', value: ['-x', '--debug'] },
    ],
    os_types: ['macos'],
    item_id: 'jamf-1',
    comments: [{ comment: 'approved by SOC' }],
  },
  {
    name: 'The rest',
    description: 'd',
    entries: [
      { field: 'user.id', operator: 'excluded', type: 'exists' },
      { field: 'file.path', operator: 'included', type: 'wildcard', value: '/Users/*/Library/?x\\*' },
      { field: 'source.ip', operator: 'included', type: 'list', list: { id: 'bad-ips.txt', type: 'ip' } },
      { field: 'dll.Ext', type: 'nested', entries: [{ field: 'code_signature.trusted', operator: 'included', type: 'match', value: 'true' }] },
    ],
    item_id: 'rest-1',
  },
]

const RULE = { rule_id: 'r-1', name: 'Login hook', type: 'query', language: 'kuery', query: 'process.name:defaults', risk_score: 47, severity: 'medium', description: 'd' }
const line = (v: unknown): string => JSON.stringify(v)
const ref = (list_id: string, type = 'detection', namespace_type = 'single') => ({ id: `so-${list_id}`, list_id, type, namespace_type })
const item = (list_id: string, item_id: string, value: string, namespace_type = 'single') =>
  ({ item_id, list_id, name: item_id, namespace_type, type: 'simple', description: 'x', entries: [{ field: 'process.parent.name', operator: 'included', type: 'match', value }], os_types: [] })

describe('importing a Kibana export with exception lists', () => {
  const ndjson = [
    line({ ...RULE, exceptions_list: [ref('jamf')] }),
    line({ ...RULE, rule_id: 'r-2', name: 'Endpoint rule', exceptions_list: [ref('endpoint_list', 'endpoint', 'agnostic')] }),
    line({ list_id: 'jamf', name: 'JAMF scripts', type: 'detection', namespace_type: 'single', description: 'd' }),
    line({ list_id: 'endpoint_list', name: 'Endpoint Security Exception List', type: 'endpoint', namespace_type: 'agnostic', description: 'd' }),
    line(item('jamf', 'j1', 'jamf')),
    line(item('jamf', 'j2', 'jamfAgent')),
    line(item('endpoint_list', 'e1', 'edr', 'agnostic')),
    line({ exported_count: 7, exported_rules_count: 2, exported_exception_list_count: 2, exported_exception_list_item_count: 3 }),
  ].join('\n')

  it('gives each rule the items of the lists it references, and says what it read', () => {
    const out = importKibanaRuleJson(ndjson)
    expect(out.rules.map((r) => r.name)).toEqual(['Login hook', 'Endpoint rule'])
    expect(out.exceptions?.map((e) => e.items.map((i) => i.item_id))).toEqual([['j1', 'j2'], ['e1']])
    expect(out.exceptions?.[0]?.notes).toEqual(["2 exception items from list 'JAMF scripts'"])
    expect(out.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ['RULE1011', 'info', `rule "Login hook": 2 exception items from list 'JAMF scripts'`],
      ['RULE1011', 'info', `rule "Endpoint rule": 1 exception item from list 'Endpoint Security Exception List'`],
    ])
  })

  it('endpoint list items apply only to rules that reference the endpoint list', () => {
    const onlyJamf = ndjson.split('\n').filter((l) => !l.includes('Endpoint rule')).join('\n')
    const out = importKibanaRuleJson(onlyJamf)
    expect(out.exceptions?.map((e) => e.items.length)).toEqual([2])
    expect(out.diagnostics.map((d) => d.code)).toEqual(['RULE1011', 'RULE1013'])
  })

  it('reads the saved-objects form (exception-list objects with list_type list / item)', () => {
    const saved = [
      line({ type: 'alert', id: 'x', attributes: { name: 'Saved', params: { ruleId: 'rid', type: 'query', language: 'kuery', query: 'a:b', exceptionsList: [ref('jamf')] } } }),
      line({ type: 'exception-list', id: 'l', attributes: { list_type: 'list', list_id: 'jamf', name: 'JAMF scripts', type: 'detection' } }),
      line({ type: 'exception-list', id: 'i', attributes: { ...item('jamf', 'j1', 'jamf'), list_type: 'item' } }),
    ].join('\n')
    const out = importRule(saved)
    expect(out.rules).toHaveLength(1)
    expect(out.exceptions?.[0]?.items.map((i) => i.entries)).toEqual([[{ field: 'process.parent.name', operator: 'included', type: 'match', value: 'jamf' }]])
  })

  it('a rule JSON naming lists without their items says where the items are', () => {
    const out = importRule(JSON.stringify({ ...RULE, exceptions_list: [ref('jamf')] }, null, 2))
    expect(out.exceptions?.[0]?.items).toEqual([])
    expect(out.diagnostics.map((d) => d.message)).toEqual(["The rule references exception list 'jamf' (detection); its items are in the exception list export, not in this input."])
  })

  it('leaves out an item it cannot read, with a warning, and keeps the others', () => {
    const broken = ndjson.replace('"value":"jamfAgent"', '"value":42')
    const out = importKibanaRuleJson(broken)
    expect(out.exceptions?.[0]?.items.map((i) => i.item_id)).toEqual(['j1'])
    expect(out.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code)).toEqual(['RULE1012', 'RULE1012'])
  })

  it('a rule without exceptions_list brings no exceptions', () => {
    expect(importRule(line(RULE)).exceptions).toBeUndefined()
  })
})

describe('exporting a rule with its exception items', () => {
  const rule: RuleDocument = { name: 'Login hook', ruleId: 'r-1', type: 'query', language: 'kuery', query: 'process.name:defaults', extra: {} }

  it('writes the rule, one list, the items and the summary, in Kibana export NDJSON', () => {
    const out = exportKibanaNdjson(rule, EVERY_KIND)
    const lines = out.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toHaveLength(5)
    expect(lines[0]).toMatchObject({ rule_id: 'r-1', exceptions_list: [{ id: 'r-1-exceptions', list_id: 'r-1-exceptions', namespace_type: 'single', type: 'detection' }] })
    expect(lines[1]).toMatchObject({ list_id: 'r-1-exceptions', type: 'detection', namespace_type: 'single' })
    expect(lines[2]).toMatchObject({ list_id: 'r-1-exceptions', item_id: 'jamf-1', type: 'simple', os_types: ['macos'], entries: EVERY_KIND[0]?.entries })
    expect(lines[4]).toMatchObject({ exported_count: 4, exported_exception_list_item_count: 2 })
    expect(out.diagnostics.map((d) => d.code)).toEqual(['RULE3009'])
  })

  it('round-trips: every entry kind survives export then import', () => {
    const back = importRule(exportKibanaNdjson(rule, EVERY_KIND).text)
    expect(back.rules.map((r) => r.query)).toEqual([rule.query])
    expect(back.exceptions?.[0]?.items).toEqual(EVERY_KIND)
    // and again: the imported rule keeps its list reference, which the next export reuses
    const again = importRule(exportKibanaNdjson(back.rules[0] ?? rule, back.exceptions?.[0]?.items ?? []).text)
    expect(again.exceptions?.[0]?.items).toEqual(EVERY_KIND)
  })

  it('reuses the list the rule referenced, and fills in what Kibana requires of an item', () => {
    const imported = { ...rule, extra: { exceptions_list: [ref('jamf')] } }
    const out = exportKibanaNdjson(imported, [{ name: '', entries: [{ field: 'a', operator: 'included', type: 'exists' }] }])
    const lines = out.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines[0]?.['exceptions_list']).toEqual([ref('jamf')])
    expect(lines[2]).toMatchObject({ list_id: 'jamf', item_id: 'jamf-item-1', name: 'Exception 1', description: 'Exception list item', comments: [] })
  })

  it('a test file carries the items with the case, and reads them back', () => {
    const eql: RuleDocument = { name: 'T', type: 'eql', language: 'eql', query: 'process where true', extra: {} }
    const file = exportDocumentTestFile(eql, [{ id: 'a' }], [{ eventIndex: 0, expect: 'no-match' }], { exceptions: EVERY_KIND })
    expect(file.text).toMatch(/\[\[cases\.exceptions\]\]/)
    const back = importTestFile(file.text)
    expect(back.rules.map((r) => r.query)).toEqual(['process where true'])
    expect(back.exceptions?.[0]?.items).toEqual(EVERY_KIND)
    expect(importTestFile(exportDocumentTestFile(eql, [{ id: 'a' }], []).text).exceptions).toBeUndefined()
  })
})

describe('search requests with exception items', () => {
  const jamf = EVERY_KIND.slice(0, 1)
  const negated = exceptionsFilterDsl(jamf)

  it('_eql/search: the negated exceptions clause is part of the filter, beside the time range', () => {
    const rule: RuleDocument = { name: 'r', type: 'eql', language: 'eql', query: 'process where true', extra: {} }
    const body = exportEqlSearchRequest(rule, {}, jamf)
    expect(negated).not.toBeNull()
    expect(body['filter']).toEqual({ bool: { filter: [expect.objectContaining({ range: expect.anything() }), negated], must_not: [] } })
    expect(exportEqlSearchRequest(rule, {}, [])).toEqual(exportEqlSearchRequest(rule))
  })

  it('KQL _search: the query is wrapped with the negated clause', () => {
    const rule: RuleDocument = { name: 'r', type: 'query', language: 'kuery', query: 'process.name:defaults', extra: {} }
    const plain = exportKqlSearchRequest(rule, null).body
    const body = exportKqlSearchRequest(rule, null, jamf).body
    expect(body?.['query']).toEqual({ bool: { filter: [plain?.['query'], negated] } })
    // an item that only tests a value list cannot be sent: the query stays as it is
    const listOnly: ExceptionItem[] = [{ name: 'l', entries: [{ field: 'source.ip', operator: 'included', type: 'list', list: { id: 'x', type: 'ip' } }] }]
    expect(exportKqlSearchRequest(rule, null, listOnly).body).toEqual(plain)
  })
})

describe('an exported _eql/search request reads back with its exception items', () => {
  const rule: RuleDocument = { name: 'r', type: 'eql', language: 'eql', query: 'process where true', extra: {} }
  // The request has no names, ids, comments or descriptions, and cannot send a value list.
  const sendable = EVERY_KIND.map((item, i) => ({
    name: `Exception ${i + 1}`,
    entries: item.entries.filter((e) => e.type !== 'list'),
    ...(item.os_types ? { os_types: item.os_types } : {}),
  }))

  it('every entry kind a request can carry survives export then import', () => {
    const text = `POST <index>/_eql/search\n${JSON.stringify(exportEqlSearchRequest(rule, {}, sendable), null, 2)}\n`
    const back = importRule(text)
    expect(back.format).toBe('search-request')
    expect(back.rules.map((r) => r.query)).toEqual([rule.query])
    expect(back.exceptions?.[0]?.items).toEqual(sendable)
    expect(back.diagnostics.map((d) => d.code)).toEqual(['RULE1011'])
  })

  it('a request without exceptions brings none; a clause it cannot read is reported, not guessed at', () => {
    expect(importRule(JSON.stringify(exportEqlSearchRequest(rule))).exceptions).toBeUndefined()
    const body = exportEqlSearchRequest(rule, {}, sendable)
    const text = JSON.stringify(body).replace('"wildcard":', '"regexp":')
    const back = importRule(text)
    expect(back.exceptions?.[0]?.items.map((i) => i.name)).toEqual(['Exception 1'])
    expect(back.diagnostics.map((d) => [d.code, d.severity])).toEqual([['RULE1011', 'info'], ['RULE1012', 'warning']])
  })
})

