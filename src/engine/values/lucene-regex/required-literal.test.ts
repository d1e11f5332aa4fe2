import { describe, expect, it } from 'vitest'
import { compileLuceneRegex } from './index'
import { parsePattern, type ParseSettings } from './parser'
import { requiredLiteral } from './required-literal'
import type { LuceneRegexFlag } from './types'

const ALL: ReadonlySet<LuceneRegexFlag> = new Set(['INTERSECTION', 'COMPLEMENT', 'EMPTY', 'ANYSTRING', 'INTERVAL', 'AUTOMATON'])
const literalOf = (pattern: string, fold: ParseSettings['fold'] = undefined): string =>
  requiredLiteral(parsePattern(pattern, { enabled: ALL, fold, predefinedClasses: true }))

describe('requiredLiteral', () => {
  it('finds the literal every match contains', () => {
    expect(literalOf('.*[ ]{20,}.*')).toBe(' '.repeat(20))
    expect(literalOf('([^ ]+[ ]{3,}[^ ]*){3,}.*')).toBe('   ')
    expect(literalOf('.*cmd\\.exe.*')).toBe('cmd.exe')
    expect(literalOf('(ab){2}x?yz')).toBe('abab')
    expect(literalOf('[a]bc[d]')).toBe('abcd')
    expect(literalOf('@&.*foo.*')).toBe('foo')
  })

  it('claims nothing for optional parts, alternatives, complements and case-insensitive letters', () => {
    expect(literalOf('x{0,3}')).toBe('')
    expect(literalOf('(abc|abd)')).toBe('')
    expect(literalOf('~(abc)')).toBe('')
    expect(literalOf('abc', 'unicode')).toBe('')
  })

  it('leaves answers unchanged', () => {
    const cases: [string, string, boolean][] = [
      ['.*[ ]{20,}.*', `a${' '.repeat(20)}b`, true],
      ['.*[ ]{20,}.*', `a${' '.repeat(19)}b`, false],
      ['([^ ]+[ ]{3,}[^ ]*){3,}.*', 'a   b   c   d', true],
      ['([^ ]+[ ]{3,}[^ ]*){3,}.*', 'a   b c', false],
      ['.*cmd\\.exe.*', 'C:\\cmd.exe /c', true],
      ['.*cmd\\.exe.*', 'C:\\CMD.EXE /c', false],
      ['.*\u{1F600}{2}.*', 'x\u{1F600}\u{1F600}y', true],
    ]
    for (const [pattern, value, expected] of cases) {
      const re = compileLuceneRegex(pattern, { caseInsensitive: false })
      if (!re.ok) throw new Error(re.message)
      expect({ pattern, value, got: re.test(value) }).toEqual({ pattern, value, got: expected })
    }
  })
})
