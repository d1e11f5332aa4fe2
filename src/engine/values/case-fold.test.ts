import { describe, expect, it } from 'vitest'
import { foldCase, foldCodePoint, lowerRoot } from './case-fold'
import { foldChar } from './lucene-regex/case-fold'

describe('foldCase', () => {
  it('lower-cases ASCII', () => {
    expect(foldCase('PowerShell.EXE')).toBe('powershell.exe')
  })

  it('uses simple one-to-one mappings only', () => {
    expect(foldCase('İ')).toBe('i') // JS toLowerCase gives 'i̇' (two code points)
    expect('İ'.toLowerCase()).toHaveLength(2)
    expect(foldCase('ß')).toBe('ß')
    expect(foldCase('ẞ')).toBe('ß')
    expect(foldCase('ΟΔΟΣ')).toBe('οδοσ') // no final-sigma rule
    expect(foldCase('ς')).toBe('σ')
    expect(foldCase('ſ')).toBe('s')
    expect(foldCase('\u212A')).toBe('k') // Kelvin sign
  })

  it('keeps the code point count and astral characters', () => {
    expect(foldCase('𐐀')).toBe('𐐨') // Deseret capital -> small
    expect([...foldCase('😀A')]).toEqual(['😀', 'a'])
  })

  it('lowerRoot is Java Locale.ROOT toLowerCase (full mappings)', () => {
    expect(lowerRoot('ΟΔΟΣ')).toBe('οδος')
    expect(lowerRoot('İ')).toBe('i̇')
  })
})

describe('agreement with regex~ case groups', () => {
  it('folds every member of a lucene-regex case group to the same code point', () => {
    const disagreements: string[] = []
    for (let cp = 0; cp < 0x20000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      const folded = foldCodePoint(cp)
      for (const [lo, hi] of foldChar(cp, 'unicode')) {
        for (let m = lo; m <= hi; m++) {
          if (foldCodePoint(m) !== folded) disagreements.push(`${cp.toString(16)}~${m.toString(16)}`)
        }
      }
    }
    expect(disagreements.slice(0, 20)).toEqual([])
  })

  it('folds a code point only onto a member of its own case group', () => {
    const strays: string[] = []
    for (let cp = 0; cp < 0x20000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue
      const f = foldCodePoint(cp)
      if (f !== cp && !foldChar(cp, 'unicode').some(([lo, hi]) => f >= lo && f <= hi)) strays.push(cp.toString(16))
    }
    expect(strays.slice(0, 20)).toEqual([])
  })
})
