import { describe, expect, it } from 'vitest'
import { errorCodes, evaluate, matches } from './compile-test-helpers'

/**
 * Spec kql.md §8, "subtle behaviours a naive implementation gets wrong", items 1-22 (ECS types,
 * types known as the detection engine knows them). Each row: item, query, event, expected.
 */
type Row = readonly [number, string, unknown, boolean]

const longArg = 'a'.repeat(2000)

const rows: readonly Row[] = [
  [1, 'dns.question.name:cdn??.space', { dns: { question: { name: 'cdn42.space' } } }, false],
  [1, 'dns.question.name:cdn??.space', { dns: { question: { name: 'cdn??.space' } } }, true],
  [1, 'file.path:*/AppData/Local/GitHub?Copilot/*', { file: { path: 'C:/AppData/Local/GitHub Copilot/x' } }, false],
  [2, 'winlog.event_data.ShareName:"\\\\\\\\*\\\\IPC$"', { winlog: { event_data: { ShareName: '\\\\FILESRV\\IPC$' } } }, false],
  [2, 'winlog.event_data.ShareName:"\\\\\\\\*\\\\IPC$"', { winlog: { event_data: { ShareName: '\\\\*\\IPC$' } } }, true],
  [2, 'process.name:"*"', { process: { name: 'cmd.exe' } }, false],
  [3, 'not event.type:deletion', { event: { category: 'file' } }, true],
  [4, 'event.type:(not deletion)', { event: { category: 'file' } }, true],
  [5, 'event.type:deletion', { event: { type: ['change', 'deletion'] } }, true],
  [5, 'not event.type:deletion', { event: { type: ['change', 'deletion'] } }, false],
  [6, 'x > 5 and x < 3', { x: [1, 10] }, true],
  [7, 'process.name:CMD.EXE', { process: { name: 'cmd.exe' } }, false],
  [8, 'message:null pointer', { message: 'pointer was null' }, true],
  [8, 'message:"null pointer"', { message: 'pointer was null' }, false],
  [8, 'message:NULL', { message: 'null' }, true],
  [9, 'message:*foo-bar*', { message: 'x foo-bar y' }, false],
  [9, 'message:FOO*', { message: 'food court' }, true],
  [10, 'process.command_line:*foo bar*', { process: { command_line: 'bar.exe /c' } }, true],
  [10, 'process.command_line:*foo bar*', { process: { command_line: 'run foo bar now' } }, false],
  [10, 'user_agent.original:*S3 Browser*', { user_agent: { original: 'x S3 Browser y' } }, true],
  [10, 'user_agent.original:*S3 Browser*', { user_agent: { original: 'S3' } }, false],
  [11, 'user.name:John Smith', { user: { name: 'John Smith' } }, true],
  [11, 'user.name:John Smith', { user: { name: 'John' } }, false],
  [12, 'host.name:a or b', { host: { name: 'x' }, tags: ['b'] }, true],
  [14, 'file.path:"C:\\temp\\new"', { file: { path: 'C:\\temp\\new' } }, false],
  [14, 'file.path:"C:\\temp\\new"', { file: { path: 'C:\temp\new' } }, true],
  [14, 'file.path:"C:\\\\temp\\\\new"', { file: { path: 'C:\\temp\\new' } }, true],
  [15, 'destination.port:443', { destination: { port: '443' } }, true],
  [16, 'source.ip:10.0.0.0/8', { source: { ip: '10.1.2.3' } }, true],
  [16, 'related.hosts:10.0.0.0/8', { related: { hosts: ['10.1.2.3'] } }, false],
  [17, '@timestamp:"2024-05-01"', { '@timestamp': '2024-05-01T17:00:00Z' }, true],
  [17, '@timestamp < "2024-05-01"', { '@timestamp': '2024-04-30T23:59:59Z' }, true],
  [17, '@timestamp < "2024-05-01"', { '@timestamp': '2024-05-01T00:00:00Z' }, false],
  [18, 'user.name:*', { user: { name: '' } }, true],
  [18, 'user.name:*', { user: { name: [] } }, false],
  [18, 'user.name:*', { user: { name: null } }, false],
  [18, 'process.args:*', { process: { args: [longArg] } }, false],
  [19, 'a.b:1 and a.c:2', { a: [{ b: 1, c: 9 }, { b: 9, c: 2 }] }, true],
  [20, 'process.name:bash', { 'process.name': 'bash' }, true],
  [20, 'process.name:bash', { process: { 'name': 'bash' } }, true],
  [22, 'user.name:\\t', { user: { name: '' } }, true],
]

describe('spec §8', () => {
  it.each(rows.map((r, i) => [i, ...r] as const))('#%i item %i: %s', (_i, _item, query, event, expected) => {
    expect(matches(query, event)).toBe(expected)
  })

  it('13: not inside a word is a syntax error', () => {
    expect(errorCodes('message: cannot find')).not.toEqual([])
    expect(errorCodes('f: *not this*')).not.toEqual([])
  })

  it('14: unquoted C:\\temp is a syntax error', () => {
    expect(errorCodes('file.path:C:\\temp')).not.toEqual([])
  })

  it('15: a non-numeric value on a number field fails the search', () => {
    expect(errorCodes('destination.port:https')).toEqual(['KQL2001'])
  })

  it('19: a nested group keeps one object together', () => {
    const mappings = { a: 'nested', 'a.b': 'long', 'a.c': 'long' }
    const event = { a: [{ b: 1, c: 9 }, { b: 9, c: 2 }] }
    expect(matches('a:{ b:1 and c:2 }', event, mappings)).toBe(false)
    expect(matches('a:{ b:1 and c:9 }', event, mappings)).toBe(true)
  })

  it('21: constant_keyword answers from the mapping, even without the field', () => {
    const mappings = { properties: { data_stream: { properties: { dataset: { type: 'constant_keyword', value: 'gcp.audit' } } } } }
    expect(matches('data_stream.dataset:gcp.audit', { event: { kind: 'event' } }, mappings)).toBe(true)
  })

  it('21: without a mapped value the first value in the events stands for the index', () => {
    const events = [
      { id: 'a', data_stream: { dataset: 'gcp.audit' } },
      { id: 'b', event: { kind: 'event' } },
      { id: 'c', data_stream: { dataset: 'okta.system' } },
    ]
    expect(evaluate('data_stream.dataset:gcp.audit', events).ids).toEqual(['a', 'b'])
    expect(evaluate('not data_stream.dataset:gcp.audit', events).ids).toEqual(['c'])
  })
})
