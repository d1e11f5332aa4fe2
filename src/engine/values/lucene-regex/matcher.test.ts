import { describe, expect, it } from 'vitest'
import { compileLuceneRegex } from './index'
import { matcher, matching } from './test-support'

describe('standard operators', () => {
  it('anchors the whole value', () => {
    expect(matching('a', ['a', 'bab', 'ab', 'ba', ''])).toEqual(['a'])
    expect(matching('abc', ['abc', 'abcd', 'xabc'])).toEqual(['abc'])
  })

  it('treats . as any one code point, including newline', () => {
    expect(matching('a.c', ['abc', 'a\nc', 'ac', 'abbc'])).toEqual(['abc', 'a\nc'])
  })

  it('supports ? * + and counted repetition', () => {
    expect(matching('ab?c', ['ac', 'abc', 'abbc'])).toEqual(['ac', 'abc'])
    expect(matching('ab*c', ['ac', 'abc', 'abbbc'])).toEqual(['ac', 'abc', 'abbbc'])
    expect(matching('ab+c', ['ac', 'abc', 'abbbc'])).toEqual(['abc', 'abbbc'])
    expect(matching('a{3}', ['aa', 'aaa', 'aaaa'])).toEqual(['aaa'])
    expect(matching('a{2,}', ['a', 'aa', 'aaaaaa'])).toEqual(['aa', 'aaaaaa'])
    expect(matching('a{1,2}', ['', 'a', 'aa', 'aaa'])).toEqual(['a', 'aa'])
    expect(matching('a{0}', ['', 'a'])).toEqual([''])
    expect(matching('(ab){2}', ['ab', 'abab', 'ababab'])).toEqual(['abab'])
  })

  it('reads an inverted {n,m} as the empty language, as Lucene does', () => {
    expect(matching('a{3,2}', ['', 'a', 'aa', 'aaa'])).toEqual([])
  })

  it('stacks repetition operators', () => {
    expect(matching('a{2}{2}', ['aa', 'aaaa'])).toEqual(['aaaa'])
    expect(matching('a+?', ['', 'a', 'aaa'])).toEqual(['', 'a', 'aaa'])
  })

  it('reads .*? as (.*)?, not a lazy quantifier', () => {
    expect(matching('.*?net1.*?', ['net1', 'c net1 x', 'net'])).toEqual(['net1', 'c net1 x'])
    expect(matching('a*?', ['', 'aa'])).toEqual(['', 'aa'])
  })

  it('groups and alternates', () => {
    expect(matching('(sh|py|pl)', ['sh', 'py', 'pl', 'shpy'])).toEqual(['sh', 'py', 'pl'])
    expect(matching('.*\\.(sh|py|pl)', ['x.sh', 'a.b.py', 'x.shx', '.pl'])).toEqual(['x.sh', 'a.b.py', '.pl'])
    expect(matching('ab|cd', ['ab', 'cd', 'abd', 'acd'])).toEqual(['ab', 'cd'])
    expect(matching('a()b', ['ab'])).toEqual(['ab'])
  })

  it('supports classes, ranges and negation', () => {
    expect(matching('[abc]', ['a', 'c', 'd', 'ab'])).toEqual(['a', 'c'])
    expect(matching('[a-c0-1]+', ['abc01', 'abcd', '2'])).toEqual(['abc01'])
    expect(matching('[^a-c]', ['a', 'd', '\n', 'dd'])).toEqual(['d', '\n'])
    expect(matching('[]a]', [']', 'a', 'b'])).toEqual([']', 'a'])
    expect(matching('[-a]', ['-', 'a'])).toEqual(['-', 'a'])
    expect(matching('[\\]\\-]', [']', '-', '\\'])).toEqual([']', '-'])
    expect(matching('[.]', ['.', 'x'])).toEqual(['.'])
  })

  it('reads \\d as the letter d when predefined classes are turned off (Lucene 8)', () => {
    const opts = { predefinedClasses: false }
    expect(matching('a\\d', ['ad', 'a1'], opts)).toEqual(['ad'])
    expect(matching('\\s\\w\\S', ['swS', ' a!'], opts)).toEqual(['swS'])
    expect(matching('[\\d]', ['d', '1'], opts)).toEqual(['d'])
  })

  it('reads \\d \\s \\w as classes by default, as Lucene 9+ does', () => {
    expect(matching('a\\d', ['ad', 'a1'])).toEqual(['a1'])
    expect(matching('\\s\\w\\S', ['swS', ' a!'])).toEqual([' a!'])
  })

  it('reads \\d \\s \\w and negations as classes with predefinedClasses (Lucene 9+)', () => {
    const opts = { predefinedClasses: true }
    expect(matching('a\\d', ['ad', 'a1'], opts)).toEqual(['a1'])
    expect(matching('\\w+\\s\\W', ['a_9 !', 'a  !', 'ab c'], opts)).toEqual(['a_9 !'])
    expect(matching('[\\dx]+', ['1x2', 'd'], opts)).toEqual(['1x2'])
    expect(matching('\\D\\S', ['a1', '1b', 'a '], opts)).toEqual(['a1'])
    expect(matching('\\q', ['q'], opts)).toEqual(['q'])
  })

  it('escapes any character with a backslash', () => {
    expect(matching('a\\.b', ['a.b', 'axb'])).toEqual(['a.b'])
    expect(matching('\\(\\)\\*\\+\\?\\|\\{\\}\\[\\]\\\\', ['()*+?|{}[]\\'])).toEqual(['()*+?|{}[]\\'])
    expect(matching('C:\\\\Windows\\\\.*', ['C:\\Windows\\x', 'C:Windows'])).toEqual(['C:\\Windows\\x'])
  })

  it('matches quoted strings literally', () => {
    expect(matching('"a.b*"', ['a.b*', 'axbb'])).toEqual(['a.b*'])
    expect(matching('x"(|)"y', ['x(|)y'])).toEqual(['x(|)y'])
    expect(matching('"a\\b"', ['a\\b', 'ab'])).toEqual(['a\\b'])
    expect(matching('""', ['', 'a'])).toEqual([''])
    expect(matching('"ab"+', ['ab', 'abab', 'abb'])).toEqual(['ab', 'abab'])
  })

  it('has no anchors: ^ and $ are ordinary characters', () => {
    expect(matching('^abc$', ['abc', '^abc$'])).toEqual(['^abc$'])
    expect(matching('[^^]', ['^', 'a'])).toEqual(['a'])
  })

  it('treats stray closing brackets and braces as literals, as Lucene does', () => {
    expect(matching('a]', ['a]'])).toEqual(['a]'])
    expect(matching('a}', ['a}'])).toEqual(['a}'])
    expect(matching('{', ['{'])).toEqual(['{'])
    expect(matching('(|a)', ['|a', 'a', ''])).toEqual(['|a'])
  })

  it('matches the empty pattern against the empty string only', () => {
    expect(matching('', ['', 'a'])).toEqual([''])
  })
})

describe('code points', () => {
  it('reads a surrogate pair as one character, in values and patterns', () => {
    expect(matching('.', ['😀', 'a', '😀😀'])).toEqual(['😀', 'a'])
    expect(matching('..', ['😀'])).toEqual([])
    expect(matching('😀+', ['😀😀', '😀'])).toEqual(['😀😀', '😀'])
    expect(matching('[😀-😂]', ['😁', '😃'])).toEqual(['😁'])
    expect(matching('a[^b]c', ['a😀c', 'abc'])).toEqual(['a😀c'])
    expect(matching('x{2}', ['xx'])).toEqual(['xx'])
    expect(matching('😀{2}', ['😀😀', '😀'])).toEqual(['😀😀'])
  })

  it('treats a lone surrogate as a character of its own', () => {
    expect(matching('a.b', ['a\ud800b', 'a\udc00b'])).toEqual(['a\ud800b', 'a\udc00b'])
  })

  it('classifies characters on both sides of page and plane boundaries', () => {
    const test = matcher('[\u00ff-\u0101]x[\ud7ff\ue000\uffff]')
    expect(['\u00ffx\ud7ff', '\u0100x\ue000', '\u0101x\uffff'].map(test)).toEqual([true, true, true])
    expect(['\u00fex\ud7ff', '\u0102x\ue000', '\u0101x\ue001', '\u0101x\u{10000}'].map(test)).toEqual([
      false,
      false,
      false,
      false,
    ])
    expect(matching('[\u{10000}-\u{10ffff}]', ['\u{10000}', '\u{10ffff}', '\uffff'])).toEqual([
      '\u{10000}',
      '\u{10ffff}',
    ])
  })

  it('handles ranges outside Latin-1', () => {
    expect(matching('.*[ʰ-˿ᴬ-ᶻ]+.*', ['cmd ᴬ x', 'plain'])).toEqual(['cmd ᴬ x'])
    expect(matching('[α-ω]+', ['αβγ', 'ΑΒΓ'])).toEqual(['αβγ'])
  })
})

describe('case_insensitive', () => {
  const ci = { caseInsensitive: true }

  it('folds literals, quoted strings, classes and ranges (unicode mode, the default)', () => {
    expect(matching('cmd\\.exe', ['CMD.EXE', 'Cmd.exe', 'cmd.exe', 'cmdxexe'], ci)).toEqual([
      'CMD.EXE',
      'Cmd.exe',
      'cmd.exe',
    ])
    expect(matching('"NeT1"', ['net1', 'NET1'], ci)).toEqual(['net1', 'NET1'])
    expect(matching('[a-c]+', ['ABC', 'abc', 'ABD'], ci)).toEqual(['ABC', 'abc'])
    expect(matching('[^a]', ['A', 'a', 'b'], ci)).toEqual(['b'])
    expect(matching('é', ['É'], ci)).toEqual(['É'])
    expect(matching('σ', ['Σ', 'ς'], ci)).toEqual(['Σ', 'ς'])
    expect(matching('k', ['K', '\u212a'], ci)).toEqual(['K', '\u212a'])
    expect(matching('[α-ω]+', ['ΑΒΓ'], ci)).toEqual(['ΑΒΓ'])
    // Simple-mapping oddities Lucene's Unicode folding also covers: long s, micro sign.
    expect(matching('s', ['S', '\u017f'], ci)).toEqual(['S', '\u017f'])
    expect(matching('\u00b5', ['\u039c', '\u03bc'], ci)).toEqual(['\u039c', '\u03bc'])
  })

  it('is case-sensitive without the flag', () => {
    expect(matching('cmd', ['CMD', 'cmd'])).toEqual(['cmd'])
    expect(matching('[a-c]', ['B'])).toEqual([])
  })

  it('folds only ASCII letters of literals in ascii mode (Lucene 9 / Elasticsearch 8)', () => {
    const ascii = { caseInsensitive: true, caseFolding: 'ascii' } as const
    expect(matching('cmd', ['CMD', 'cMd'], ascii)).toEqual(['CMD', 'cMd'])
    expect(matching('é', ['É'], ascii)).toEqual([])
    expect(matching('[a-c]', ['B', 'b'], ascii)).toEqual(['b'])
    expect(matching('[b]', ['B'], ascii)).toEqual(['B'])
  })

  it('keeps digits and symbols as they are', () => {
    expect(matching('[0-9]+\\.', ['12.', '12,'], ci)).toEqual(['12.'])
  })
})

describe('matcher reuse', () => {
  it('memoizes compilation per pattern and options', () => {
    const a = compileLuceneRegex('memo[0-9]+')
    expect(compileLuceneRegex('memo[0-9]+')).toBe(a)
    const ci = compileLuceneRegex('memo[0-9]+', { caseInsensitive: true })
    expect(ci).not.toBe(a)
    expect(ci.ok && ci.test('MEMO1')).toBe(true)
    expect(a.ok && a.test('MEMO1')).toBe(false)
    expect(compileLuceneRegex('memo[0-9]+', { flags: 'NONE' })).not.toBe(a)
  })

  it('gives the same answers when called many times (lazy DFA cache)', () => {
    const test = matcher('([a-z]+[0-9]){3}')
    const values = ['ab1cd2ef3', 'ab1cd2', 'a1b2c3', 'A1b2c3', 'a1b2c3d4']
    const first = values.map(test)
    for (let i = 0; i < 50; i++) expect(values.map(test)).toEqual(first)
    expect(first).toEqual([true, false, true, false, false])
  })
})
