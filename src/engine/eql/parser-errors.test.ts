/**
 * Every rejection of the parser, pinned: code, the text its span covers, and the exact message
 * (Elasticsearch's wording where it has one). Each query here yields exactly one diagnostic.
 */
import { describe, expect, it } from 'vitest'
import { SYNTAX_CODE_LIST } from './codes-syntax'
import { parseEql } from './parser'

interface Row {
  readonly query: string
  readonly code: string
  readonly at: string
  readonly message: string
}

const EXPR_START = `{'false', 'not', 'null', 'true', '+', '-', '(', '?', STRING, INTEGER_VALUE, DECIMAL_VALUE, IDENTIFIER, QUOTED_IDENTIFIER, TILDE_IDENTIFIER}`

const ROWS: readonly Row[] = [
  // ------------------------------------------------------------ generic syntax, ANTLR wording
  {
    query: 'process where a < b < c',
    code: 'EQL1010',
    at: '<',
    message: `mismatched input '<' expecting {<EOF>, 'and', 'in', 'in~', 'like', 'like~', 'not', 'or', 'regex', 'regex~', ':', '+', '-', '*', '/', '%', '.', '[', '|'}`,
  },
  {
    query: 'process where x = 1',
    code: 'EQL1013',
    at: '=',
    message: `mismatched input '=' expecting {'in', 'in~', 'like', 'like~', 'not', 'regex', 'regex~', ':', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '.', '['}`,
  },
  {
    query: 'process where x == 1 )',
    code: 'EQL1012',
    at: ')',
    message: `extraneous input ')' expecting {<EOF>, 'and', 'in', 'in~', 'like', 'like~', 'not', 'or', 'regex', 'regex~', ':', '+', '-', '*', '/', '%', '|'}`,
  },
  {
    query: 'sequence [a where x y] [b where true]',
    code: 'EQL1012',
    at: 'y',
    message: `extraneous input 'y' expecting {'and', 'in', 'in~', 'like', 'like~', 'not', 'or', 'regex', 'regex~', ':', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '.', '[', ']'}`,
  },
  { query: 'process where x in ()', code: 'EQL1010', at: ')', message: `mismatched input ')' expecting ${EXPR_START}` },
  {
    query: 'process where x : field',
    code: 'EQL1010',
    at: 'field',
    message: `mismatched input 'field' expecting {'false', 'null', 'true', '(', STRING, INTEGER_VALUE, DECIMAL_VALUE}`,
  },
  {
    query: 'process where x like ("a", y)',
    code: 'EQL1010',
    at: 'y',
    message: `mismatched input 'y' expecting {'false', 'null', 'true', STRING, INTEGER_VALUE, DECIMAL_VALUE}`,
  },
  {
    query: 'process where event.sequence > 1',
    code: 'EQL1014',
    at: 'sequence',
    message: `mismatched input 'sequence' expecting {IDENTIFIER, QUOTED_IDENTIFIER}`,
  },
  {
    query: 'process where sequence == 1',
    code: 'EQL1014',
    at: 'sequence',
    message: `mismatched input 'sequence' expecting ${EXPR_START}`,
  },
  { query: 'process WHERE true', code: 'EQL1015', at: 'WHERE', message: `mismatched input 'WHERE' expecting 'where'` },
  {
    query: 'sequence [a where true]',
    code: 'EQL1010',
    at: '',
    message: `mismatched input '<EOF>' expecting {'by', 'with', '[', '!['}`,
  },
  { query: 'process where', code: 'EQL1010', at: '', message: `mismatched input '<EOF>' expecting ${EXPR_START}` },
  { query: 'process', code: 'EQL1010', at: '', message: `mismatched input '<EOF>' expecting 'where'` },
  { query: '`my cat` where true', code: 'EQL1011', at: '`my cat`', message: "no viable alternative at input '`my cat`'" },
  { query: '42 where true', code: 'EQL1011', at: '42', message: "no viable alternative at input '42'" },
  { query: 'process where x == 1 $', code: 'EQL1001', at: '$', message: "token recognition error at: '$'" },
  // ------------------------------------------------------------ strings
  { query: "process where x == 'a'", code: 'EQL1002', at: "'a'", message: `Use double quotes ["] to define string literals, not single quotes [']` },
  { query: 'process where x == ?"a"', code: 'EQL1003', at: '?"a"', message: 'Use triple double quotes ["""] to define unescaped string literals, not [?"]' },
  { query: String.raw`process where x == "\u{D}"`, code: 'EQL1004', at: String.raw`\u{D}`, message: String.raw`Unicode sequence should use [2-8] hex digits, [\u{D}] has [1]` },
  // ------------------------------------------------------------ unsupported syntax
  { query: 'process where x !: "a"', code: 'EQL1001', at: '!:', message: "token recognition error at: '!:'" },
  { query: 'process where x[0] == 1', code: 'EQL1020', at: '[0]', message: 'Array indexes are not supported' },
  { query: 'process where child of [file where true]', code: 'EQL1021', at: 'child of', message: 'Process relationships are not supported' },
  { query: 'process where descendant of [file where true]', code: 'EQL1021', at: 'descendant of', message: 'Process relationships are not supported' },
  { query: 'process where event of [file where true]', code: 'EQL1021', at: 'event of', message: 'Process relationships are not supported' },
  { query: 'join by k [a where true] [b where true]', code: 'EQL1022', at: 'join', message: 'JOIN command is not supported' },
  // ------------------------------------------------------------ pipes
  { query: 'process where true | count', code: 'EQL1023', at: '| count', message: 'Pipe [count] is not supported' },
  { query: 'process where true | filter x == 1', code: 'EQL1023', at: '| filter x == 1', message: 'Pipe [filter] is not supported' },
  { query: 'process where true | sort x', code: 'EQL1023', at: '| sort x', message: 'Pipe [sort] is not supported' },
  { query: 'process where true | unique x', code: 'EQL1023', at: '| unique x', message: 'Pipe [unique] is not supported' },
  { query: 'process where true | unique_count x', code: 'EQL1023', at: '| unique_count x', message: 'Pipe [unique_count] is not supported' },
  { query: 'process where true | heda 5', code: 'EQL1024', at: 'heda', message: 'Unrecognized pipe [heda], did you mean [head]?' },
  { query: 'process where true | uniq x', code: 'EQL1024', at: 'uniq', message: 'Unrecognized pipe [uniq], did you mean [unique]?' },
  { query: 'process where true | frobnicate', code: 'EQL1024', at: 'frobnicate', message: 'Unrecognized pipe [frobnicate]' },
  { query: 'process where true | head', code: 'EQL1025', at: '| head', message: 'Pipe [head] expects exactly one argument but found [0]' },
  { query: 'process where true | tail 1, 2', code: 'EQL1025', at: '| tail 1, 2', message: 'Pipe [tail] expects exactly one argument but found [2]' },
  { query: 'process where true | head x', code: 'EQL1026', at: 'x', message: 'Pipe [head] expects a positive integer but found [x]' },
  { query: 'process where true | head -1', code: 'EQL1026', at: '-1', message: 'Pipe [head] expects a positive integer but found [-1]' },
  { query: 'process where true | tail 1.5', code: 'EQL1026', at: '1.5', message: 'Pipe [tail] expects a positive integer but found [1.5]' },
  // ------------------------------------------------------------ sequences and samples
  { query: 'sequence with maxspan=0s [a where true] [b where true]', code: 'EQL1030', at: '0', message: 'A positive maxspan value is required; found [0]' },
  { query: 'sequence with maxspan=30 [a where true] [b where true]', code: 'EQL1031', at: '30', message: 'No time unit specified, did you mean [s] as in [30s]?' },
  { query: 'sequence with maxspan=1w [a where true] [b where true]', code: 'EQL1032', at: 'w', message: 'Unrecognized time unit [w] in [1w], please specify one of [ms, s, m, h, d]' },
  { query: 'sequence with maxspan=0.5s [a where true] [b where true]', code: 'EQL1033', at: '0.5', message: 'Decimal time interval [0.5] not supported; please use an positive integer' },
  { query: 'sequence with maxspan=1s by k [a where true] [b where true]', code: 'EQL1034', at: 'by k', message: 'Please specify sequence [by] before [with] not after' },
  { query: 'sequence by a [x where true] by b [y where true] by c, d', code: 'EQL1035', at: 'by c, d', message: 'Inconsistent number of join keys specified; expected [1] but found [2]' },
  { query: 'sequence [x where true] by b [y where true] by c until [z where true]', code: 'EQL1035', at: '[z where true]', message: 'Inconsistent number of join keys specified; expected [1] but found [0]' },
  { query: 'sequence [a where true] with runs=0 [b where true]', code: 'EQL1036', at: '0', message: 'A [runs] value between [1] and [100] is required; found [0]' },
  { query: 'sequence [a where true] with runs=101 [b where true]', code: 'EQL1036', at: '101', message: 'A [runs] value between [1] and [100] is required; found [101]' },
  { query: 'sequence [a where true] with rnus=2 [b where true]', code: 'EQL1037', at: 'rnus', message: 'Unrecognized parameter [rnus], did you mean [runs]?' },
  { query: 'sequence ![a where true] [b where true]', code: 'EQL1038', at: '![', message: 'A sequence with missing events ![...] requires [with maxspan]' },
  { query: 'sequence with maxspan=1s ![a where true] ![b where true]', code: 'EQL1039', at: 'sequence', message: 'A sequence requires at least one positive event query; found none' },
  { query: 'sample by x with maxspan=1s [a where true] [b where true]', code: 'EQL1040', at: 'with maxspan=1s', message: '[with maxspan] is not supported in samples' },
  { query: 'sample by x [a where true] with runs=2 [b where true]', code: 'EQL1040', at: 'with runs=2', message: '[with runs] is not supported in samples' },
  { query: 'sample by x [a where true] ![b where true]', code: 'EQL1040', at: '![', message: '[missing events] is not supported in samples' },
  { query: 'sample by x [a where true] [b where true] until [c where true]', code: 'EQL1040', at: 'until', message: '[until] is not supported in samples' },
  { query: 'sequence with maxspan=1s [a where true] [b where true] until ![c where true]', code: 'EQL1041', at: '![', message: 'An [until] stage cannot be a missing event' },
]

describe('parser rejections', () => {
  it.each(ROWS)('$query', (row) => {
    const { diagnostics } = parseEql(row.query)
    const got = diagnostics.map((d) => ({
      query: row.query,
      code: d.code,
      at: row.query.slice(d.span.start, d.span.end),
      message: d.message,
    }))
    expect(got).toEqual([row])
  })

  it('uses only registered codes, each with severity error', () => {
    const registered = new Map(SYNTAX_CODE_LIST.map((d) => [d.code, d.severity]))
    for (const row of ROWS) expect(registered.get(row.code)).toBe('error')
  })

  it('keeps syntax codes unique and in the EQL1xxx range', () => {
    const codes = SYNTAX_CODE_LIST.map((d) => d.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const c of codes) expect(c).toMatch(/^EQL1\d{3}$/)
  })
})

describe('nesting limit', () => {
  const TOO_DEEP = 'EQL1016'
  it.each([
    ['parentheses', 'process where ' + '('.repeat(5000) + 'a' + ')'.repeat(5000)],
    ['not', 'process where ' + 'not '.repeat(5000) + 'a'],
    ['unary minus', 'process where ' + '-'.repeat(5000) + 'a == 1'],
    ['calls', 'process where ' + 'f('.repeat(3000) + 'a' + ')'.repeat(3000)],
    ['a long or chain', 'process where ' + Array.from({ length: 3000 }, (_, i) => `a == ${i}`).join(' or ')],
  ])('reports %s nested too deeply instead of overflowing the stack', (_name, query) => {
    const { statement, diagnostics } = parseEql(query)
    expect(statement).toBeNull()
    expect(diagnostics.map((d) => d.code)).toEqual([TOO_DEEP])
    expect(diagnostics[0]?.message).toBe(
      `EQL statement is too large, causing stack overflow when generating the parsing tree: [${query}]`,
    )
  })

  it('accepts realistic depth: 50 nested parentheses and a 500-term or chain', () => {
    expect(parseEql('process where ' + '('.repeat(50) + 'a' + ')'.repeat(50)).diagnostics).toEqual([])
    const chain = Array.from({ length: 500 }, (_, i) => `a == ${i}`).join(' or ')
    expect(parseEql('process where ' + chain).diagnostics).toEqual([])
  })
})
