import { describe, expect, it } from 'vitest'
import { matches } from './compile-test-helpers'

/**
 * Per field type (spec kql.md §5.1-§5.11): [query, event, expected] under ECS types, with
 * per-table mappings where the type is not ECS's.
 */
type Row = readonly [string, unknown, boolean]

function table(name: string, rows: readonly Row[], mappings?: Record<string, unknown>): void {
  describe(name, () => {
    it.each(rows.map((r, i) => [i, ...r] as const))('#%i %s', (_i, query, event, expected) => {
      expect(matches(query, event, mappings)).toBe(expected)
    })
  })
}

const pn = (name: unknown): unknown => ({ process: { name } })

table('keyword (5.1)', [
  ['process.name:cmd.exe', pn('cmd.exe'), true],
  ['process.name:CMD.EXE', pn('cmd.exe'), false],
  ['process.name:"cmd.exe"', pn('cmd.exe'), true],
  ['process.name:cmd', pn('cmd.exe'), false],
  ['process.name:cmd*', pn('cmd.exe'), true],
  ['process.name:*.EXE', pn('cmd.exe'), false],
  ['process.name:c?d.exe', pn('cmd.exe'), false],
  ['process.name:c?d.exe', pn('c?d.exe'), true],
  ['process.name:"cmd*"', pn('cmd.exe'), false],
  ['process.name:"cmd*"', pn('cmd*'), true],
  ['process.name:cmd\\*', pn('cmd*'), true],
  ['process.name:*d e*', pn('cmd exe'), true],
  ['process.name:*d e*', pn('cmd'), false],
  ['process.name:John Smith', pn('John Smith'), true],
  ['process.name:John Smith', pn('John'), false],
  ['process.name:1', pn(1), true],
  ['process.name:true', pn(true), true],
  ['process.name:"true"', pn(true), true],
  ['process.name:x', pn(['a', 'x']), true],
  ['process.name:x', pn([]), false],
  ['process.name:x', pn(null), false],
  ['process.name > b', pn('c'), true],
  ['process.name > b', pn('a'), false],
  ['process.name < 10', pn('9'), false],
  ['process.name >= 9', pn('9'), true],
  ['process.name:*', pn(''), true],
  ['process.name:*', pn([null]), false],
  ['process.name:a*', pn('a'.repeat(1025)), false],
  ['process.name:*', pn('a'.repeat(1024)), true],
  ['process.name:*', pn('a'.repeat(1025)), false],
  ['process.name:\\t', pn(''), true],
])

table('wildcard type (5.3)', [
  ['process.command_line:foo bar', { process: { command_line: 'foo bar' } }, true],
  ['process.command_line:FOO bar', { process: { command_line: 'foo bar' } }, false],
  ['process.command_line:*foo bar*', { process: { command_line: 'bar.exe /c' } }, true],
  ['process.command_line:*foo bar*', { process: { command_line: 'xfoo' } }, true],
  ['process.command_line:*foo bar*', { process: { command_line: 'run foo bar now' } }, false],
  ['process.command_line:*foo*', { process: { command_line: 'a foo b' } }, true],
  ['process.command_line:*FOO*', { process: { command_line: 'a foo b' } }, false],
  ['process.command_line:"*foo bar*"', { process: { command_line: '*foo bar*' } }, true],
  ['process.command_line:"*foo bar*"', { process: { command_line: 'run foo bar now' } }, false],
  ['process.command_line:foo *', { process: { command_line: 'anything' } }, true],
])

table('text / match_only_text (5.4)', [
  ['message:null pointer', { message: 'pointer was null' }, true],
  ['message:"null pointer"', { message: 'pointer was null' }, false],
  ['message:"null pointer"', { message: 'a NULL Pointer here' }, true],
  ['message:NULL', { message: 'null' }, true],
  ['message:*foo-bar*', { message: 'x foo-bar y' }, false],
  ['message:FOO*', { message: 'food court' }, true],
  ['message:foo*', { message: 'a Food' }, true],
  ['message:*ood cou*', { message: 'food' }, true],
  ['message:"-"', { message: '-' }, false],
  ['message:"a b"', { message: ['x a', 'b y'] }, false],
  ['message:windows', { message: 'C:\\Windows\\System32\\cmd.exe' }, true],
  ['message:cmd.exe', { message: 'C:\\Windows\\System32\\cmd.exe' }, true],
  ['message:οσ', { message: 'ΟΣ' }, true],
  ['message:istanbul', { message: 'İSTANBUL' }, true],
  ['message:"ab cd"', { message: 'x AB-CD y' }, true],
  ['message:ab*', { message: ['zz', 'x ABC'] }, true],
  ['message:*bc', { message: 'x ABC' }, true],
  ['message:*bd', { message: 'x ABC' }, false],
  ['process.name.text:NOW', { process: { name: 'cmd.exe now' } }, true],
  ['process.name.text:CMD', { process: { name: 'cmd.exe now' } }, false],
  ['process.name.text:*', { process: { name: 'x' } }, true],
])

table('numbers (5.5)', [
  ['destination.port:443', { destination: { port: 443 } }, true],
  ['destination.port:443', { destination: { port: '443' } }, true],
  ['destination.port:"443"', { destination: { port: 443 } }, true],
  ['destination.port:443.5', { destination: { port: 443 } }, false],
  ['destination.port:0443', { destination: { port: 443 } }, true],
  ['destination.port > 400', { destination: { port: 443 } }, true],
  ['destination.port > 400.5', { destination: { port: 400 } }, false],
  ['destination.port <= 443', { destination: { port: [1000, 443] } }, true],
  ['destination.port:*', { destination: { port: 'abc' } }, false],
  ['x > 5 and x < 3', { x: [1, 10] }, true],
  ['ratio:0.5', { ratio: 0.5 }, true],
], { ratio: 'float', x: 'long' })

table('ip (5.6)', [
  ['source.ip:10.0.0.0/8', { source: { ip: '10.1.2.3' } }, true],
  ['source.ip:10.0.0.0/8', { source: { ip: '11.1.2.3' } }, false],
  ['source.ip:10.1.2.3', { source: { ip: '10.1.2.3' } }, true],
  ['source.ip:"::ffff:10.1.2.3"', { source: { ip: '10.1.2.3' } }, true],
  ['source.ip:"2001:db8::/32"', { source: { ip: '2001:db8:0:0::1' } }, true],
  ['source.ip:"2001:0db8::1"', { source: { ip: '2001:db8::1' } }, true],
  ['source.ip > 10.0.0.5', { source: { ip: '10.0.0.10' } }, true],
  ['source.ip < 10.0.0.5', { source: { ip: '9.255.0.1' } }, true],
  ['related.hosts:10.0.0.0/8', { related: { hosts: ['10.1.2.3'] } }, false],
])

table('date (5.7)', [
  ['@timestamp:"2024-05-01"', { '@timestamp': '2024-05-01T17:00:00Z' }, true],
  ['@timestamp:2024-05-01', { '@timestamp': '2024-05-02T00:00:00Z' }, false],
  ['@timestamp < "2024-05-01"', { '@timestamp': '2024-04-30T23:59:59Z' }, true],
  ['@timestamp < "2024-05-01"', { '@timestamp': '2024-05-01T00:00:00Z' }, false],
  ['@timestamp <= "2024-05-01"', { '@timestamp': '2024-05-01T23:59:59.999Z' }, true],
  ['@timestamp > "2024-05-01"', { '@timestamp': '2024-05-01T23:59:59.999Z' }, false],
  ['@timestamp >= "2024-05-01"', { '@timestamp': '2024-05-01T00:00:00Z' }, true],
  ['@timestamp > now-1d', { '@timestamp': '2024-05-02T00:00:00Z' }, true],
  ['@timestamp > now-9m', { '@timestamp': '2024-05-02T11:50:00Z' }, false],
  ['@timestamp >= now/d', { '@timestamp': '2024-05-02T00:00:00Z' }, true],
  ['@timestamp > now/d', { '@timestamp': '2024-05-02T12:00:00Z' }, false],
  ['@timestamp:1714582800000', { '@timestamp': '2024-05-01T17:00:00Z' }, true],
  ['@timestamp:1714582800000', { '@timestamp': 1714582800000 }, true],
  ['@timestamp:"2024-05-01T17:00:00+02:00"', { '@timestamp': '2024-05-01T15:00:00Z' }, true],
  ['@timestamp:*', { '@timestamp': 'not a date' }, false],
  ['@timestamp > "2024-05-01T00:00:00Z"', { '@timestamp': '2024-05-01T00:00:00.500Z' }, false],
  ['@timestamp:"2024-05-01T00:00:00Z"', { '@timestamp': '2024-05-01T00:00:00.500Z' }, true],
  ['@timestamp:"2024-05-01T00:00:00.000Z"', { '@timestamp': '2024-05-01T00:00:00.500Z' }, false],
])

table('boolean (5.8)', [
  ['process.code_signature.trusted:true', { process: { code_signature: { trusted: true } } }, true],
  ['process.code_signature.trusted:"true"', { process: { code_signature: { trusted: 'true' } } }, true],
  ['process.code_signature.trusted:false', { process: { code_signature: { trusted: true } } }, false],
  ['process.code_signature.trusted:false', { process: { code_signature: { trusted: 'false' } } }, true],
  ['not process.code_signature.trusted:true', { process: {} }, true],
])

table('constant_keyword with a mapped value (5.2)', [
  ['data_stream.dataset:gcp.audit', { x: 1 }, true],
  ['data_stream.dataset:GCP.audit', { x: 1 }, false],
  ['data_stream.dataset:gcp*', { x: 1 }, true],
  ['data_stream.dataset:*', { x: 1 }, true],
  ['not data_stream.dataset:gcp.audit', { data_stream: { dataset: 'other' } }, false],
], { 'data_stream.dataset': { type: 'constant_keyword', value: 'gcp.audit' } })

table('constant_keyword without a value: own value, else the first in the run', [
  ['data_stream.dataset:gcp.audit', { data_stream: { dataset: 'gcp.audit' } }, true],
  ['data_stream.dataset:gcp.audit', { data_stream: { dataset: 'okta.system' } }, false],
  ['data_stream.dataset:*', { x: 1 }, false],
])

table('nested (5.9)', [
  ['threat.enrichments:{ matched.atomic:a and indicator.ip:10.0.0.1 }', { threat: { enrichments: [{ matched: { atomic: 'a' }, indicator: { ip: '10.0.0.1' } }] } }, true],
  ['threat.enrichments:{ matched.atomic:a and indicator.ip:10.0.0.1 }', { threat: { enrichments: [{ matched: { atomic: 'a' } }, { indicator: { ip: '10.0.0.1' } }] } }, false],
  ['threat.enrichments:{ matched.atomic:a }', { threat: { enrichments: { matched: { atomic: 'a' } } } }, true],
  ['threat.enrichments:{ not matched.atomic:a }', { threat: { enrichments: [{ matched: { atomic: 'a' } }, {}] } }, true],
  ['threat.enrichments:{ not matched.atomic:a }', { threat: {} }, false],
  ['threat.*.atomic:a', { threat: { enrichments: [{ matched: { atomic: 'a' } }] } }, true],
])

table('field-less values (5.10)', [
  ['bob', { user: { name: 'bob' } }, true],
  ['bob', { user: { name: 'bobby' } }, false],
  ['bob', { message: 'hello Bob' }, true],
  ['"hello bob"', { message: 'hello Bob' }, true],
  ['"bob hello"', { message: 'hello Bob' }, false],
  ['bo*', { tags: ['x', 'bob'] }, true],
  ['443', { destination: { port: 443 } }, true],
  ['10.0.0.0/8', { source: { ip: '10.2.3.4' } }, true],
  ['abc', { destination: { port: 443 } }, false],
  ['2024-05-01', { '@timestamp': '2024-05-01T10:00:00Z' }, true],
  ['*', { a: 1 }, true],
  ['bob', { threat: { enrichments: [{ matched: { atomic: 'bob' } }] } }, false],
  ['threat.enrichments:{ bob }', { threat: { enrichments: [{ matched: { atomic: 'bob' } }] } }, true],
])

table('field name patterns', [
  ['process.name*:cmd.exe', pn('cmd.exe'), true],
  ['process.na*:CMD', pn('CMD'), true],
  ['process.name*:NOW', pn('cmd now'), true],
  ['proc*name:cmd.exe', pn('cmd.exe'), true],
  ['custom.*:x', { custom: { deep: { a: 'x' } } }, true],
  ['custom.*:*', { custom: { a: '' } }, true],
  ['nomatch.*:x', pn('x'), false],
])

table('exists and objects (8.18)', [
  ['user.name:*', { user: { name: '' } }, true],
  ['user.name:*', { user: { name: [] } }, false],
  ['user.name:*', { user: { name: null } }, false],
  ['labels:*', { labels: { env: 'prod' } }, true],
  ['labels:*', { labels: {} }, false],
  ['not user.name:*', { x: 1 }, true],
])

table('long value lists (one read, same answers as leaf by leaf)', [
  ['process.name:(a or b or c or d*)', pn('c'), true],
  ['process.name:(a or b or c or d*)', pn('dd'), true],
  ['process.name:(a or b or c or d*)', pn(['x', 'b']), true],
  ['process.name:(a or b or c or d*)', pn('C'), false],
  ['process.name:(a or b or c)', pn(7), false],
  ['process.name:(a or b or 7)', pn(7), true],
  ['process.name:(a or b or true)', pn(true), true],
  ['not process.name:(a or b or c)', pn('z'), true],
  ['not process.name:(a or b or c)', pn('b'), false],
  ['source.ip:(10.0.0.0/8 or 192.168.0.0/16 or "::1")', { source: { ip: '192.168.4.4' } }, true],
  ['source.ip:(10.0.0.0/8 or 192.168.0.0/16 or "::1")', { source: { ip: '::1' } }, true],
  ['source.ip:(10.0.0.0/8 or 192.168.0.0/16 or "::1")', { source: { ip: '8.8.8.8' } }, false],
  ['process.pid:(1 or 2 or 3)', { process: { pid: '2' } }, true],
])

table('date_nanos, version, flattened, scaled_float, alias', [
  ['dn:"2024-05-01T00:00:00.000000123Z"', { dn: '2024-05-01T00:00:00.000000123Z' }, true],
  ['dn:"2024-05-01T00:00:00.000000123Z"', { dn: '2024-05-01T00:00:00.000000124Z' }, false],
  ['dn:2024-05-01', { dn: '2024-05-01T23:59:59.999999999Z' }, true],
  // gt rounds a bound missing its fraction up to the last nanosecond of that second
  ['dn > "2024-05-01T00:00:00Z"', { dn: '2024-05-01T00:00:00.999999999Z' }, false],
  ['dn > "2024-05-01T00:00:00Z"', { dn: '2024-05-01T00:00:01Z' }, true],
  ['dn > "2024-05-01T00:00:00.000000000Z"', { dn: '2024-05-01T00:00:00.000000001Z' }, true],
  ['ver:1.2.3', { ver: '1.2.3' }, true],
  ['ver > 1.10.0', { ver: '1.9.0' }, false],
  ['ver > 1.2.0', { ver: '1.10.0' }, true],
  ['ver:1.*', { ver: '1.2.3' }, true],
  ['fl:x', { fl: { a: { b: 'x' } } }, true],
  ['fl:x', { fl: { a: 'y' } }, false],
  ['fl.a.b:x', { fl: { a: { b: 'x' } } }, true],
  ['fl:*', { fl: { a: 'y' } }, true],
  ['price:1.25', { price: 1.2499 }, true],
  ['price:1.3', { price: 1.2499 }, false],
  ['al:bob', { user: { name: 'bob' } }, true],
], {
  dn: 'date_nanos',
  ver: 'version',
  fl: 'flattened',
  price: { type: 'scaled_float', scaling_factor: 100 },
  al: { type: 'alias', path: 'user.name' },
})
