import { describe, expect, it } from 'vitest'
import { contextOf, filterOf } from './check-test-helpers'
import { compileFilter } from './compile-filter'

/**
 * Operator semantics at document level, table-driven over our own events. Each row: a condition and
 * the ids of the events it must match (in input order).
 */
const ctx = contextOf({
  'event.category': 'keyword',
  id: 'keyword',
  'process.name': 'keyword',
  'process.args': 'keyword',
  'process.parent.name': 'keyword',
  'process.pid': 'long',
  'process.title': { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 10 } } },
  'file.path': 'keyword',
  'file.size': 'float',
  'user.id': 'integer',
  '@timestamp': 'date',
  'source.ip': 'ip',
  'app.version': 'version',
  'flag': 'boolean',
  'tags': 'keyword',
})

const events = [
  { id: 'a', event: { category: 'process' }, process: { name: 'cmd.exe', pid: 10, args: ['/c', 'whoami'], parent: { name: 'explorer.exe' }, title: 'short' }, user: { id: 7 }, '@timestamp': '2024-01-01T00:00:00Z', source: { ip: '10.1.2.3' }, app: { version: '1.2.4-SNAPSHOT' }, flag: true, tags: ['x', 'y'] },
  { id: 'b', event: { category: ['process', 'network'] }, process: { name: 'CMD.EXE', pid: '11', title: 'much longer than ten' }, '@timestamp': 1704067201000, source: { ip: '192.168.0.1' }, app: { version: '1.10.0' }, flag: 'false' },
  { id: 'c', event: { category: 'process' }, 'process.name': 'cmd*', process: { pid: 21, parent: { name: 'launchd' } }, file: { path: 'C:\\Windows\\System32\\x.dll', size: 0.1 }, user: { id: 8 }, source: { ip: '::1' }, app: { version: 'bad' } },
  { id: 'd', event: { category: 'Process' }, process: { name: 'cmd.exe', pid: 10 } },
  { id: 'e', event: { category: 'process' }, process: { name: 'a1', args: ['LoginHook'] }, tags: [] },
]

// `now` for date math: one day after event b
const NOW = Date.parse('2024-01-02T00:00:00.500Z')

function ids(condition: string, category: string | null = 'process'): string[] {
  const f = compileFilter(filterOf(condition, category), { ...ctx, now: NOW })
  return events.filter((e) => f.test(e)).map((e) => e.id)
}

const TABLE: readonly (readonly [string, readonly string[]])[] = [
  // equality is exact and case-sensitive; `*` is literal in ==, in, in~
  ['process.name == "cmd.exe"', ['a']],
  ['process.name == "cmd*"', ['c']],
  ['process.name in~ ("CMD*")', ['c']],
  ['process.name in ("cmd.exe", "a1")', ['a', 'e']],
  ['process.name in~ ("cmd.exe")', ['a', 'b']],
  // `:` is case-insensitive with wildcards, like/like~ choose the case, ? is exactly one character
  ['process.name : "CMD.exe"', ['a', 'b']],
  ['process.name : "cmd*"', ['a', 'b', 'c']],
  ['process.name like "cmd*"', ['a', 'c']],
  ['process.name like~ "CMD*"', ['a', 'b', 'c']],
  ['process.name : ("nope", "a?")', ['e']],
  ['process.name : "a??"', []],
  ['file.path : "c:\\\\windows\\\\*"', ['c']],
  ['file.path : """C:\\Windows\\*.dll"""', ['c']],
  // regex: Lucene syntax, anchored, \d a digit class (Lucene 9+)
  ['process.name regex "a[0-9]"', ['e']],
  ['process.name regex "a"', []],
  ['process.name regex "a\\\\d"', ['e']],
  ['process.name regex~ "CMD\\\\.EXE"', ['a', 'b']],
  // missing fields: leaves are false, negations are complements
  ['process.parent.name == "explorer.exe"', ['a']],
  ['process.parent.name != "explorer.exe"', ['b', 'c', 'e']],
  ['not process.parent.name == "explorer.exe"', ['b', 'c', 'e']],
  ['process.parent.name not in ("explorer.exe", "launchd")', ['b', 'e']],
  ['process.parent.name == null', ['b', 'e']],
  ['process.parent.name != null', ['a', 'c']],
  ['null == process.parent.name', ['b', 'e']],
  ['process.pid >= 0', ['a', 'b', 'c']],
  ['not process.pid >= 0', ['e']],
  // multi-valued: any value; != is "no value equals"
  ['process.args == "whoami"', ['a']],
  ['process.args != "whoami"', ['b', 'c', 'e']],
  ['process.args : "*JAMF*" or process.args in ("LoginHook", "LogoutHook")', ['e']],
  ['tags == null', ['b', 'c', 'e']],
  // numbers: strings in long fields are coerced, constants are converted to the field's type
  ['process.pid == 11', ['b']],
  ['process.pid == "11"', ['b']],
  ['process.pid in (10, 21)', ['a', 'c']],
  ['process.pid < 11', ['a']],
  ['process.pid / 2 == 5', ['a', 'b']],
  ['process.pid / 2.0 == 5', ['a']],
  ['process.pid % 10 == 1', ['b', 'c']],
  ['-process.pid == -21', ['c']],
  ['user.id * 2 == 14', ['a']],
  ['file.size == 0.1', ['c']],
  ['process.name == 1', []],
  // integer fields compare with the constant's exact value (no truncation of 10.5 to 10)
  ['process.pid == 10.5', []],
  ['process.pid >= 10.5 and process.pid < 21.5', ['b', 'c']],
  ['process.pid in (10.5, 11)', ['b']],
  // text with a keyword sub-field compares through it (ignore_above 10)
  ['process.title == "short"', ['a']],
  ['process.title : "much*"', []],
  ['process.title < "zzzzzzzzzzzzzzz"', ['a']],
  ['process.title.keyword == "short"', ['a']],
  ['length(process.title.keyword) == 5', ['a']],
  // dates: strings parse with the field's format, numbers are epoch millis
  ['@timestamp == "2024-01-01T00:00:00Z"', ['a']],
  ['@timestamp > "2024-01-01T00:00:00Z"', ['b']],
  ['@timestamp == 1704067201000', ['b']],
  // a date without time is a range: the whole day (ES builds a range query from lower/upper bounds)
  ['@timestamp == "2024-01-01"', ['a', 'b']],
  ['@timestamp in ("2023-12-31", "2024-01-01")', ['a', 'b']],
  ['@timestamp < "2024-01-01"', []],
  ['@timestamp <= "2024-01-01"', ['a', 'b']],
  ['@timestamp > "2024-01-01T00:00:00"', ['b']],
  ['@timestamp >= "2024-01-01T00:00:00||+1s"', ['b']],
  ['@timestamp > "now-1d"', ['b']],
  // ips: addresses, and CIDR blocks in == and in
  ['source.ip == "10.1.2.3"', ['a']],
  ['source.ip == "10.0.0.0/8"', ['a']],
  ['source.ip in ("192.168.0.0/16", "::1")', ['b', 'c']],
  ['cidrMatch(source.ip, "10.0.0.0/8", "192.168.0.0/16")', ['a', 'b']],
  // ::1 sorts before every IPv4 address (IPv4 is ::ffff:a.b.c.d in the 16-byte space)
  ['source.ip > "10.0.0.0"', ['a', 'b']],
  // versions order semantically, invalid versions last
  ['app.version < "1.5.0"', ['a']],
  ['app.version > "1.9.0"', ['b', 'c']],
  // booleans, bare or compared; "false" strings are indexed as false
  ['flag', ['a']],
  ['flag == false', ['b']],
  ['not flag', ['b', 'c', 'e']],
  // constants fold
  ['true', ['a', 'b', 'c', 'e']],
  ['false', []],
  ['1 + 1 == 2 and process.pid == 10', ['a']],
  ['?nope == null', ['a', 'b', 'c', 'e']],
  ['?nope != null', []],
  // a condition used as a value is three-valued (null when its operand is missing), as in a script
  ['null == (process.pid > 5)', ['e']],
  ['null == (-1 < process.pid)', ['e']],
  ['(process.pid > 10) == false', ['a']],
  ['string(process.pid > 10) == "true"', ['b', 'c']],
  ['null == (process.pid > 5 or process.name == "a1")', []],
  // null-folding of optional unmapped fields and null constants (FoldNull / ReplaceNullChecks)
  ['?nope == "a"', []],
  ['?nope != "a"', ['a', 'b', 'c', 'e']],
  ['?nope : "a"', []],
  ['not ?nope : "a"', []],
  ['?nope not in ("a")', []],
  ['not ?nope in ("a")', []],
  ['not ?nope', []],
  ['not process.pid < null', []],
  ['not (?nope : "a" and process.pid == 10)', ['b', 'c', 'e']],
  ['not (?nope : "a" or process.pid == 10)', []],
  ['?nope : "a" or process.pid == 10', ['a']],
  // functions on fields, per value
  ['startsWith(process.name, "cmd")', ['a', 'c']],
  ['startsWith~(process.name, "cmd")', ['a', 'b', 'c']],
  ['endsWith(process.name, ".exe")', ['a']],
  ['stringContains(process.args, "hoa")', ['a']],
  ['length(process.name) == 2', ['e']],
  ['indexOf(process.name, ".") == 3', ['a', 'b']],
  ['indexOf~(process.name, "X") == null', ['c', 'e']],
  ['concat(process.name, process.parent.name) == null', ['b', 'e']],
  ['concat(process.name, ":", process.pid) == "cmd.exe:10"', ['a']],
  ['substring(process.name, -4) : ".EXE"', ['a', 'b']],
  ['between(process.name, "c", ".") == "md"', ['a']],
  ['string(process.pid) : "1?"', ['a', 'b']],
  ['number(string(process.pid), 16) == 16', ['a']],
  ['add(process.pid, user.id) == 17', ['a']],
  ['modulo(process.pid, 4) == 1', ['c']],
]

describe('compileFilter: date_nanos', () => {
  it('keeps nanoseconds of instants and widens partial dates to ranges', () => {
    const c = { ...contextOf({ 'event.category': 'keyword', ts: 'date_nanos' }), now: 0 }
    const evs = [{ event: { category: 'p' }, ts: '2024-01-01T00:00:00.000000001Z' }, { event: { category: 'p' }, ts: '2024-01-01T00:00:00Z' }]
    const run = (cond: string): number[] => {
      const f = compileFilter(filterOf(cond, 'p'), c)
      return evs.flatMap((e, i) => (f.test(e) ? [i] : []))
    }
    expect(run('ts == "2024-01-01T00:00:00.000000001Z"')).toEqual([0])
    expect(run('ts > "2024-01-01T00:00:00.000Z"')).toEqual([0])
    // an upper bound without a fraction rounds up to the end of that second, as ES's roundUp parser does
    expect(run('ts > "2024-01-01T00:00:00Z"')).toEqual([])
    expect(run('ts == "2024-01-01T00:00:00Z"')).toEqual([0, 1])
    expect(run('ts == "2024-01-01"')).toEqual([0, 1])
    expect(run('ts < "now+1y"')).toEqual([]) // now is 1970 here
  })
})

describe('compileFilter: null_value', () => {
  it('reads an explicit null as the mapping null_value, an absent key as no value', () => {
    const c = contextOf({ 'event.category': 'keyword', opt: { type: 'keyword', null_value: 'NULL' } })
    const evs = [{ event: { category: 'p' }, opt: null }, { event: { category: 'p' } }, { event: { category: 'p' }, opt: 'x' }]
    const run = (cond: string): number[] => {
      const f = compileFilter(filterOf(cond, 'p'), c)
      return evs.flatMap((e, i) => (f.test(e) ? [i] : []))
    }
    expect(run('opt == null')).toEqual([1])
    expect(run('opt == "NULL"')).toEqual([0])
  })
})

describe('compileFilter: document-level operator semantics', () => {
  it.each(TABLE)('process where %s', (condition, expected) => {
    expect(ids(condition)).toEqual(expected)
  })

  it('tests the category exactly, case-sensitively, any element of an array', () => {
    expect(ids('true', 'process')).toEqual(['a', 'b', 'c', 'e'])
    expect(ids('true', 'network')).toEqual(['b'])
    expect(ids('true', 'Process')).toEqual(['d'])
    expect(ids('true', null)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(ids('process.pid == 10', null)).toEqual(['a', 'd'])
  })

  it('reports the leaves that contributed, with their spans', () => {
    const text = 'process.name == "cmd.exe" and (process.pid == 1 or process.pid == 10) and not process.parent.name == "x"'
    const f = compileFilter(filterOf(text), ctx)
    const hits = f.hits(events[0])
    expect(hits.map((h) => [h.field, text.slice(h.span.start, h.span.end)])).toEqual([
      ['event.category', ''],
      ['process.name', 'process.name == "cmd.exe"'],
      ['process.pid', 'process.pid == 10'],
      ['process.parent.name', 'not process.parent.name == "x"'],
    ])
    expect(f.hits(events[1])).toEqual([])
  })
})
