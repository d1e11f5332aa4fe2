import { describe, expect, it } from 'vitest'
import { lexEql } from './lexer'

/** [kind, value] of every token but EOF */
function kinds(text: string): [string, string][] {
  return lexEql(text)
    .tokens.filter((t) => t.kind !== 'eof')
    .map((t) => [t.kind, t.value])
}

function diags(text: string): { code: string; message: string; at: string }[] {
  return lexEql(text).diagnostics.map((d) => ({ code: d.code, message: d.message, at: text.slice(d.span.start, d.span.end) }))
}

describe('lexer: whitespace, comments, keywords, identifiers', () => {
  it('skips whitespace and both comment forms, nested block comments included', () => {
    const text = '// head\nprocess /* a /* nested */ still comment */ where\t\r\n true // tail'
    expect(kinds(text)).toEqual([
      ['ident', 'process'],
      ['where', 'where'],
      ['true', 'true'],
    ])
    expect(diags(text)).toEqual([])
  })

  it('reports where the comments are', () => {
    const text = 'a // one\n/* two /* three */ */ b'
    expect(lexEql(text).comments.map((s) => text.slice(s.start, s.end))).toEqual(['// one', '/* two /* three */ */'])
  })

  it('gives every token its exact span, and ends with a zero-width EOF', () => {
    const { tokens } = lexEql('a  ==  "b"')
    expect(tokens.map((t) => [t.start, t.end])).toEqual([
      [0, 1],
      [3, 5],
      [7, 10],
      [10, 10],
    ])
    expect(tokens[tokens.length - 1]?.kind).toBe('eof')
  })

  it('reads keywords only in lowercase', () => {
    expect(kinds('and AND Where where sample SEQUENCE')).toEqual([
      ['and', 'and'],
      ['ident', 'AND'],
      ['ident', 'Where'],
      ['where', 'where'],
      ['sample', 'sample'],
      ['ident', 'SEQUENCE'],
    ])
  })

  it('reads identifiers starting with a letter, _ or @ (runs is not a keyword)', () => {
    expect(kinds('@timestamp _x a1_b runs')).toEqual([
      ['ident', '@timestamp'],
      ['ident', '_x'],
      ['ident', 'a1_b'],
      ['ident', 'runs'],
    ])
  })

  it('reads back-quoted identifiers, a doubled back-quote standing for one', () => {
    expect(kinds('`a b`.`x``y` `sequence`')).toEqual([
      ['quotedIdent', 'a b'],
      ['.', '.'],
      ['quotedIdent', 'x`y'],
      ['quotedIdent', 'sequence'],
    ])
  })

  it('glues ~ to function names, and knows in~ like~ regex~ as keywords', () => {
    expect(kinds('startsWith~( in~ like~ regex~ and~')).toEqual([
      ['tildeIdent', 'startsWith'],
      ['(', '('],
      ['in~', 'in~'],
      ['like~', 'like~'],
      ['regex~', 'regex~'],
      ['tildeIdent', 'and'],
    ])
  })

  it('reads every operator and punctuation mark', () => {
    const ops = ': = == != < <= > >= + - * / % . , [ ] ( ) | ? !['
    expect(kinds(ops).map(([k]) => k)).toEqual(ops.split(' '))
  })
})

describe('lexer: numbers', () => {
  it.each([
    ['5', 'integer'],
    ['8589934592', 'integer'],
    ['1.5', 'decimal'],
    ['1.', 'decimal'],
    ['.5', 'decimal'],
    ['1e5', 'decimal'],
    ['1.5E-3', 'decimal'],
    ['.5e+1', 'decimal'],
  ])('%s is one %s token', (text, kind) => {
    expect(kinds(text)).toEqual([[kind, text]])
  })

  it('does not take a sign or a dangling exponent into the number', () => {
    expect(kinds('-5 1e 10s')).toEqual([
      ['-', '-'],
      ['integer', '5'],
      ['integer', '1'],
      ['ident', 'e'],
      ['integer', '10'],
      ['ident', 's'],
    ])
  })
})

describe('lexer: strings', () => {
  it('unescapes the simple escapes of double-quoted strings', () => {
    expect(kinds(String.raw`"a\"b\\c\n\t\r\b\f\'"`)).toEqual([['string', 'a"b\\c\n\t\r\b\f\'']])
  })

  it('reads \\u{...} escapes with 2 to 8 hex digits', () => {
    expect(kinds(String.raw`"\u{41}\u{0001F600}\u{00e9}"`)).toEqual([['string', 'A\u{1F600}é']])
  })

  it('keeps raw strings verbatim, and the up to two quotes before the end in the content', () => {
    expect(kinds('"""C:\\Windows\\*""" """a""""" """b""""')).toEqual([
      ['string', 'C:\\Windows\\*'],
      ['string', 'a""'],
      ['string', 'b"'],
    ])
  })

  it('reads an empty string and an empty raw string', () => {
    expect(kinds('"" """"""')).toEqual([
      ['string', ''],
      ['string', ''],
    ])
  })
})

describe('lexer: errors, with Elasticsearch messages, and recovery', () => {
  it.each([
    ["x == 'a'", 'EQL1002', `Use double quotes ["] to define string literals, not single quotes [']`, "'a'"],
    ['x == ?"a"', 'EQL1003', 'Use triple double quotes ["""] to define unescaped string literals, not [?"]', '?"a"'],
    ["x == ?'a'", 'EQL1003', `Use triple double quotes ["""] to define unescaped string literals, not [?']`, "?'a'"],
    [String.raw`"\u{D}"`, 'EQL1004', String.raw`Unicode sequence should use [2-8] hex digits, [\u{D}] has [1]`, String.raw`\u{D}`],
    [String.raw`"\u{123456789}"`, 'EQL1004', String.raw`Unicode sequence should use [2-8] hex digits, [\u{123456789}] has [9]`, String.raw`\u{123456789}`],
    [String.raw`"\u{FFFFFFFa}"`, 'EQL1005', 'Invalid unicode character code [FFFFFFFa]', String.raw`\u{FFFFFFFa}`],
    [String.raw`"\u{d800}"`, 'EQL1006', 'Invalid unicode character code, [d800] is a surrogate code', String.raw`\u{d800}`],
    [String.raw`"a\d"`, 'EQL1001', String.raw`token recognition error at: '"a\d'`, String.raw`"a\d`],
    ['"abc', 'EQL1001', `token recognition error at: '"abc'`, '"abc'],
    ['"ab\nc', 'EQL1001', `token recognition error at: '"ab\\n'`, '"ab\n'],
    ['`abc', 'EQL1001', "token recognition error at: '`abc'", '`abc'],
    ['a !: b', 'EQL1001', "token recognition error at: '!:'", '!:'],
    ['a $$ b', 'EQL1001', "token recognition error at: '$$'", '$$'],
    ['a ~ b', 'EQL1001', "token recognition error at: '~'", '~'],
    ['/* open /* nested */', 'EQL1007', 'Unterminated block comment', '/*'],
  ])('%s -> %s', (text, code, message, at) => {
    expect(diags(text)).toEqual([{ code, message, at }])
  })

  it('still returns a string token for a rejected or broken string, so parsing can go on', () => {
    expect(kinds(`x == 'a\\'b' and "c\\d"`)).toEqual([
      ['ident', 'x'],
      ['==', '=='],
      ['string', "a'b"],
      ['and', 'and'],
      ['string', 'c\\d'],
    ])
  })

  it('skips a lone ! and lexes what follows (the removed !: becomes :)', () => {
    expect(kinds('a !: b')).toEqual([
      ['ident', 'a'],
      [':', ':'],
      ['ident', 'b'],
    ])
  })
})
