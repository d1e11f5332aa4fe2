import { describe, expect, it } from 'vitest'
import { foldCase } from './case-fold'
import { foldedPrefixFilter } from './folded-prefix-filter'
import { compileWildcard } from './wildcard'

describe('foldedPrefixFilter', () => {
  it('applies only when every pattern starts with ASCII literal text', () => {
    expect(foldedPrefixFilter(['/library/*', 'x?'])).not.toBeNull()
    expect(foldedPrefixFilter(['/library/*', '*.plist'])).toBeNull()
    expect(foldedPrefixFilter(['été*'])).toBeNull()
    expect(foldedPrefixFilter([])).toBeNull()
  })

  it('never rejects a value the folded match accepts', () => {
    const patterns = ['/library/launchdaemons/*', '/system/library/launchdaemons/*', 'loginhook', 'a?c*', 'k*']
    const folded = patterns.map(foldCase)
    const mayMatch = foldedPrefixFilter(folded)
    if (mayMatch === null) throw new Error('expected a filter')
    const matchers = folded.map((p) => compileWildcard(p, false))
    const values = [
      '/Library/LaunchDaemons/com.x.plist', '/LIBRARY/launchdaemons/', '/Library/LaunchAgents/x', '/System/Library/LaunchDaemons/a',
      'LoginHook', 'LOGINHOOK', 'LoginHookX', 'Login', '', 'ABC', 'aXcde', 'ab', 'Kelvin', '\u212Aelvin', 'ÉTÉ', '/Library/Été/x',
      'İstanbul', 'loginhooK', '/library/launchdaemons', 'A\u0130c',
    ]
    for (const v of values) {
      const full = matchers.some((m) => m(foldCase(v)))
      if (full) expect({ v, may: mayMatch(v) }).toEqual({ v, may: true })
    }
    expect(mayMatch('/Users/alice/Documents/x')).toBe(false)
    expect(mayMatch('Log')).toBe(false)
  })
})
