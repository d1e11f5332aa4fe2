import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { compileExplainKql, explainKql, type KqlExplanation } from './kql-explain'
import type { TraceNode, TraceValue } from './types'

/** KQL traces per field type, over our own events. */
const schema = buildSchema({
  ecs: false,
  mappings: {
    properties: {
      'process.name': { type: 'keyword' },
      'process.pid': { type: 'long' },
      'process.command_line': { type: 'wildcard' },
      message: { type: 'text' },
      'source.ip': { type: 'ip' },
      '@timestamp': { type: 'date' },
      'event.outcome': { type: 'keyword' },
      'user.name': { type: 'keyword', ignore_above: 5 },
      'data_stream.dataset': { type: 'constant_keyword' },
      deltas: { type: 'nested', properties: { action: { type: 'keyword' }, role: { type: 'keyword' } } },
    },
  },
}).schema

const EV = {
  '@timestamp': '2024-05-01T10:00:00Z',
  process: { name: 'CMD.exe', pid: 42, command_line: 'cmd.exe /c whoami' },
  message: 'User Logon Failed for admin',
  source: { ip: '10.1.2.3' },
  event: { outcome: '' },
  user: { name: 'administrator' },
  deltas: [
    { action: 'REMOVE', role: 'owner' },
    { action: 'ADD', role: 'viewer' },
  ],
}

function explain(query: string, event: unknown = EV): KqlExplanation {
  const out = explainKql(query, event, { schema, settings: { now: '2024-05-02T00:00:00Z' } })
  expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  if (out.explanation === null) throw new Error('no explanation')
  return out.explanation
}

function find(tree: TraceNode, text: string): TraceNode {
  const walk = (n: TraceNode): TraceNode | undefined => (n.text === text ? n : n.children.map(walk).find((x) => x !== undefined))
  const found = walk(tree)
  if (found === undefined) throw new Error(`no clause ${text}`)
  return found
}

describe('explainKql: leaves per field type', () => {
  it.each<[string, TraceValue, string, string]>([
    ['process.name:CMD.exe', true, 'term', 'exact, case-sensitive'],
    ['process.name:cmd.exe', false, 'term', 'exact, case-sensitive'],
    ['process.name:"CMD*"', false, 'term', 'quotes make * literal'],
    ['process.name:CMD*', true, 'wildcard', 'anchored, * wildcard'],
    ['process.name:cmd*', false, 'wildcard', 'case-sensitive'],
    ['process.name:C?D.exe', false, 'term', 'exact'],
    ['process.command_line:*whoami', true, 'wildcard', 'split at whitespace'],
    ['message:logon', true, 'term', 'any word of the value matches'],
    ['message:"logon failed"', true, 'term', 'the phrase'],
    ['message:"failed logon"', false, 'term', 'the phrase'],
    ['process.pid:42', true, 'term', 'numeric equality'],
    ['process.pid >= 43', false, 'range', 'numeric order'],
    ['process.name < D', true, 'range', 'byte order'],
    ['source.ip:10.0.0.0/8', true, 'term', 'CIDR block'],
    ['@timestamp:2024-05-01', true, 'term', 'the whole span'],
    ['@timestamp > now-1d', true, 'range', 'date order'],
    ['event.outcome:*', true, 'exists', 'exists'],
    ['process.parent.name:*', null, 'exists', 'exists'],
  ])('%s is %s', (query, value, kind, rule) => {
    const x = explain(query)
    expect(x.tree).toMatchObject({ kind, value, text: query })
    expect(x.tree.rule).toContain(rule)
    expect(x.outcome).toBe(value === true)
  })

  it('free text and match-all', () => {
    // free text is per field type: a word of the text field matches, a part of a keyword does not
    expect(explain('logon').tree).toMatchObject({ kind: 'freeText', value: true })
    expect(explain('whoami').tree).toMatchObject({ kind: 'freeText', value: false })
    expect(explain('nothing-like-this').tree).toMatchObject({ kind: 'freeText', value: false })
    expect(explain('').tree).toMatchObject({ kind: 'matchAll', value: true })
    expect(explain('*:*').tree).toMatchObject({ kind: 'matchAll', value: true })
  })

  it('shows the values read; a value over ignore_above is not indexed, so the clause is null', () => {
    const x = explain('user.name:administrator')
    expect(x.tree.value).toBe(null)
    expect(x.tree.seen).toEqual([{ field: 'user.name', span: { start: 0, end: 9 }, values: ['administrator'], notIndexed: ['administrator'] }])
  })

  it('a field pattern shows the values of the fields it covers', () => {
    const x = explain('process.*:42')
    expect(x.tree.value).toBe(true)
    expect(x.tree.seen?.[0]?.field).toBe('process.*')
    expect(x.tree.seen?.[0]?.values).toContain(42)
  })
})

describe('explainKql: not, missing fields, structure, deciding clause', () => {
  it('a clause on a missing field is null; its not is true (must_not)', () => {
    const x = explain('not process.parent.name:x')
    expect(x.tree).toMatchObject({ kind: 'not', value: true })
    expect(x.tree.children[0]).toMatchObject({ kind: 'term', value: null })
    expect(x.tree.children[0]?.seen?.[0]?.values).toEqual([])
    expect(x.outcome).toBe(true)
  })

  it('a value list is an or over the field', () => {
    const x = explain('process.name:(a or b or CMD.exe or d)')
    expect(x.tree).toMatchObject({ kind: 'or', value: true, text: 'process.name:(a or b or CMD.exe or d)' })
    const y = explain('process.pid:42 and not process.name:(a or (b and not CMD.exe))')
    expect(y.tree.children.map((c) => c.text)).toEqual(['process.pid:42', 'not process.name:(a or (b and not CMD.exe))'])
    expect(find(y.tree, 'not process.name:(a or (b and not CMD.exe))').children[0]?.text).toBe('process.name:(a or (b and not CMD.exe))')
    expect(find(y.tree, 'b and not CMD.exe').children.map((c) => c.text)).toEqual(['b', 'not CMD.exe'])
    expect(explain('process.name:(CMD.exe)').tree).toMatchObject({ kind: 'term', value: true, text: 'process.name:(CMD.exe)' })
    expect(x.tree.children.map((c) => c.value)).toEqual([false, false, true, false])
    expect(x.deciding.text).toBe('CMD.exe')
  })

  it('the deciding clause of a false and is its first conjunct that does not hold', () => {
    const x = explain('process.pid:42 and not message:logon and process.name:x')
    expect(x.outcome).toBe(false)
    expect(x.deciding.text).toBe('message:logon')
    expect(find(x.tree, 'not message:logon').value).toBe(false)
  })

  it('nested: one object must satisfy the whole inner query; the tree shows that object', () => {
    const yes = explain('deltas:{ action:ADD and role:viewer }')
    expect(yes.tree).toMatchObject({ kind: 'nested', value: true })
    expect(yes.tree.note).toContain('object 2 of 2')
    expect(find(yes.tree, 'action:ADD').seen?.[0]).toMatchObject({ field: 'deltas.action', values: ['ADD'] })
    const no = explain('deltas:{ action:REMOVE and role:viewer }')
    expect(no.tree.value).toBe(false)
    expect(no.tree.note).toContain('object 1 of 2')
    expect(no.deciding.text).toBe('role:viewer')
    const none = explain('deltas:{ action:ADD }', { process: { name: 'x' } })
    expect(none.tree.value).toBe(null)
    expect(none.tree.note).toContain('no objects')
  })

  it('constant_keyword without a mapped value: bound to the first value in the events, as a run does', () => {
    const { explainer } = compileExplainKql('data_stream.dataset:gcp.audit', { schema })
    if (explainer === null) throw new Error('no explainer')
    const withValue = { data_stream: { dataset: 'gcp.audit' } }
    const without = { id: 2 }
    expect(explainer.explain(without).outcome).toBe(false)
    explainer.bindEvents([withValue, without])
    expect(explainer.explain(without).outcome).toBe(true)
  })

  it('a query that does not compile gives diagnostics and no explanation', () => {
    const out = explainKql('process.pid:abc', EV, { schema })
    expect(out.explanation).toBe(null)
    expect(out.diagnostics.some((d) => d.severity === 'error')).toBe(true)
  })

  it('never throws on odd events', () => {
    for (const ev of [null, 1, 'x', [], { deltas: [null, 1, 'a'] }]) {
      expect(() => explain('deltas:{ action:ADD } or process.n*:x or free', ev)).not.toThrow()
    }
  })
})

describe('explainKql: clause text', () => {
  it('parenthesised groups keep their parentheses', () => {
    const x = explain('(process.pid:1 or process.name:CMD.exe) and not (message:x or message:\\(y)')
    expect(x.tree.text).toBe('(process.pid:1 or process.name:CMD.exe) and not (message:x or message:\\(y)')
    expect(x.tree.children.map((c) => c.text)).toEqual(['process.pid:1 or process.name:CMD.exe', 'not (message:x or message:\\(y)'])
  })
})
