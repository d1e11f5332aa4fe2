import { describe, expect, it } from 'vitest'
import { analyzeStandard, analyzeWithSegmenter } from './text-analysis'
import { lowerSimple } from './case-fold'
import { mulberry32 } from '../../../scripts/fuzz/prng'

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

/** The fuzz command's seeded generator (mulberry32), so a failure can be replayed. */
const prng = mulberry32

function randomText(rnd: () => number, alphabet: readonly string[], length: number): string {
  let s = ''
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(rnd() * alphabet.length)] ?? ''
  return s
}

describe('analyzeStandard on long and ASCII texts (issue 9: hostile events)', () => {
  const seg = new Intl.Segmenter('und', { granularity: 'word' })

  it('tokenizes ASCII exactly as Intl.Segmenter does (the fast path skips it)', () => {
    const rnd = prng(9)
    const punctuation = [...".:',;_-/\\ \t\n\r\"@#*+=?!()[]{}<>|~`^\u0000\u007f"]
    const joiners = ['a', 'B', '1', '9', '_', '.', ':', "'", ',', ';', ' ']
    for (let n = 0; n < 20_000; n++) {
      const text = randomText(rnd, n % 2 === 0 ? [...punctuation, 'a', 'Z', '0'] : joiners, 1 + Math.floor(rnd() * 24))
      expect(analyzeStandard(text), JSON.stringify(text)).toEqual(analyzeWithSegmenter(text, seg))
    }
  })

  it('cuts long texts only where a word cannot span the cut: same tokens as the whole text', () => {
    const rnd = prng(10)
    const words = ['alpha', 'Beta', 'x.y', "l'eau", '3.14', 'Σίσυφος', 'naïve', 'e\u0301', '中文', '東京', '😀', '👍🏽', '👩\u200d💻', 'ﬀ', '𐐀x']
    const seps = [' ', '  ', '\n', '\r\n', '\t', ', ', '-', '\u3000', '']
    for (let n = 0; n < 4; n++) {
      let text = ''
      while (text.length < 30_000) text += (words[Math.floor(rnd() * words.length)] ?? '') + (seps[Math.floor(rnd() * seps.length)] ?? '')
      expect(analyzeStandard(text)).toEqual(analyzeWithSegmenter(text, seg))
    }
    // runs with no space at all: Han ideographs and pictographs are cut between two of them
    for (const run of ['中'.repeat(20_000), '😀'.repeat(20_000), 'ab'.repeat(20_000) + ' z']) {
      expect(analyzeStandard(run)).toEqual(analyzeWithSegmenter(run, seg))
    }
  })

  it('stays linear on 200,000-character values (whole-text segmentation took 10-100 s)', { timeout: 5000 }, () => {
    expect(analyzeStandard('ab cd '.repeat(33_334))).toHaveLength(66_668)
    expect(analyzeStandard('x.y-z_1 Σ\u0301 '.repeat(20_000))).toHaveLength(60_000)
    expect(analyzeStandard('中'.repeat(100_000))).toHaveLength(100_000)
    expect(analyzeStandard('😀'.repeat(100_000))).toHaveLength(100_000)
    // one 200,000-character word: 255-unit pieces, as Lucene splits an over-long token
    expect(analyzeStandard('a'.repeat(200_000))).toHaveLength(Math.ceil(200_000 / 255))
  })
})
