import { describe, expect, it } from 'vitest'
import type { FieldName, IsNode, KqlNode, KqlValue, NestedNode, NotNode, OrNode, RangeNode } from './ast'
import { parseKql } from './parser'
import { fieldShape, shape, valueShape } from './parse-test-helpers'

function parsed(text: string): KqlNode {
  const { query, diagnostics } = parseKql(text)
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  if (query === null) throw new Error(`no query for ${text}`)
  return query
}

function isOf(text: string): IsNode {
  const q = parsed(text)
  if (q.type !== 'is') throw new Error(`not an is-node: ${shape(q)}`)
  return q
}

function valueOf(text: string): KqlValue {
  return isOf(text).value
}

describe('quoted strings', () => {
  it.each([
    ['f:"a\\"b"', 'a"b'],
    ['f:"a\\\\b"', 'a\\b'],
    ['f:"a\\tb\\rc\\nd"', 'a\tb\rc\nd'],
    ['f:"\\u0041\\u00e9"', 'Aé'],
    ['f:"\\u12"', '\\u12'],
    ['f:"C:\\Windows"', 'C:\\Windows'],
    ['f:"C:\\new"', 'C:\new'],
    ['f:"a\\qb\\\'c"', "a\\qb\\'c"],
    ['f:"two\nlines"', 'two\nlines'],
    ['f:"  edges  "', '  edges  '],
    ['f:"a or b and not c"', 'a or b and not c'],
    ['f:"(:<>*{})"', '(:<>*{})'],
    ['f:""', ''],
  ])('%j', (text, expected) => {
    expect(valueOf(text)).toEqual(expect.objectContaining({ type: 'literal', text: expected, quoted: true }))
  })

  it.each(['"true"', '"false"', '"null"', '"*"', '"a*b"'])('%s stays a quoted literal', (v) => {
    expect(valueOf(`f:${v}`)).toEqual(expect.objectContaining({ type: 'literal', quoted: true }))
  })
})

describe('unquoted literals', () => {
  it.each([
    ['f:a\\:b\\(c\\)\\<\\>\\"\\{\\}\\\\', 'a:b(c)<>"{}\\'],
    ['f:a\\*b', 'a*b'],
    ['f:a\\tb\\rc\\nd', 'a\tb\rc\nd'],
    ['f:\\u0041b', 'Ab'],
    ['f:\\and x', 'and x'],
    ['f:x \\or y', 'x or y'],
    ['f:x \\AND y', 'x AND y'],
    ['f:\\Not y', 'Not y'],
    ['f:\\NOT y', 'NOT y'],
    ['a:  b  c  ', 'b  c'],
    ['f: x\\t', 'x'],
    ['f:\\t', ''],
    ['f:\\n x \\r', 'x'],
    ['f:a?b', 'a?b'],
    ['a:[1 TO 5]', '[1 TO 5]'],
    ["a:it's", "it's"],
    ['a:x=y&z|!~^#@.-+,;', 'x=y&z|!~^#@.-+,;'],
    ['f:070', '070'],
    ['f:-0', '-0'],
    ['f:96565646732345', '96565646732345'],
    ['f:TRUE', 'TRUE'],
    ['f:Null', 'Null'],
    ['f:nulls', 'nulls'],
    ['f:C\\:\\\\Windows\\\\cmd.exe', 'C:\\Windows\\cmd.exe'],
    ['f:Win 7', 'Win 7'],
    ['f:a\u2003', 'a'],
  ])('%j', (text, expected) => {
    expect(valueOf(text)).toEqual(expect.objectContaining({ type: 'literal', text: expected, quoted: false }))
  })

  it.each([
    ['f:null', null],
    ['f:true', true],
    ['f:false', false],
    ['f:  true  ', true],
    ['f:\\u006eull', null],
  ])('%j is a keyword', (text, expected) => {
    expect(valueOf(text)).toEqual(expect.objectContaining({ type: 'keyword', value: expected }))
  })

  it.each([
    ['f:*', ['', '']],
    ['f:jpg*', ['jpg', '']],
    ['f:a*b*', ['a', 'b', '']],
    ['f:a\\*b*', ['a*b', '']],
    ['f:*\\\\*', ['', '\\', '']],
    ['f:  * a *  ', ['', ' a ', '']],
    ['f:*foo bar*', ['', 'foo bar', '']],
    ['a:/re.*/', ['/re.', '/']],
    ['f:cdn??.space*', ['cdn??.space', '']],
  ])('%j is a wildcard', (text, parts) => {
    expect(valueOf(text)).toEqual(expect.objectContaining({ type: 'wildcard', parts }))
  })

  it('reads \\n before \\not (and warns)', () => {
    const r = parseKql('f:\\not x')
    const q = r.query as IsNode
    expect(valueShape(q.value)).toBe("'ot x'")
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.span])).toEqual([['KQL1101', 'warning', { start: 2, end: 6 }]])
  })
})

describe('field names', () => {
  it.each([
    ['"a b":c', '"a b"'],
    ['file.*:x', "p'file.*'"],
    ['*:x', "p'*'"],
    ['*name:x', "p'*name'"],
    ['a\\*b:x', 'a*b'],
    ['a\\:b:x', 'a:b'],
    ['"a*":x', '"a*"'],
    ['true:x', 'true'],
    ['process.name : x', 'process.name'],
    ['@timestamp:x', '@timestamp'],
  ])('%s', (text, expected) => {
    const f = isOf(text).field
    expect(f === null ? null : fieldShape(f)).toBe(expected)
  })

  it('reads an unquoted null field name as no field, with a warning', () => {
    const r = parseKql('null:x')
    expect(shape(r.query as KqlNode)).toBe("(is _ 'x')")
    expect(r.diagnostics.map((d) => [d.code, d.span])).toEqual([['KQL1103', { start: 0, end: 4 }]])
  })

  it('keeps a quoted "null" field name', () => {
    expect(shape(parsed('"null":x'))).toBe('(is "null" \'x\')')
  })
})

describe('spans', () => {
  it('locates clauses, fields, values and keywords', () => {
    const q = parsed('a:b or not c:d') as OrNode
    expect(q.span).toEqual({ start: 0, end: 14 })
    const [ab, not] = q.children as [IsNode, NotNode]
    expect(ab.span).toEqual({ start: 0, end: 3 })
    expect((ab.field as FieldName).span).toEqual({ start: 0, end: 1 })
    expect(ab.value.span).toEqual({ start: 2, end: 3 })
    expect(not.span).toEqual({ start: 7, end: 14 })
    expect(not.keywordSpan).toEqual({ start: 7, end: 10 })
    expect(not.child.span).toEqual({ start: 11, end: 14 })
  })

  it('trims unquoted values but keeps escaped edges', () => {
    expect(valueOf('a:  b  c  ').span).toEqual({ start: 4, end: 8 })
    expect(valueOf('a:\\tb').span).toEqual({ start: 2, end: 5 })
    expect(valueOf('a : "x y" ').span).toEqual({ start: 4, end: 9 })
  })

  it('covers parentheses of a group inside and/or/not', () => {
    const q = parsed('not (a:b) and (c)')
    if (q.type !== 'and') throw new Error(shape(q))
    expect(q.span).toEqual({ start: 0, end: 17 })
    expect((q.children[0] as NotNode).span).toEqual({ start: 0, end: 9 })
    expect((q.children[0] as NotNode).child.span).toEqual({ start: 5, end: 8 })
  })

  it('locates ranges and nested groups', () => {
    const r = parsed('x >= 5') as RangeNode
    expect(r.span).toEqual({ start: 0, end: 6 })
    expect(r.opSpan).toEqual({ start: 2, end: 4 })
    expect(r.value.span).toEqual({ start: 5, end: 6 })
    const n = parsed('p:{ a:b } ') as NestedNode
    expect(n.span).toEqual({ start: 0, end: 9 })
    expect(n.query.span).toEqual({ start: 4, end: 7 })
  })
})
