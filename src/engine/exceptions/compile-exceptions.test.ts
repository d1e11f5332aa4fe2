import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { compileExceptions } from './compile-exceptions'
import { makeEntry } from './describe'
import type { ExceptionEntry, ExceptionItem } from './types'

// Our own field table: one field per type the entries must treat differently.
const MAPPINGS = {
  'user.name': 'keyword',
  'process.args': 'keyword',
  'file.path': 'keyword',
  'process.command_line': 'wildcard',
  'message': 'text',
  'process.pid': 'long',
  'source.ip': 'ip',
  'event.ingested': 'date',
  'dns.resolved': 'boolean',
  'host.os.type': 'keyword',
  'host.os.name': 'keyword',
  'obj.inner': 'keyword',
}

function compile(items: readonly ExceptionItem[], mappings: Record<string, unknown> = MAPPINGS, events: readonly unknown[] = []) {
  const { schema } = buildSchema({ ecs: false, mappings, events })
  return compileExceptions(items, { schema })
}

const item = (...entries: ExceptionEntry[]): ExceptionItem => ({ name: '', entries })
/** Whether a single-entry item made from the builder's label excepts the event. */
function excepts(field: string, label: Parameters<typeof makeEntry>[1], values: string[], event: unknown, mappings?: Record<string, unknown>): boolean {
  const c = compile([item(makeEntry(field, label, values))], mappings)
  expect(c.problems).toEqual([])
  return c.itemOf(event) === 0
}

describe('match ("is" / "is not") per field type', () => {
  it('keyword: exact and case-sensitive, any of an array of values', () => {
    expect(excepts('user.name', 'is', ['root'], { user: { name: 'root' } })).toBe(true)
    expect(excepts('user.name', 'is', ['root'], { user: { name: 'Root' } })).toBe(false)
    expect(excepts('user.name', 'is', ['root'], { user: { name: 'root2' } })).toBe(false)
    expect(excepts('process.args', 'is', ['-x'], { process: { args: ['a', '-x'] } })).toBe(true)
    expect(excepts('process.args', 'is', ['-x'], { 'process.args': ['a'] })).toBe(false)
  })
  it('"is not" is the complement, including events without the field', () => {
    expect(excepts('user.name', 'is not', ['root'], { user: { name: 'root' } })).toBe(false)
    expect(excepts('user.name', 'is not', ['root'], { user: { name: 'bob' } })).toBe(true)
    expect(excepts('user.name', 'is not', ['root'], {})).toBe(true)
  })
  it('numbers compare as numbers', () => {
    expect(excepts('process.pid', 'is', ['42'], { process: { pid: 42 } })).toBe(true)
    expect(excepts('process.pid', 'is', ['42'], { process: { pid: '42' } })).toBe(true)
    expect(excepts('process.pid', 'is', ['42'], { process: { pid: 420 } })).toBe(false)
  })
  it('ip takes an address or a CIDR block', () => {
    expect(excepts('source.ip', 'is', ['10.0.0.0/8'], { source: { ip: '10.1.2.3' } })).toBe(true)
    expect(excepts('source.ip', 'is', ['10.0.0.0/8'], { source: { ip: '11.1.2.3' } })).toBe(false)
    expect(excepts('source.ip', 'is', ['::1'], { source: { ip: '0:0:0:0:0:0:0:1' } })).toBe(true)
  })
  it('boolean and date values are parsed by the field type', () => {
    expect(excepts('dns.resolved', 'is', ['true'], { dns: { resolved: true } })).toBe(true)
    expect(excepts('dns.resolved', 'is', ['false'], { dns: { resolved: true } })).toBe(false)
    expect(excepts('event.ingested', 'is', ['2024-05-01T10:00:00Z'], { event: { ingested: '2024-05-01T10:00:00.000Z' } })).toBe(true)
    expect(excepts('event.ingested', 'is', ['2024-05-01T10:00:00Z'], { event: { ingested: '2024-05-01T10:00:01Z' } })).toBe(false)
  })
  it('a date without a time covers the whole day (UTC)', () => {
    expect(excepts('event.ingested', 'is', ['2024-05-01'], { event: { ingested: '2024-05-01T23:59:59Z' } })).toBe(true)
    expect(excepts('event.ingested', 'is', ['2024-05-01'], { event: { ingested: '2024-05-02T00:00:00Z' } })).toBe(false)
  })
  it('text fields take a phrase', () => {
    expect(excepts('message', 'is', ['quick brown'], { message: 'The Quick Brown fox' })).toBe(true)
    expect(excepts('message', 'is', ['brown quick'], { message: 'The Quick Brown fox' })).toBe(false)
  })
})

describe('match_any ("is one of")', () => {
  it('any listed value, on any value of the field', () => {
    expect(excepts('user.name', 'is one of', ['a', 'b'], { user: { name: 'b' } })).toBe(true)
    expect(excepts('user.name', 'is one of', ['a', 'b'], { user: { name: ['c', 'a'] } })).toBe(true)
    expect(excepts('user.name', 'is one of', ['a', 'b'], { user: { name: 'B' } })).toBe(false)
    expect(excepts('user.name', 'is not one of', ['a', 'b'], { user: { name: 'c' } })).toBe(true)
    expect(excepts('user.name', 'is not one of', ['a', 'b'], { user: { name: 'a' } })).toBe(false)
  })
})

describe('match_any on a keyword with ignore_above', () => {
  it('a value over the limit is not indexed: it never matches, listed or not', () => {
    const m = { 'user.name': { type: 'keyword', ignore_above: 3 } }
    expect(excepts('user.name', 'is one of', ['abcd', 'ab'], { user: { name: 'abcd' } }, m)).toBe(false)
    expect(excepts('user.name', 'is one of', ['abcd', 'ab'], { user: { name: ['abcd', 'ab'] } }, m)).toBe(true)
    expect(excepts('user.name', 'is', ['abcd'], { user: { name: 'abcd' } }, m)).toBe(false)
  })
  it('numbers in the event compare by their text on keyword fields', () => {
    expect(excepts('user.name', 'is one of', ['42', 'x'], { user: { name: 42 } })).toBe(true)
  })
})

describe('exists', () => {
  it('a value, "" included; null and [] are none', () => {
    expect(excepts('user.name', 'exists', [], { user: { name: '' } })).toBe(true)
    expect(excepts('user.name', 'exists', [], { user: { name: null } })).toBe(false)
    expect(excepts('user.name', 'exists', [], { user: { name: [] } })).toBe(false)
    expect(excepts('user.name', 'does not exist', [], {})).toBe(true)
    expect(excepts('user.name', 'does not exist', [], { user: { name: 'x' } })).toBe(false)
  })
})

describe('wildcard ("matches"): the wildcard query, not KQL', () => {
  it('`*` any run, `?` one character, whole value, case-sensitive', () => {
    expect(excepts('file.path', 'matches', ['/tmp/*'], { file: { path: '/tmp/a b/c' } })).toBe(true)
    expect(excepts('file.path', 'matches', ['/tmp/*'], { file: { path: '/TMP/a' } })).toBe(false)
    expect(excepts('file.path', 'matches', ['/tmp/?'], { file: { path: '/tmp/ab' } })).toBe(false)
    expect(excepts('file.path', 'matches', ['/tmp/??'], { file: { path: '/tmp/ab' } })).toBe(true)
    expect(excepts('file.path', 'does not match', ['/tmp/*'], { file: { path: '/var/x' } })).toBe(true)
  })
  it('a backslash escapes: `\\*` is a literal star', () => {
    expect(excepts('file.path', 'matches', ['a\\*'], { file: { path: 'a*' } })).toBe(true)
    expect(excepts('file.path', 'matches', ['a\\*'], { file: { path: 'ab' } })).toBe(false)
    expect(excepts('file.path', 'matches', ['C:\\\\Windows\\\\*'], { file: { path: 'C:\\Windows\\x.exe' } })).toBe(true)
  })
  it('a backslash at the very end stands for itself', () => {
    expect(excepts('file.path', 'matches', ['a\\'], { file: { path: 'a\\' } })).toBe(true)
    expect(excepts('file.path', 'matches', ['a\\'], { file: { path: 'a' } })).toBe(false)
  })
  it('on text fields it matches single tokens, the pattern lowercased', () => {
    expect(excepts('message', 'matches', ['Qui*'], { message: 'The quick fox' })).toBe(true)
    expect(excepts('message', 'matches', ['quick f*'], { message: 'The quick fox' })).toBe(false)
  })
  it('on constant_keyword it tests the mapped value', () => {
    const m = { 'data_stream.dataset': { type: 'constant_keyword', value: 'endpoint.events.process' } }
    expect(excepts('data_stream.dataset', 'matches', ['endpoint.*'], {}, m)).toBe(true)
    expect(excepts('data_stream.dataset', 'is', ['endpoint.events.file'], {}, m)).toBe(false)
  })
  it('is never split at whitespace (unlike KQL wildcards on wildcard fields)', () => {
    expect(excepts('process.command_line', 'matches', ['foo *'], { process: { command_line: 'foo bar' } })).toBe(true)
    expect(excepts('process.command_line', 'matches', ['foo *'], { process: { command_line: 'bar' } })).toBe(false)
  })
  it('a number field refuses it: the search would fail', () => {
    const c = compile([item({ field: 'process.pid', operator: 'included', type: 'wildcard', value: '4*' })])
    expect(c.problems.map((p) => [p.code, p.severity, p.item, p.entry])).toEqual([['EXC003', 'error', 0, 0]])
    expect(c.itemOf({ process: { pid: 42 } })).toBe(-1)
  })
})

describe('nested entries', () => {
  const nestedMap = { 'threat.enrichments': 'nested', 'threat.enrichments.indicator.type': 'keyword', 'threat.enrichments.matched.field': 'keyword' }
  const ev = { threat: { enrichments: [{ indicator: { type: 'ip' }, matched: { field: 'a' } }, { indicator: { type: 'url' }, matched: { field: 'b' } }] } }
  const nested = (entries: ExceptionEntry[]): ExceptionItem => item({ field: 'threat.enrichments', type: 'nested', entries: entries as never })
  it('one object of the array must satisfy every inner entry', () => {
    const hit = compile([nested([makeEntry('indicator.type', 'is', ['ip']), makeEntry('matched.field', 'is', ['a'])])], nestedMap)
    expect(hit.problems).toEqual([])
    expect(hit.itemOf(ev)).toBe(0)
    const miss = compile([nested([makeEntry('indicator.type', 'is', ['ip']), makeEntry('matched.field', 'is', ['b'])])], nestedMap)
    expect(miss.itemOf(ev)).toBe(-1)
  })
  it('a path that is not nested fails the search; an unknown one too', () => {
    const c = compile([item({ field: 'obj', type: 'nested', entries: [makeEntry('inner', 'exists', []) as never] })])
    expect(c.problems.map((p) => [p.code, p.severity])).toEqual([['EXC006', 'error']])
    const u = compile([item({ field: 'nowhere', type: 'nested', entries: [makeEntry('inner', 'exists', []) as never] })])
    expect(u.problems.map((p) => p.code)).toEqual(['EXC007'])
  })
  it('a nested field outside a nested entry sees no value', () => {
    const c = compile([item(makeEntry('threat.enrichments.indicator.type', 'is', ['ip']))], nestedMap)
    expect(c.problems.map((p) => [p.code, p.severity])).toEqual([['EXC008', 'warning']])
    expect(c.itemOf(ev)).toBe(-1)
  })
})

describe('os_types', () => {
  const mac: ExceptionItem = { name: 'mac', entries: [makeEntry('user.name', 'is', ['root'])], os_types: ['macos'] }
  it('holds with host.os.type or with host.os.name compared caselessly, AND the entries', () => {
    const c = compile([mac])
    expect(c.itemOf({ user: { name: 'root' }, host: { os: { type: 'macos' } } })).toBe(0)
    expect(c.itemOf({ user: { name: 'root' }, host: { os: { name: 'macOS' } } })).toBe(0)
    expect(c.itemOf({ user: { name: 'root' }, host: { os: { type: 'linux', name: 'Ubuntu' } } })).toBe(-1)
    expect(c.itemOf({ user: { name: 'bob' }, host: { os: { type: 'macos' } } })).toBe(-1)
    // host.os.type is a plain keyword: exact
    expect(c.itemOf({ user: { name: 'root' }, host: { os: { type: 'MacOS' } } })).toBe(-1)
  })
})

describe('items and entries', () => {
  it('entries are AND-ed, items OR-ed, and the first matching item is named', () => {
    const a = item(makeEntry('user.name', 'is', ['root']), makeEntry('process.pid', 'is', ['1']))
    const b = item(makeEntry('user.name', 'is one of', ['root', 'bob']))
    const c = compile([a, b])
    expect(c.count).toBe(2)
    expect(c.itemOf({ user: { name: 'root' }, process: { pid: 1 } })).toBe(0)
    expect(c.itemOf({ user: { name: 'root' }, process: { pid: 2 } })).toBe(1)
    expect(c.itemOf({ user: { name: 'eve' }, process: { pid: 1 } })).toBe(-1)
  })
})

describe('problems', () => {
  it('a list entry: warning, the item is not applied, the others are', () => {
    const listItem = item(makeEntry('user.name', 'is', ['root']), { field: 'source.ip', operator: 'included', type: 'list', list: { id: 'bad-ips', type: 'ip' } })
    const c = compile([listItem, item(makeEntry('user.name', 'is', ['root']))])
    expect(c.problems.map((p) => [p.code, p.severity, p.item, p.entry])).toEqual([['EXC001', 'warning', 0, 1]])
    expect(c.problems[0]?.message).toMatch(/bad-ips.*not applied/)
    expect(c.itemOf({ user: { name: 'root' } })).toBe(1)
  })
  it('a value the field type rejects is a search failure (error)', () => {
    const c = compile([item(makeEntry('process.pid', 'is', ['abc'])), item(makeEntry('source.ip', 'is one of', ['1.2.3.4', 'nope'])), item(makeEntry('dns.resolved', 'is', ['yes']))])
    expect(c.problems.map((p) => [p.code, p.severity, p.item])).toEqual([
      ['EXC002', 'error', 0],
      ['EXC002', 'error', 1],
      ['EXC002', 'error', 2],
    ])
    expect(c.problems[0]?.message).toMatch(/fail the rule's search/)
  })
  it('empty field, empty value, no entries: warnings', () => {
    const c = compile([item(makeEntry('', 'is', ['x'])), item(makeEntry('user.name', 'is', [''])), { name: 'n', entries: [] }])
    expect(c.problems.map((p) => [p.code, p.severity, p.item])).toEqual([
      ['EXC004', 'warning', 0],
      ['EXC005', 'warning', 1],
      ['EXC010', 'warning', 2],
    ])
  })
  it('a field that is not indexed: error', () => {
    const c = compile([item(makeEntry('event.original', 'is', ['x']))], { 'event.original': { type: 'keyword', index: false, doc_values: false } })
    expect(c.problems.map((p) => p.code)).toEqual(['EXC009'])
  })
  it('never throws on junk', () => {
    const junk = [{ name: 1, entries: null }, null] as unknown as ExceptionItem[]
    const c = compile(junk)
    expect(c.itemOf({})).toBe(-1)
    expect(c.problems.length).toBeGreaterThan(0)
  })
})
