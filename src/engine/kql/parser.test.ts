import { describe, expect, it } from 'vitest'
import type { IsNode, KqlNode, NotNode, OrNode } from './ast'
import { parseKql } from './parser'
import { shape } from './parse-test-helpers'

/** Parses text that must have no diagnostics at all. */
function parsed(text: string): KqlNode {
  const { query, diagnostics } = parseKql(text)
  expect(diagnostics).toEqual([])
  if (query === null) throw new Error(`no query for ${text}`)
  return query
}

function shapeOf(text: string): string {
  return shape(parsed(text))
}

describe('structure and precedence', () => {
  it.each([
    ['a:b', "(is a 'b')"],
    ['a or b or c', "(or (is _ 'a') (is _ 'b') (is _ 'c'))"],
    ['foo or bar and baz or qux', "(or (is _ 'foo') (and (is _ 'bar') (is _ 'baz')) (is _ 'qux'))"],
    ['(a or b) or c', "(or (or (is _ 'a') (is _ 'b')) (is _ 'c'))"],
    ['a and (b and c)', "(and (is _ 'a') (and (is _ 'b') (is _ 'c')))"],
    ['not a:b and c:d', "(and (not (is a 'b')) (is c 'd'))"],
    ['not (not a:b)', "(not (not (is a 'b')))"],
    ['not (a:b or c:d)', "(not (or (is a 'b') (is c 'd')))"],
    ['a:b AnD c:d Or NoT e:f', "(or (and (is a 'b') (is c 'd')) (not (is e 'f')))"],
    ['a:b OR c:d', "(or (is a 'b') (is c 'd'))"],
    ['NOTa:b', "(is NOTa 'b')"],
    ['not:foo', "(is not 'foo')"],
    ['and:x or or:y', "(or (is and 'x') (is or 'y'))"],
    ['a:b or', "(is a 'b or')"],
    ['a:band c', "(is a 'band c')"],
    ['a:orange', "(is a 'orange')"],
    ['a:b or or', "(or (is a 'b') (is _ 'or'))"],
    ['f:"x" or "y"', '(or (is f "x") (is _ "y"))'],
    ['f:x or y', "(or (is f 'x') (is _ 'y'))"],
    ['foo bar', "(is _ 'foo bar')"],
    ['a : b', "(is a 'b')"],
    ['a<=5', "(lte a '5')"],
    ['a >= 5', "(gte a '5')"],
    ['a>5', "(gt a '5')"],
    ['a <  "5"', '(lt a "5")'],
    ['@timestamp < now-1d', "(lt @timestamp 'now-1d')"],
    ['a > b*', "(gt a w'b*')"],
    ['a:b\u00a0and\u00a0c:d', "(and (is a 'b') (is c 'd'))"],
    ['\n\ta:b\r\n  or\tc:d  \n', "(or (is a 'b') (is c 'd'))"],
    ['( a:b )', "(is a 'b')"],
    ['((a:b))', "(is a 'b')"],
  ])('%s', (text, expected) => {
    expect(shapeOf(text)).toBe(expected)
  })
})

describe('match all', () => {
  it.each([
    ['', '(all)'],
    ['   \n\t\u00a0', '(all)'],
    ['*:*', '(all*)'],
    [' *:* ', '(all*)'],
    ['*:(*)', '(all^*)'],
    ['not *:*', '(not (all*))'],
    ['a:{ *:* }', '(nested a (all*))'],
    ['"*":*', '(is "*" w\'*\')'],
    ['*:"*"', '(is p\'*\' "*")'],
    ['*', "(is _ w'*')"],
  ])('%j', (text, expected) => {
    expect(shapeOf(text)).toBe(expected)
  })

  it('spans the whole text when empty', () => {
    expect(parsed('  ').span).toEqual({ start: 0, end: 2 })
  })
})

describe('nested queries', () => {
  it.each([
    ['a:{ b:c }', "(nested a (is b 'c'))"],
    ['a : { b:{ c:d } }', "(nested a (nested b (is c 'd')))"],
    ['a:{b:1 and c:2}', "(nested a (and (is b '1') (is c '2')))"],
    ['a:{ b }', "(nested a (is _ 'b'))"],
    ['a:{ b > 1 or not c:(x or y) }', "(nested a (or (gt b '1') (not (or^ (is^ c 'x') (is^ c 'y')))))"],
    ['"a b":{ c:d }', '(nested "a b" (is c \'d\'))'],
    ['not a:{ b:c } and d:e', "(and (not (nested a (is b 'c'))) (is d 'e'))"],
  ])('%s', (text, expected) => {
    expect(shapeOf(text)).toBe(expected)
  })
})

describe('value lists', () => {
  it.each([
    ['f:(a or b and not c)', "(or^ (is^ f 'a') (and^ (is^ f 'b') (not^ (is^ f 'c'))))"],
    ['f:(a or (b and c))', "(or^ (is^ f 'a') (and^ (is^ f 'b') (is^ f 'c')))"],
    ['f:((a or b) or c)', "(or^ (or^ (is^ f 'a') (is^ f 'b')) (is^ f 'c'))"],
    ['f:(a)', "(is^ f 'a')"],
    ['f:( "a b" )', '(is^ f "a b")'],
    ['f:(not a)', "(not^ (is^ f 'a'))"],
    ['not f:(a or b)', "(not (or^ (is^ f 'a') (is^ f 'b')))"],
    ['f:(a or not (b or c))', "(or^ (is^ f 'a') (not^ (or^ (is^ f 'b') (is^ f 'c'))))"],
    ['f:(a or) ', "(is^ f 'a or')"],
    ['f:(a*) and g:(null or true)', "(and (is^ f w'a*') (or^ (is^ g null) (is^ g true)))"],
    ['f:(a) or f:(b)', "(or (is^ f 'a') (is^ f 'b'))"],
  ])('%s', (text, expected) => {
    expect(shapeOf(text)).toBe(expected)
  })

  it('shares one marker and one field object across the list', () => {
    const q = parsed('f:(a or not b)') as OrNode
    const [a, notB] = q.children as [IsNode, NotNode]
    const b = notB.child as IsNode
    expect(q.list).not.toBeNull()
    expect(a.list).toBe(q.list)
    expect(notB.list).toBe(q.list)
    expect(b.list).toBe(q.list)
    expect(a.field).toBe(q.list?.field)
    expect(b.field).toBe(q.list?.field)
  })

  it('keeps the list, its parentheses and the values located', () => {
    const q = parsed('f:(a or b)') as OrNode
    expect(q.list?.span).toEqual({ start: 0, end: 10 })
    expect(q.list?.open).toEqual({ start: 2, end: 3 })
    expect(q.list?.close).toEqual({ start: 9, end: 10 })
    expect(q.span).toEqual({ start: 3, end: 9 })
    expect(q.children.map((c) => c.span)).toEqual([
      { start: 3, end: 4 },
      { start: 8, end: 9 },
    ])
  })

  it('gives separate lists separate markers', () => {
    const q = parsed('f:(a) or f:(b)') as OrNode
    const [a, b] = q.children as [IsNode, IsNode]
    expect(q.list).toBeNull()
    expect(a.list).not.toBe(b.list)
    expect(a.list?.close).toEqual({ start: 4, end: 5 })
    expect(b.list?.span).toEqual({ start: 9, end: 14 })
  })

  it('marks the list inside a not, for appending exclusions', () => {
    const q = parsed('x:y and not f:(a or b)')
    if (q.type !== 'and') throw new Error(shape(q))
    const n = q.children[1] as NotNode
    expect(n.list).toBeNull()
    const list = (n.child as OrNode).list
    expect(list?.close).toEqual({ start: 21, end: 22 })
  })
})
