import { describe, expect, it } from 'vitest'
import type { Statement } from './ast'
import { formatEql, parseEql } from './parser'
import { stripSpans } from './parse-test-helpers'
import { printEql, quoteString } from './print'

function parsed(text: string): Statement {
  const { statement, diagnostics } = parseEql(text)
  expect(diagnostics).toEqual([])
  if (statement === null) throw new Error('no statement')
  return statement
}

describe('canonical printing', () => {
  it.each([
    ['process   where  a==1 and\n  b', 'process where a == 1 and b'],
    ['process where (a or b) and c', 'process where (a or b) and c'],
    ['process where a or (b and c)', 'process where a or b and c'],
    ['process where a or (b or c)', 'process where a or (b or c)'],
    ['process where (a - b) - c', 'process where a - b - c'],
    ['process where a - (b - c)', 'process where a - (b - c)'],
    ['process where (a + b) * c', 'process where (a + b) * c'],
    ['process where not (a and b)', 'process where not (a and b)'],
    ['process where (not a) == b', 'process where (not a) == b'],
    ['process where - (-a)', 'process where - -a'],
    ['process where -(a + 1) < 0', 'process where -(a + 1) < 0'],
    ['process where (a + b) in (1,2)', 'process where (a + b) in (1, 2)'],
    ['process where x not in~ ( "a" , "b" )', 'process where x not in~ ("a", "b")'],
    ['process where x:("a")', 'process where x : ("a")'],
    ['process where x like~ """C:\\x*"""', 'process where x like~ """C:\\x*"""'],
    ['process where ?`a b`.c.`sequence` == `x``y`', 'process where ?`a b`.c.`sequence` == `x``y`'],
    ['process where startsWith~(a,"b") and length(c)>1', 'process where startsWith~(a, "b") and length(c) > 1'],
    ['"my cat" where true', '"my cat" where true'],
    ['"""plain""" where true', '"plain" where true'],
    ['process where true|head 5|tail 2', 'process where true | head 5 | tail 2'],
    ['any where 1.50 == 1.5e0', 'any where 1.50 == 1.5e0'],
  ])('%s', (input, expected) => {
    expect(printEql(parsed(input))).toBe(expected)
  })

  it('puts each sequence stage on its own line', () => {
    const text =
      'sequence by host.id with maxspan=5m [process where a] by p with runs=2 ![file where b] by f until [process where c] by q | head 3'
    expect(printEql(parsed(text))).toBe(
      [
        'sequence by host.id with maxspan=5m',
        '  [process where a] by p with runs=2',
        '  ![file where b] by f',
        'until [process where c] by q',
        '| head 3',
      ].join('\n'),
    )
  })

  it('prints samples like sequences', () => {
    expect(printEql(parsed('sample by h [a where x] [b where y]'))).toBe('sample by h\n  [a where x]\n  [b where y]')
  })

  it('quotes strings with the escapes the lexer reads back', () => {
    const value = 'a"b\\c\n\t\u0001é'
    const printed = quoteString(value)
    expect(printed).toBe('"a\\"b\\\\c\\n\\t\\u{01}é"')
    const s = parsed(`${printed} where true`)
    expect(s.query.type === 'EventQuery' && s.query.filter.category.name).toBe(value)
  })
})

describe('round trip: parse -> print -> parse gives the same tree', () => {
  it.each([
    'process where a + b in (1, 2) and not x == 1 or y : ("a*", "b")',
    'process where not not a and -(-b) > +c % 2',
    'process where (a < b) == false',
    'process where f(g(h(1)), "x", ?y.z, `w w`) regex~ """^a.*"""',
    'any where x in (1, 2.5, "s", true, null, a.b, f(c), 1 + 2, not d)',
    'network where (a or b) and (c or d) and not (e or f)',
    'sequence by a, b with maxspan=10s [a where true] by c [b where x like "y"] by d until [c where z] by e | tail 10',
    'sequence with maxspan=2h ![a where true] [b where true] with runs=3 ![c where true]',
    'sample by x, y [a where true] by z [b where true] by w',
    'sequence by user.id [authentication where event.outcome == "failure"] with runs=5',
    '"""x-y""" where "a" : """b\\c""" and "\\u{1F600}" == x',
    'process where a * (b + c) / (d - e) % f',
    'process where (a : "x") == true',
  ])('%s', (text) => {
    const first = parsed(text)
    const second = parsed(printEql(first))
    expect(stripSpans(second)).toEqual(stripSpans(first))
  })
})

describe('formatEql', () => {
  it('formats a valid query', () => {
    expect(formatEql('process  where a==1')).toEqual({ formatted: 'process where a == 1', reason: null })
  })

  it('refuses to format a query with errors, or with comments it would drop', () => {
    expect(formatEql('process where a = 1')).toEqual({ formatted: null, reason: 'errors' })
    expect(formatEql('process where a == 1 // why')).toEqual({ formatted: null, reason: 'comments' })
  })
})
