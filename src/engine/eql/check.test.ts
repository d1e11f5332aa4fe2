import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../diagnostics/diagnostic'
import { checkEql } from './check'
import { schemaOf } from './check-test-helpers'
import { CHECK_CODE_LIST } from './codes-check'
import { parseEql } from './parser'
import { eqlSettings } from './settings'

/** Checker errors and warnings: code, the text the span covers, and Elasticsearch's wording. */
const schema = schemaOf({
  'event.category': 'keyword',
  'process.name': 'keyword',
  'process.pid': 'long',
  'process.args': 'keyword',
  md5: 'keyword',
  pid: 'long',
  ppid: 'long',
  hostname: 'text',
  'host.name': { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 8 } } },
  'source.ip': 'ip',
  '@timestamp': 'date',
  location: 'geo_point',
  processes: { type: 'nested', properties: { name: { type: 'keyword' } } },
  'event.original': { type: 'keyword', index: false, doc_values: false },
  'user.name': 'keyword',
  flag: 'boolean',
})
const settings = eqlSettings()

function check(query: string, s = schema): Diagnostic[] {
  const parsed = parseEql(query)
  expect(parsed.diagnostics).toEqual([])
  if (parsed.statement === null) throw new Error('no statement')
  return checkEql(parsed.statement, s, settings, query)
}

/** [query, code, text under the span, message] for the first diagnostic */
const CASES: readonly (readonly [string, string, string, string])[] = [
  ['process where md4 == "x"', 'EQL2001', 'md4', 'Unknown column [md4], did you mean [md5]?'],
  ['process where pidd == 1', 'EQL2001', 'pidd', 'Unknown column [pidd], did you mean any of [pid, ppid]?'],
  ['process where arrayContains(process.args, "a")', 'EQL2002', 'arrayContains', 'Unknown function [arrayContains], did you mean [stringcontains]?'],
  ['process where safe(pid)', 'EQL2002', 'safe', 'Unknown function [safe]'],
  ['process where between(process.name, "a")', 'EQL2003', 'between(process.name, "a")', 'error building [between]: expects three or four arguments'],
  ['process where stringContains(process.name) == true', 'EQL2003', 'stringContains(process.name)', 'error building [stringcontains]: expects exactly two arguments'],
  ['process where cidrMatch(source.ip)', 'EQL2003', 'cidrMatch(source.ip)', 'error building [cidrmatch]: expects at least two arguments'],
  ['process where length~(process.name) > 1', 'EQL2005', 'length~', 'Unused parameters [true] detected when building [length]'],
  ['process where startsWith(pid, "1")', 'EQL2004', 'pid', 'first argument of [startsWith(pid, "1")] must be [string], found value [pid] type [long]'],
  ['process where number(pid) == 1', 'EQL2004', 'pid', 'first argument of [number(pid)] must be [string], found value [pid] type [long]'],
  ['process where cidrMatch(hostname, "10.0.0.0/8")', 'EQL2004', 'hostname', 'first argument of [cidrMatch(hostname, "10.0.0.0/8")] must be [ip], found value [hostname] type [text]'],
  ['process where cidrMatch(source.ip, process.name)', 'EQL2006', 'process.name', 'second argument of [cidrMatch(source.ip, process.name)] must be a constant, received [process.name]'],
  ['process where between(process.name, "a", "b", flag) == "x"', 'EQL2006', 'flag', 'fourth argument of [between(process.name, "a", "b", flag)] must be a constant, received [flag]'],
  ['process where number(process.name, pid) == 1', 'EQL2006', 'pid', 'second argument of [number(process.name, pid)] must be a constant, received [pid]'],
  ['process where process.name == process.args', 'EQL2007', 'process.args', 'Comparisons against fields are not (currently) supported; offender [process.args] in [==]'],
  ['process where length(process.name) == length(process.args)', 'EQL2007', 'length(process.args)', 'Comparisons against fields are not (currently) supported; offender [length(process.args)] in [==]'],
  ['process where process.name in (process.args, "SYSTEM")', 'EQL2007', 'process.args', 'Comparisons against fields are not (currently) supported; offender [process.args] in [process.name in (process.args, "SYSTEM")]'],
  ['process where pid : 1', 'EQL2004', 'pid', 'first argument of [pid : 1] must be [string], found value [pid] type [long]; consider using [==] instead'],
  ['process where pid like "1*"', 'EQL2004', 'pid', 'first argument of [pid like "1*"] must be [string], found value [pid] type [long]'],
  ['process where pid in~ (1, 2)', 'EQL2004', 'pid', 'first argument of [pid in~ (1, 2)] must be [string], found value [pid] type [long]'],
  ['process where pid in (1, "string")', 'EQL2004', '"string"', '2nd argument of [pid in (1, "string")] must be [long], found value ["string"] type [keyword]'],
  ['process where hostname == "a"', 'EQL2008', 'hostname', '[hostname == "a"] cannot operate on first argument field of data type [text]: No keyword/multi-field defined exact matches for [hostname]; define one or use MATCH/QUERY instead'],
  ['process where location == "x"', 'EQL2009', 'location', 'Cannot use field [location] with unsupported type [geo_point]'],
  ['process where processes == "x"', 'EQL2010', 'processes', 'Cannot use field [processes] type [nested] due to nested fields not being supported yet'],
  ['process where processes.name == "x"', 'EQL2019', 'processes.name', 'Cannot use field [processes.name] with unsupported nested type in hierarchy (field [processes])'],
  ['process where event.original : "*x*"', 'EQL2020', 'event.original', 'Cannot search on field [event.original] since it is not indexed.'],
  ['process where process.name', 'EQL2011', 'process.name', 'Condition expression needs to be boolean, found [keyword]'],
  ['process where pid + 1', 'EQL2011', 'pid + 1', 'Condition expression needs to be boolean, found [long]'],
  ['process where process.name regex "a[b"', 'EQL2014', '"a[b"', "Invalid regular expression [a[b]: expected ']' at position 3"],
  ['process where pid == "abc"', 'EQL2015', '"abc"', 'Cannot compare field [pid] of type [long] with ["abc"]: For input string: "abc"'],
  ['process where pid == 1 / 0', 'EQL2016', '1 / 0', 'Cannot evaluate [1 / 0]: / by zero'],
  ['process where @timestamp > "yesterday"', 'EQL2015', '"yesterday"', 'Cannot compare field [@timestamp] of type [date] with ["yesterday"]: failed to parse date field [yesterday] with format [strict_date_optional_time||epoch_millis]'],
  ['process where pid / 0 == 1', 'EQL2016', '0', 'Cannot evaluate [pid / 0]: / by zero'],
  ['process where modulo(pid, 0) == 1', 'EQL2016', '0', 'Cannot evaluate [modulo(pid, 0)]: / by zero'],
  ['process where pid == 2147483647 + 1', 'EQL2016', '2147483647 + 1', 'Cannot evaluate [2147483647 + 1]: integer overflow'],
  ['process where cidrMatch(source.ip, "10.0.0.0/99")', 'EQL2018', '"10.0.0.0/99"', 'Cannot evaluate [cidrMatch(source.ip, "10.0.0.0/99")]: Expected a CIDR block but found [10.0.0.0/99]: invalid prefix length'],
  ['process where process.name and true', 'EQL2004', 'process.name', 'first argument of [process.name and true] must be [boolean], found value [process.name] type [keyword]'],
  ['process where not pid', 'EQL2004', 'pid', 'first argument of [not pid] must be [boolean], found value [pid] type [long]'],
  ['process where -process.name == 1', 'EQL2004', 'process.name', 'first argument of [-process.name] must be [numeric], found value [process.name] type [keyword]'],
  ['sequence [process where true] by pid [process where true] by process.name', 'EQL2013', 'process.name', 'Sequence key [process.name] type [keyword] is incompatible with key [pid] type [long]'],
  // warnings
  ['process where process.name == "cmd*"', 'EQL2102', '"cmd*"', '`==` does not expand wildcards; [cmd*] matches only that exact text. Use `:` or `like` for a wildcard match'],
  ['process where process.name in ("a*", "b")', 'EQL2102', '"a*"', '`in` does not expand wildcards; [a*] matches only that exact text. Use `:` or `like` for a wildcard match'],
  ['process where host.name == "much too long"', 'EQL2104', '"much too long"', '["much too long"] is longer than ignore_above (8) of field [host.name]; such values are not indexed and never match'],
  ['process where stringContains(process.name, process.name)', 'EQL2101', 'stringContains(process.name, process.name)', 'Field [process.name] is compared with itself; the condition does not depend on its value'],
  ['process where not ?nope : "a"', 'EQL2103', '?nope : "a"', '[?nope : "a"] is always null, so neither it nor its negation matches any event'],
  ['process where ?nope not in ("a", "b")', 'EQL2103', '?nope not in ("a", "b")', '[?nope not in ("a", "b")] is always null, so neither it nor its negation matches any event'],
  ['process where ?nope >= 1', 'EQL2103', '?nope >= 1', '[?nope >= 1] is always null, so neither it nor its negation matches any event'],
  ['process where pid < null', 'EQL2103', 'pid < null', '[pid < null] is always null, so neither it nor its negation matches any event'],
]

describe('checkEql', () => {
  it.each(CASES)('%s -> %s', (query, code, spanText, message) => {
    const [first] = check(query)
    expect(first).toBeDefined()
    expect(first?.code).toBe(code)
    expect(first?.message).toBe(message)
    expect(query.slice(first?.span.start, first?.span.end)).toBe(spanText)
  })

  it.each([
    'process where process.name == "cmd.exe" and process.pid > 4',
    'process where ?nope == null',
    'process where ?nope',
    'process where flag',
    'process where modulo(11, 10) == pid',
    'process where stringContains("ABCexplorer.exe", process.name)',
    'process where host.name == "web"',
    'process where source.ip == "10.0.0.0/8" and source.ip in ("10.0.0.1", "::1")',
    'process where @timestamp > "2024-01-01" and @timestamp < 1704067201000',
    'process where CONCAT(process.name, pid) : "*1"',
    'sequence by process.name [process where true] by pid [process where true] by ppid',
    'sequence [process where true] by event.original [process where true] by event.original',
    'process where host.name.keyword == "web"',
    'any where true',
  ])('accepts %s', (query) => {
    expect(check(query).filter((d) => d.severity === 'error')).toEqual([])
  })

  it('requires the event category field to be mapped, except for `any`', () => {
    const bare = schemaOf({ pid: 'long' })
    const [d] = check('process where pid == 1', bare)
    expect(d?.code).toBe('EQL2001')
    expect(d?.message).toBe('Unknown column [event.category]')
    expect(check('any where pid == 1', bare)).toEqual([])
  })

  it('keeps check codes unique and in the EQL2xxx range', () => {
    const codes = CHECK_CODE_LIST.map((c) => c.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const c of codes) expect(c).toMatch(/^EQL2\d{3}$/)
  })
})
