import { describe, expect, it } from 'vitest'
import type { Expr } from './ast'
import { parseEql } from './parser'
import { shape } from './parse-test-helpers'

const PREFIX = 'any where '

/** The condition of `any where <expr>`, asserting it parsed without diagnostics. */
function cond(expr: string): Expr {
  const { statement, diagnostics } = parseEql(PREFIX + expr)
  expect(diagnostics).toEqual([])
  if (statement?.query.type !== 'EventQuery') throw new Error('not an event query')
  return statement.query.filter.condition
}

/** Text of a span relative to the expression. */
function at(expr: string, s: { start: number; end: number }): string {
  return (PREFIX + expr).slice(s.start, s.end)
}

describe('expression precedence (Elasticsearch EqlBase)', () => {
  it.each([
    ['a or b and c', '(or a (and b c))'],
    ['a and b or c', '(or (and a b) c)'],
    ['a or b or c', '(or (or a b) c)'],
    ['not a and b', '(and (not a) b)'],
    ['not x == 1', '(not (== x 1))'],
    ['not not a', '(not (not a))'],
    ['a + b * c == d - e', '(== (+ a (* b c)) (- d e))'],
    ['a - b - c', '(- (- a b) c)'],
    ['a / b % c', '(% (/ a b) c)'],
    ['-a * b', '(* (-u a) b)'],
    ['- -a', '(-u (-u a))'],
    ['+a', '(+u a)'],
    ['a + b in (1, 2)', '(+ a (in b 1 2))'],
    ['-a in (1)', '(-u (in a 1))'],
    ['(a + b) in (1, 2)', '(in (+ a b) 1 2)'],
    ['a : "x" and b like~ ("y", "z")', '(and (: a "x") (like~ b ["y" "z"]))'],
    ['(a or b) and c', '(and (or a b) c)'],
    ['a <= 1 or a >= 2 and a != 3', '(or (<= a 1) (and (>= a 2) (!= a 3)))'],
  ])('%s', (text, expected) => {
    expect(shape(cond(text))).toBe(expected)
  })
})

describe('predicates', () => {
  it.each([
    ['x in ("a", "b")', '(in x "a" "b")'],
    ['x in~ ("a")', '(in~ x "a")'],
    ['x not in (1, 2)', '(not-in x 1 2)'],
    ['x not in~ ("A")', '(not-in~ x "A")'],
    ['x in (y, f(z), 1 + 2)', '(in x y f(z) (+ 1 2))'],
    ['x : "a*"', '(: x "a*")'],
    ['x : ("a", "b")', '(: x ["a" "b"])'],
    ['x like "a"', '(like x "a")'],
    ['x like~ "a"', '(like~ x "a")'],
    ['x regex """a.*"""', '(regex x """a.*""")'],
    ['x regex~ ("a", "b")', '(regex~ x ["a" "b"])'],
    ['x : null', '(: x null)'],
    ['x : 5', '(: x 5)'],
  ])('%s', (text, expected) => {
    expect(shape(cond(text))).toBe(expected)
  })

  it('records the list form and the operator spans', () => {
    const e = cond('x not in~ ("a")')
    if (e.type !== 'In') throw new Error(e.type)
    expect([e.negated, e.caseInsensitive, at('x not in~ ("a")', e.opSpan), at('x not in~ ("a")', e.span)]).toEqual([
      true,
      true,
      'not in~',
      'x not in~ ("a")',
    ])
    const m = cond('x : ("a")')
    if (m.type !== 'Match') throw new Error(m.type)
    expect([m.list, at('x : ("a")', m.opSpan), m.patterns.length]).toEqual([true, ':', 1])
  })
})

describe('primaries', () => {
  it('reads literals with their kinds, values and raw text', () => {
    const lits = ['5', '2147483647', '2147483648', '8589934592', '9223372036854775808', '1.5', '5e14', '"a\\tb"', '"""x\\y"""', 'true', 'false', 'null']
    const got = lits.map((l) => {
      const e = cond(`f(${l})`)
      if (e.type !== 'Call' || e.args[0]?.type !== 'Literal') throw new Error('not a literal')
      return [e.args[0].kind, e.args[0].value, e.args[0].raw]
    })
    expect(got).toEqual([
      ['integer', 5, '5'],
      ['integer', 2147483647, '2147483647'],
      ['long', 2147483648, '2147483648'],
      ['long', 8589934592, '8589934592'],
      ['double', 9223372036854775808, '9223372036854775808'],
      ['double', 1.5, '1.5'],
      ['double', 5e14, '5e14'],
      ['string', 'a\tb', '"a\\tb"'],
      ['string', 'x\\y', '"""x\\y"""'],
      ['boolean', true, 'true'],
      ['boolean', false, 'false'],
      ['null', null, 'null'],
    ])
  })

  it('reads field paths: dotted, back-quoted, optional, @-prefixed', () => {
    const e = cond('?`a b`.`c.d`.@timestamp == `x``y`')
    if (e.type !== 'Compare' || e.left.type !== 'Field' || e.right.type !== 'Field') throw new Error('shape')
    expect(e.left).toMatchObject({ path: 'a b.c.d.@timestamp', segments: ['a b', 'c.d', '@timestamp'], optional: true })
    expect(at('?`a b`.`c.d`.@timestamp == `x``y`', e.left.span)).toBe('?`a b`.`c.d`.@timestamp')
    expect(e.right).toMatchObject({ path: 'x`y', optional: false })
  })

  it('reads a keyword segment written in back-quotes', () => {
    const e = cond('event.`sequence` > 1')
    if (e.type !== 'Compare' || e.left.type !== 'Field') throw new Error('shape')
    expect(e.left.segments).toEqual(['event', 'sequence'])
  })

  it('reads function calls, with ~ and without arguments', () => {
    const text = 'startsWith~(process.name, "cmd") and length() == 0 and CONCAT(a, b, c) : "x"'
    expect(shape(cond(text))).toBe(
      '(and (and startsWith~(process.name "cmd") (== length() 0)) (: CONCAT(a b c) "x"))',
    )
    const e = cond('startsWith~(a, "b")')
    if (e.type !== 'Call') throw new Error(e.type)
    expect([e.name, e.caseInsensitive, at('startsWith~(a, "b")', e.nameSpan), at('startsWith~(a, "b")', e.span)]).toEqual([
      'startsWith',
      true,
      'startsWith~',
      'startsWith~(a, "b")',
    ])
  })

  it('gives binary nodes the span from the left operand to the right one', () => {
    const text = 'a.b + 1 == c and not d'
    const e = cond(text)
    if (e.type !== 'Logical' || e.left.type !== 'Compare' || e.right.type !== 'Not') throw new Error('shape')
    expect([at(text, e.span), at(text, e.opSpan), at(text, e.left.span), at(text, e.left.opSpan), at(text, e.right.span)]).toEqual([
      text,
      'and',
      'a.b + 1 == c',
      '==',
      'not d',
    ])
  })

  it('ignores parentheses and comments inside expressions', () => {
    expect(shape(cond('((a)) /* c */ == // line\n (1)'))).toBe('(== a 1)')
  })
})
