import { describe, expect, it } from 'vitest'
import { analyzeStandard } from './text-analysis'
import { lowerSimple } from './case-fold'

describe('analyzeStandard', () => {
  it('splits on word boundaries and lower-cases', () => {
    expect(analyzeStandard('C:\\Windows\\System32\\cmd.exe')).toEqual(['c', 'windows', 'system32', 'cmd.exe'])
    expect(analyzeStandard('foo-bar foo_bar foo.bar')).toEqual(['foo', 'bar', 'foo_bar', 'foo.bar'])
    expect(analyzeStandard("Don't PANIC, 1.5 a.1")).toEqual(["don't", 'panic', '1.5', 'a', '1'])
    expect(analyzeStandard('user@example.com')).toEqual(['user', 'example.com'])
    expect(analyzeStandard('  ,;  ')).toEqual([])
  })

  it('emits Han ideographs one by one and keeps emoji', () => {
    expect(analyzeStandard('中文 x😀y')).toEqual(['中', '文', 'x', '😀', 'y'])
  })

  it('lower-cases per code point (no final sigma rule)', () => {
    expect(analyzeStandard('ΟΔΟΣ')).toEqual(['οδοσ'])
    expect(lowerSimple('İSTANBUL')).toBe('istanbul')
  })

  it('splits tokens longer than 255 characters', () => {
    const tokens = analyzeStandard('A'.repeat(600))
    expect(tokens.map((t) => t.length)).toEqual([255, 255, 90])
    expect(tokens[0]?.startsWith('aaa')).toBe(true)
  })

  it('handles URLs, numbers, apostrophes and mixed scripts like the standard tokenizer', () => {
    expect(analyzeStandard('GET https://Evil.example.com/a?b=1')).toEqual(['get', 'https', 'evil.example.com', 'a', 'b', '1'])
    expect(analyzeStandard('1,000.5 and 3.14')).toEqual(['1,000.5', 'and', '3.14'])
    expect(analyzeStandard("O'Neil's")).toEqual(["o'neil's"])
    expect(analyzeStandard('한국어 カタカナ')).toEqual(['한국어', 'カタカナ'])
    expect(analyzeStandard('Ünïcödé ÉCOLE')).toEqual(['ünïcödé', 'école'])
  })

  it('gives nothing for empty or separator-only text', () => {
    expect(analyzeStandard('')).toEqual([])
    expect(analyzeStandard(' \t\n-/\\')).toEqual([])
  })

  it('keeps token order and duplicates (phrases depend on positions)', () => {
    expect(analyzeStandard('to be or not to be')).toEqual(['to', 'be', 'or', 'not', 'to', 'be'])
  })
})
