/**
 * Syntax errors: the spec's error cases (kql.md 2.1-2.5) with their exact positions, Kibana's
 * "Expected ... but ... found." sentence, our codes, and robustness (never throws, nesting limit).
 */
import { describe, expect, it } from 'vitest'
import { parseKql } from './parser'
import { KQL_SYNTAX_CODE_LIST } from './codes-syntax'

function errorOf(text: string): { code: string; start: number; end: number; message: string } {
  const { query, diagnostics } = parseKql(text)
  const errors = diagnostics.filter((d) => d.severity === 'error')
  expect(query).toBeNull()
  expect(errors).toHaveLength(1)
  const d = errors[0]
  if (d === undefined) throw new Error('no error')
  return { code: d.code, start: d.span.start, end: d.span.end, message: d.message }
}

describe('error positions and codes', () => {
  it.each([
    // spec 2.5
    ['response:', 'KQL1013', 9],
    ['response:200 or ', 'KQL1009', 16],
    ['response:(200 or )', 'KQL1009', 17],
    ['response:200 and not ', 'KQL1009', 21],
    ['foo:"ba ', 'KQL1002', 4],
    ['foo:"ba "r"', 'KQL1001', 9],
    ['foo:ba:r', 'KQL1012', 6],
    ['foo > ', 'KQL1013', 6],
    ['< 1000', 'KQL1014', 0],
    // spec 2.1
    ['a:b and(c:d)', 'KQL1004', 7],
    ['(a:b)and c', 'KQL1004', 5],
    ['f:"x"and y', 'KQL1004', 5],
    ['not(a:b)', 'KQL1004', 3],
    ['not not a:b', 'KQL1005', 4],
    ['a:(not not b)', 'KQL1005', 7],
    ['a:not b', 'KQL1006', 2],
    ['f:(a (b))', 'KQL1010', 5],
    ['(a:b) (c:d)', 'KQL1010', 6],
    ['a:b (c)', 'KQL1010', 4],
    ['a:"b" "c"', 'KQL1010', 6],
    ['f:()', 'KQL1008', 3],
    ['()', 'KQL1008', 1],
    ['a:{}', 'KQL1008', 3],
    ['f: <5', 'KQL1011', 3],
    ['a < 5 < 6', 'KQL1012', 6],
    ['a <= (5)', 'KQL1001', 5],
    ['a <', 'KQL1013', 3],
    ['x:1 b:2', 'KQL1012', 5],
    // spec 2.3: `not` + whitespace anywhere, invalid escapes
    ['message: cannot find', 'KQL1007', 12],
    ['f: *not this*', 'KQL1007', 4],
    ['a:\\q', 'KQL1003', 2],
    ["a:it\\'s", 'KQL1003', 4],
    ['f:a\\ b', 'KQL1003', 3],
    ['C:\\Windows', 'KQL1003', 2],
    ['f:"C:\\x" or g:C:\\x', 'KQL1012', 15],
    // unbalanced, dangling
    ['(a:b', 'KQL1015', 4],
    ['a:b)', 'KQL1015', 3],
    ['a:{ b:c', 'KQL1015', 7],
    ['f:(a or b', 'KQL1015', 9],
    ['a:{ b } }', 'KQL1015', 8],
    ['a:b and ', 'KQL1009', 8],
    ['not ', 'KQL1009', 4],
    ['"a" x', 'KQL1001', 4],
  ])('%j -> %s at %i', (text, code, start) => {
    const e = errorOf(text)
    expect([e.code, e.start]).toEqual([code, start])
  })

  it.each([
    ['foo:"ba ', 4, 8],
    ['a:\\q or b', 2, 4],
    ['a:\\\ud83d\ude00', 2, 5],
    ['message: cannot find', 12, 15],
    ['not not a:b', 4, 7],
    ['a:NOT b', 2, 5],
    ['(a:b)OR c', 5, 7],
    ['(a:b)and c', 5, 8],
    ['a:b and(c:d)', 7, 8],
    ['f:()', 3, 4],
    ['response:', 9, 9],
  ])('%j is underlined from %i to %i', (text, start, end) => {
    const e = errorOf(text)
    expect([e.start, e.end]).toEqual([start, end])
  })
})

describe("Kibana's message", () => {
  it.each([
    ['response:', 'Expected "(", "{", value, whitespace but end of input found.'],
    ['response:200 or ', 'Expected "(", NOT, field name, value but end of input found.'],
    ['response:(200 or )', 'Expected "(", NOT, value but ")" found.'],
    ['response:200 and not ', 'Expected "(", field name, value but end of input found.'],
    ['foo:"ba ', 'Expected "(", "{", value, whitespace but """ found.'],
    ['foo:"ba "r"', 'Expected AND, OR, end of input, whitespace but "r" found.'],
    ['foo:ba:r', 'Expected AND, OR, end of input, whitespace but ":" found.'],
    ['foo > ', 'Expected literal, whitespace but end of input found.'],
    ['< 1000', 'Expected "(", NOT, end of input, field name, value, whitespace but "<" found.'],
    ['"a" x', 'Expected ":", "<", "<=", ">", ">=", end of input, whitespace but "x" found.'],
    ['a:(b\n', 'Expected ")", AND, OR, whitespace but end of input found.'],
    ['a:b\n:', 'Expected AND, OR, end of input, whitespace but ":" found.'],
    ['a:\\\n', 'Expected "(", "{", value, whitespace but "\\" found.'],
  ])('%j', (text, sentence) => {
    expect(errorOf(text).message.startsWith(sentence)).toBe(true)
  })

  it('adds the hint of the code after the sentence', () => {
    expect(errorOf('message: cannot find').message).toMatch(/found\. \[not\] followed by whitespace/)
    expect(errorOf('response:200 or ').message).toMatch(/\[or\] must be followed by a clause\.$/)
  })
})

describe('leading wildcards', () => {
  const off = { allowLeadingWildcards: false }

  it('are allowed by default, as the detection engine sets it', () => {
    expect(parseKql('f:*exe and *name:x').diagnostics).toEqual([])
  })

  it.each([
    ['f:*exe', 2, 6],
    ['f:(a or  **  )', 9, 11],
    ['*name:x', 0, 5],
    ['a and *b', 6, 8],
  ])('%j is refused when turned off', (text, start, end) => {
    const { query, diagnostics } = parseKql(text, off)
    expect(query).toBeNull()
    expect(diagnostics.map((d) => [d.code, d.span.start, d.span.end])).toEqual([['KQL1017', start, end]])
  })

  it.each(['f:*', '*:*', 'f:"*exe"', 'f:\\*exe', 'f:a*', '*'])('%j is fine when turned off', (text) => {
    expect(parseKql(text, off).diagnostics).toEqual([])
  })
})

describe('robustness', () => {
  it('stops at the nesting limit instead of overflowing the stack', () => {
    for (const text of ['('.repeat(100_000) + 'a' + ')'.repeat(100_000), 'a:' + '('.repeat(100_000), 'a:{'.repeat(50_000)]) {
      const { query, diagnostics } = parseKql(text)
      expect(query).toBeNull()
      expect(diagnostics.map((d) => d.code)).toEqual(['KQL1016'])
    }
  })

  it('accepts nesting up to the limit', () => {
    const text = '('.repeat(150) + 'a:(' + '('.repeat(40) + 'b' + ')'.repeat(41) + ')'.repeat(150)
    expect(parseKql(text).diagnostics).toEqual([])
  })

  it('never throws and keeps spans inside the text on mangled input', () => {
    const pieces = ['a', ':', ' ', '(', ')', '{', '}', '"', '\\', '*', 'not ', ' and ', ' or ', '<', '>=', '\u00a0', '\n', 'x y', '\\u00', 'NOT', 'é', '\ud83d\ude00']
    let seed = 12345
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % n
    }
    for (let round = 0; round < 3000; round++) {
      let text = ''
      const len = rnd(12)
      for (let i = 0; i < len; i++) text += pieces[rnd(pieces.length)]
      const { query, diagnostics } = parseKql(text)
      for (const d of diagnostics) {
        expect(d.span.start).toBeGreaterThanOrEqual(0)
        expect(d.span.end).toBeLessThanOrEqual(text.length)
        expect(d.span.start).toBeLessThanOrEqual(d.span.end)
      }
      const errors = diagnostics.filter((d) => d.severity === 'error')
      expect(errors.length).toBe(query === null ? 1 : 0)
    }
  })

  it('has unique KQL1xxx codes', () => {
    const codes = KQL_SYNTAX_CODE_LIST.map((d) => d.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const c of codes) expect(c).toMatch(/^KQL1\d{3}$/)
  })
})
