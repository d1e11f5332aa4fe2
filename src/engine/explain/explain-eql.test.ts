import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { compileExplainEql, explainEql, type EqlExplanation } from './eql-explain'
import type { TraceNode, TraceValue } from './types'

/**
 * EQL traces, operator by operator, over our own events. Each tree value is also the matcher's
 * answer for that clause alone (checked in `valueOf` by compiling the clause as a query).
 */
const MAPPINGS = {
  'event.category': 'keyword',
  'process.name': 'keyword',
  'process.args': 'keyword',
  'process.parent.name': 'keyword',
  'process.pid': 'long',
  'process.command_line': 'wildcard',
  'user.name': { type: 'keyword', ignore_above: 5 },
  'source.ip': 'ip',
  'host.id': 'keyword',
  'event.sequence': 'long',
  '@timestamp': 'date',
}

const schema = buildSchema({ ecs: false, mappings: { properties: toProperties(MAPPINGS) } }).schema

function toProperties(m: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(m)) out[k] = typeof v === 'string' ? { type: v } : v
  return out
}

const EV = {
  '@timestamp': '2024-05-01T10:00:00Z',
  event: { category: 'process' },
  host: { id: 'h1' },
  process: { name: 'CMD.exe', args: ['/c', 'whoami'], pid: 42, command_line: 'cmd.exe /c whoami' },
  user: { name: 'administrator' },
  source: { ip: '10.1.2.3' },
}

function explain(query: string, event: unknown = EV): EqlExplanation {
  const out = explainEql(query, event, { schema, now: Date.parse('2024-05-02T00:00:00Z') })
  expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  if (out.explanation === null) throw new Error('no explanation')
  return out.explanation
}

function eventTree(query: string, event: unknown = EV): Extract<EqlExplanation, { kind: 'event' }> {
  const x = explain(query, event)
  if (x.kind !== 'event') throw new Error('not an event query')
  return x
}

/** The first node (pre-order) whose source text is `text`. */
function find(tree: TraceNode, text: string): TraceNode {
  const walk = (n: TraceNode): TraceNode | undefined => (n.text === text ? n : n.children.map(walk).find((x) => x !== undefined))
  const found = walk(tree)
  if (found === undefined) throw new Error(`no clause ${text}`)
  return found
}

/** The value of `clause` inside `any where <clause>`. */
function valueOf(clause: string, event: unknown = EV): TraceValue {
  return find(eventTree(`any where ${clause}`, event).tree, clause).value
}

describe('explainEql: operators, case and wildcards', () => {
  it.each<[string, TraceValue, string]>([
    ['process.name == "CMD.exe"', true, 'case-sensitive equality, no wildcards'],
    ['process.name == "cmd.exe"', false, 'case-sensitive equality'],
    ['process.name == "CMD*"', false, '* and ? are literal'],
    ['process.name != "cmd.exe"', true, 'true when the field has no value'],
    ['process.name : "cmd.exe"', true, 'case-insensitive, * and ? wildcards'],
    ['process.name : "cmd*"', true, 'case-insensitive'],
    ['process.name : ("x", "c?d.*")', true, 'any pattern'],
    ['process.name like "cmd*"', false, 'case-sensitive, * and ? wildcards'],
    ['process.name like "CMD*"', true, 'case-sensitive'],
    ['process.name like~ "cmd*"', true, 'case-insensitive, * and ? wildcards'],
    ['process.name regex "CMD\\\\..*"', true, 'case-sensitive Lucene regular expression'],
    ['process.name regex "cmd.*"', false, 'case-sensitive Lucene'],
    ['process.name regex~ "cmd.*"', true, 'case-insensitive Lucene'],
    ['process.name in ("cmd.exe", "x")', false, 'case-sensitive, exact values'],
    ['process.name in~ ("cmd.exe", "x")', true, 'case-insensitive, exact values'],
    ['process.name not in ("cmd.exe")', true, 'true when no item matches'],
    ['process.name not in~ ("cmd.exe")', false, 'case-insensitive'],
    ['process.pid > 40', true, 'numeric ordering'],
    ['process.pid <= 41', false, 'numeric ordering'],
    ['process.pid == 42', true, 'numeric equality'],
    ['source.ip == "10.0.0.0/8"', true, 'CIDR'],
    ['@timestamp < "2024-05-01T11:00:00Z"', true, 'date ordering'],
    ['process.args == "whoami"', true, 'any value of a multi-valued field'],
  ])('%s is %s (%s)', (clause, value, rule) => {
    const node = find(eventTree(`any where ${clause}`).tree, clause)
    expect(node.value).toBe(value)
    expect(node.rule).toContain(rule)
  })

  it('names the kind of each leaf', () => {
    const x = eventTree(
      'process where process.name == "a" or process.name : "a" or process.name like "a" or process.name regex "a" or process.name in ("a") or startsWith(process.name, "a") or true',
    )
    const kinds = (x.tree.children[1] as TraceNode).children.map((c) => c.kind)
    expect(kinds).toEqual(['comparison', 'match', 'like', 'regex', 'in', 'function', 'literal'])
    expect(x.tree.kind).toBe('filter')
    expect(x.tree.children[0]?.kind).toBe('category')
  })

  it('shows the values a leaf read, as the event holds them, and values not indexed', () => {
    const x = eventTree('process where process.args : "/C" and user.name == "administrator"')
    expect(find(x.tree, 'process.args : "/C"').seen).toEqual([{ field: 'process.args', span: { start: 14, end: 26 }, values: ['/c', 'whoami'] }])
    const user = find(x.tree, 'user.name == "administrator"')
    // over ignore_above: not indexed, so no query sees it — the clause is null (no indexed value)
    expect(user.value).toBe(null)
    expect(user.seen?.[0]).toMatchObject({ field: 'user.name', values: ['administrator'], notIndexed: ['administrator'] })
  })

  it('shows the category test with the category field values', () => {
    const x = eventTree('network where true')
    const cat = x.tree.children[0] as TraceNode
    expect(cat).toMatchObject({ kind: 'category', text: 'network', value: false })
    expect(cat.seen?.[0]?.values).toEqual(['process'])
    expect(x.outcome).toBe(false)
    expect(x.deciding).toBe(cat)
  })
})

describe('explainEql: missing fields and null', () => {
  const noParent = EV // has no process.parent.name

  it('marks a clause on a missing field null, and its negation true (document semantics)', () => {
    expect(valueOf('process.parent.name == "x"', noParent)).toBe(null)
    expect(valueOf('process.parent.name : "x*"', noParent)).toBe(null)
    expect(valueOf('process.parent.name in ("x")', noParent)).toBe(null)
    expect(valueOf('process.parent.name != "x"', noParent)).toBe(true)
    expect(valueOf('process.parent.name not in ("x")', noParent)).toBe(true)
    const x = eventTree('any where not process.parent.name == "x"', noParent)
    expect(x.tree.children[0]).toMatchObject({ kind: 'not', value: true })
    expect(x.outcome).toBe(true)
  })

  it('null checks: == null holds for a missing field, != null is null (missing) for it', () => {
    expect(valueOf('process.parent.name == null', noParent)).toBe(true)
    expect(valueOf('process.parent.name != null', noParent)).toBe(null)
    expect(valueOf('process.name == null')).toBe(false)
    expect(valueOf('process.name != null')).toBe(true)
  })

  it('an and with a null conjunct and no false one is null; an or with a null disjunct is null', () => {
    const x = eventTree('any where process.parent.name == "x" and process.pid == 42')
    expect(x.tree.children[0]).toMatchObject({ kind: 'and', value: null })
    const y = eventTree('any where process.parent.name == "x" or process.pid == 1')
    expect(y.tree.children[0]).toMatchObject({ kind: 'or', value: null })
    const z = eventTree('any where process.parent.name == "x" and process.pid == 1')
    expect(z.tree.children[0]).toMatchObject({ kind: 'and', value: false })
  })

  it('a clause Elasticsearch folds to null is null, and so is its negation', () => {
    const x = eventTree('any where not ?process.missing : "a"')
    const not = x.tree.children[0] as TraceNode
    expect(not.value).toBe(null)
    expect(not.children[0]?.value).toBe(null)
    expect(not.children[0]?.note).toContain('folds this clause to null')
    expect(x.outcome).toBe(false)
  })

  it('a function over a missing field is null; computed values are shown', () => {
    expect(valueOf('startsWith(process.parent.name, "x")', noParent)).toBe(null)
    const x = eventTree('any where length(process.name) == 7 and startsWith~(process.name, "cmd")')
    const len = find(x.tree, 'length(process.name) == 7')
    expect(len.value).toBe(true)
    expect(len.computed).toEqual([{ text: 'length(process.name)', span: { start: 10, end: 30 }, values: [7] }])
    expect(find(x.tree, 'startsWith~(process.name, "cmd")')).toMatchObject({ kind: 'function', value: true, rule: 'startsWith~: case-insensitive' })
    expect(valueOf('startsWith(process.name, "cmd")')).toBe(false)
    expect(valueOf('stringContains(process.command_line, "/c")')).toBe(true)
    expect(valueOf('cidrMatch(source.ip, "10.0.0.0/8", "192.168.0.0/16")')).toBe(true)
  })

  it('notes an evaluation error Elasticsearch would fail the search on', () => {
    const x = eventTree('any where number(process.name) == 1')
    const leaf = x.tree.children[0] as TraceNode
    expect(leaf.value).toBe(false)
    expect(leaf.note).toContain('would fail the whole search')
  })
})

describe('explainEql: the deciding clause', () => {
  it('a false and: its first conjunct that does not hold, in source order', () => {
    const x = eventTree('process where process.pid == 42 and process.name == "x" and process.pid == 1')
    expect(x.outcome).toBe(false)
    expect(x.deciding.text).toBe('process.name == "x"')
    expect(x.decidingSpan).toEqual(x.deciding.span)
  })

  it('a true filter: what decided its condition; a true or: its first disjunct that holds; a true and: the and itself', () => {
    const x = eventTree('process where process.pid == 1 or process.name == "CMD.exe" or process.pid == 42')
    expect(x.deciding.text).toBe('process.name == "CMD.exe"')
    const y = eventTree('any where process.pid == 42 and process.name == "CMD.exe"')
    expect(y.outcome).toBe(true)
    expect(y.deciding.kind).toBe('and')
  })

  it('a false or: the or itself (every alternative failed)', () => {
    const x = eventTree('any where process.pid == 1 or process.name == "x"')
    expect(x.deciding.kind).toBe('or')
  })

  it('a not: what decided its operand', () => {
    const x = eventTree('any where not (process.pid == 1 or process.name == "CMD.exe")')
    expect(x.outcome).toBe(false)
    expect(x.deciding.text).toBe('process.name == "CMD.exe"')
  })

  it('the category comes first: an event of another category is decided by the category', () => {
    const x = eventTree('file where process.name == "x"')
    expect(x.deciding.kind).toBe('category')
  })
})

describe('explainEql: event query outcome and timestamps', () => {
  it('an event without a timestamp passes the filter but is not returned', () => {
    const { '@timestamp': _, ...noTs } = EV
    const x = eventTree('process where true', noTs)
    expect(x.outcome).toBe(true)
    expect(x.timestamp).toEqual({ field: '@timestamp', present: false })
    expect(x.returned).toBe(false)
    expect(eventTree('process where true').returned).toBe(true)
  })

  it('a query that does not compile gives diagnostics and no explanation', () => {
    const out = explainEql('process where', EV, { schema })
    expect(out.explanation).toBe(null)
    expect(out.diagnostics.some((d) => d.severity === 'error')).toBe(true)
    expect(compileExplainEql('process where nope == 1', { schema }).explainer).toBe(null)
  })

  it('never throws on odd events', () => {
    for (const ev of [null, 1, 'x', [], { event: { category: [null, {}] } }]) {
      expect(() => explain('process where process.name : "a*" and length(process.args) > 1', ev)).not.toThrow()
    }
  })
})

describe('explainEql: sequences and samples', () => {
  const query =
    'sequence by host.id with maxspan=1m [process where process.name == "CMD.exe"] by process.pid ![file where true] by process.pid [network where true] by process.pid until [process where process.name == "x"] by process.pid'

  it('explains each stage for the event: the filter tree, the join keys, whether it could fill it', () => {
    const x = explain(query)
    if (x.kind !== 'sequence') throw new Error('not a sequence')
    expect(x.stages.map((s) => s.outcome)).toEqual([true, false, false])
    const first = x.stages[0]
    expect(first).toMatchObject({ stage: 0, until: false, missing: false, runs: 1, joinable: true, fills: true })
    expect(first?.keys).toEqual([
      { text: 'host.id', span: expect.anything(), values: ['h1'] },
      { text: 'process.pid', span: expect.anything(), values: [42] },
    ])
    expect(x.stages[1]).toMatchObject({ missing: true, fills: false })
    expect(x.until).toMatchObject({ until: true, stage: 3, outcome: false })
    expect(x.until?.deciding.text).toBe('process.name == "x"')
    expect(x.note).toContain('sequenceVerdicts')
  })

  it('an event without a join key value passes the filter but cannot join', () => {
    const { host: _, ...noHost } = EV
    const x = explain(query, noHost)
    if (x.kind !== 'sequence') throw new Error('not a sequence')
    expect(x.stages[0]).toMatchObject({ outcome: true, joinable: false, fills: false })
    expect(x.stages[0]?.keys[0]?.values).toEqual([])
  })

  it('samples too, with runs', () => {
    const x = explain('sample by host.id [process where process.pid > 1] [process where process.pid > 100]')
    if (x.kind !== 'sample') throw new Error('not a sample')
    expect(x.stages.map((s) => s.fills)).toEqual([true, false])
    const y = explain('sequence by host.id [process where true] with runs=3')
    if (y.kind !== 'sequence') throw new Error('not a sequence')
    expect(y.stages).toHaveLength(1)
    expect(y.stages[0]?.runs).toBe(3)
  })
})

describe('explainEql: clause text', () => {
  it('parenthesised operands keep their parentheses in the text and span of the enclosing clause', () => {
    const q = 'any where (process.pid == 1 or process.name == "a(") and not (process.pid > 2 and process.name : "x")'
    const x = eventTree(q)
    const and = x.tree.children[0] as TraceNode
    expect(and.text).toBe('(process.pid == 1 or process.name == "a(") and not (process.pid > 2 and process.name : "x")')
    expect(and.children.map((c) => c.text)).toEqual([
      'process.pid == 1 or process.name == "a("',
      'not (process.pid > 2 and process.name : "x")',
    ])
    expect(q.slice(and.span.start, and.span.end)).toBe(and.text)
  })
})

describe('explainEql: more leaf kinds', () => {
  const s2 = buildSchema({ ecs: false, mappings: { properties: { flag: { type: 'boolean' }, 'a.b': { type: 'keyword' }, n: { type: 'long' }, v: { type: 'version' } } } }).schema
  const ev = { '@timestamp': 1, flag: [false, true], a: { b: 'x-y-z' }, n: [3, 12], v: '1.10.0' }
  const tree = (q: string): TraceNode => {
    const out = explainEql(q, ev, { schema: s2 })
    if (out.explanation?.kind !== 'event') throw new Error(JSON.stringify(out.diagnostics))
    return out.explanation.tree.children[0] as TraceNode
  }

  it('a boolean field as a condition: true when any value is true', () => {
    expect(tree('any where flag')).toMatchObject({ kind: 'field', value: true })
    expect(tree('any where flag')?.rule).toContain('any of its values is true')
  })

  it('functions fan out over multi-valued arguments; computed values are listed', () => {
    const t = tree('any where n * 2 > 20')
    expect(t).toMatchObject({ kind: 'comparison', value: true })
    expect(t.computed?.[0]?.values).toEqual([6, 24])
    expect(tree('any where between(a.b, "-", "-") == "y"')).toMatchObject({ value: true, computed: [{ values: ['y'] }] })
    expect(tree('any where concat(a.b, "!") : "X-Y-Z!"')).toMatchObject({ kind: 'match', value: true })
  })

  it('versions order semantically; not over not', () => {
    expect(tree('any where v > "1.9.0"')).toMatchObject({ value: true, rule: expect.stringContaining('semantic version') })
    const t = tree('any where not not a.b == "x-y-z"')
    expect(t).toMatchObject({ kind: 'not', value: true })
    expect(t.children[0]).toMatchObject({ kind: 'not', value: false })
  })
})
