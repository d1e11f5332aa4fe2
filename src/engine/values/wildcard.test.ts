import { describe, expect, it } from 'vitest'
import { compileWildcard, compileWildcardParts, hasWildcard, parseEqlWildcard } from './wildcard'
import { foldCase as foldCaseForTest } from './case-fold'

const m = (p: string, s: string, ci = false): boolean => compileWildcard(p, ci)(s)

describe('compileWildcard', () => {
  it('anchors the whole value', () => {
    expect(m('cmd.exe', 'cmd.exe')).toBe(true)
    expect(m('cmd.exe', 'xcmd.exe')).toBe(false)
    expect(m('cmd.exe', 'cmd.exex')).toBe(false)
    expect(m('', '')).toBe(true)
    expect(m('', 'a')).toBe(false)
  })

  it('fast-path shapes: prefix, suffix, contains, prefix+suffix, star', () => {
    expect(m('net*', 'net.exe')).toBe(true)
    expect(m('net*', 'net')).toBe(true)
    expect(m('net*', 'xnet')).toBe(false)
    expect(m('*.exe', 'a.exe')).toBe(true)
    expect(m('*.exe', 'a.exe.bak')).toBe(false)
    expect(m('*pow*', 'powershell')).toBe(true)
    expect(m('*pow*', 'po')).toBe(false)
    expect(m('a*a', 'a')).toBe(false) // prefix and suffix may not overlap
    expect(m('a*a', 'aa')).toBe(true)
    expect(m('*', '')).toBe(true)
    expect(m('**', 'anything')).toBe(true)
    expect(m('a**b', 'ab')).toBe(true)
  })

  it('* spans newlines', () => {
    expect(m('a*b', 'a\n\nb')).toBe(true)
  })

  it('? is exactly one code point', () => {
    expect(m('1?', '1')).toBe(false)
    expect(m('1?', '10')).toBe(true)
    expect(m('1?', '100')).toBe(false)
    expect(m('?', '😀')).toBe(true) // one code point, two UTF-16 units
    expect(m('??', '😀')).toBe(false)
    expect(m('a?c', 'a😀c')).toBe(true)
    expect(m('*?', '😀')).toBe(true)
    expect(m('*?x', '😀x')).toBe(true)
    expect(m('x?*', 'x😀')).toBe(true)
    expect(m('*a?b*', 'zza😀bzz')).toBe(true)
    expect(m('*a??b*', 'zza😀bzz')).toBe(false)
  })

  it('general patterns with several stars and ?', () => {
    expect(m('*\\system32\\*.exe', 'C:\\Windows\\System32\\cmd.exe')).toBe(false)
    expect(m('*\\System32\\*.exe', 'C:\\Windows\\System32\\cmd.exe')).toBe(true)
    expect(m('a*b*c', 'abc')).toBe(true)
    expect(m('a*b*c', 'acb')).toBe(false)
    expect(m('a*?*c', 'ac')).toBe(false)
    expect(m('a*?*c', 'abc')).toBe(true)
    expect(m('*x?z*y', 'axqzy')).toBe(true)
    expect(m('*ab*ab*', 'abab')).toBe(true)
    expect(m('*ab*ab*', 'aba')).toBe(false)
  })

  it('treats backslash as a literal character (EQL)', () => {
    expect(m('*\\MACHINE\\SAM\\*', '\\REGISTRY\\MACHINE\\SAM\\Domains')).toBe(true)
    expect(m('a\\*', 'a\\xyz')).toBe(true) // the star is still a wildcard
    expect(m('a\\*', 'a*')).toBe(false)
    expect(parseEqlWildcard('a\\?b')).toEqual([{ kind: 'literal', text: 'a\\' }, { kind: 'one' }, { kind: 'literal', text: 'b' }])
  })

  it('case-insensitive matching folds both sides', () => {
    expect(m('*POWERSHELL*', 'c:\\PowerShell.exe', true)).toBe(true)
    expect(m('*POWERSHELL*', 'c:\\PowerShell.exe', false)).toBe(false)
    expect(m('straße', 'STRAẞE', true)).toBe(true)
    expect(m('İstanbul', 'istanbul', true)).toBe(true)
    expect(m('?', 'Σ', true)).toBe(true)
    expect(m('σ*', 'ς', true)).toBe(true)
  })

  it('case-insensitive fast paths agree with folding the subject', () => {
    const subjects = ['PowerShell', 'xPOWERSHELLx', 'powershel', '\u212Aey', 'KEY', 'key😀', '😀key', 'ſtop', 'İd', '', 'ab']
    const patterns = ['powershell', 'power*', '*shell', '*owers*', 'p*l', 'key', 'k*', '*y', '*ey*', 'stop', 'id', '*', '**', 'a*b']
    for (const p of patterns) {
      const fast = compileWildcard(p, true)
      // the allocation-free path must agree with folding the subject and matching case-sensitively
      const viaFold = compileWildcard(p, false)
      for (const s of subjects) {
        const expected = new RegExp(`^${p.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*')}$`, 'u').test(foldCaseForTest(s))
        expect({ p, s, got: fast(s) }).toEqual({ p, s, got: expected })
        expect(viaFold(foldCaseForTest(s))).toBe(expected)
      }
    }
  })

  // A backtracking matcher would take exponential time here: a regression shows up as a suite
  // timeout, while speed itself is measured by the bench, never by a test.
  it('answers pathological patterns correctly', () => {
    const long = 'a'.repeat(200_000)
    expect(m('*a*a*a*a*a*b', long)).toBe(false)
    expect(m('*a*a*a*a*a*a', long)).toBe(true)
    expect(m('*a?a*a?a*a?b*', long)).toBe(false)
    expect(m('?'.repeat(50) + '*b', long)).toBe(false)
  })

  it('literal ? and * are possible through parts (KQL escapes)', () => {
    const f = compileWildcardParts([{ kind: 'literal', text: 'a*?' }, { kind: 'any' }], false)
    expect(f('a*?b')).toBe(true)
    expect(f('axyb')).toBe(false)
  })

  it('hasWildcard', () => {
    expect(hasWildcard('abc')).toBe(false)
    expect(hasWildcard('a*')).toBe(true)
    expect(hasWildcard('a?')).toBe(true)
  })
})
