import { describe, expect, it } from 'vitest'
import { foldCase, lowerRoot } from './case-fold'

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
