import { describe, expect, it } from 'vitest'
import { compareVersion, parseVersion } from './semantic-version'

const sortVersions = (list: string[]): string[] =>
  list.map(parseVersion).sort(compareVersion).map((v) => v.text)

describe('version ordering', () => {
  it('parses valid and invalid versions', () => {
    expect(parseVersion('1.2.3-rc.1+build.5')).toMatchObject({ valid: true, main: ['1', '2', '3'], pre: ['rc', '1'], build: 'build.5' })
    expect(parseVersion('1.2.3.4').valid).toBe(true)
    expect(parseVersion('7').valid).toBe(true)
    for (const bad of ['bad', '01.2.3', '1..2', '1.2.3-', '1.2.3-01', 'v1.2.3', '']) expect(parseVersion(bad).valid).toBe(false)
  })

  it('orders numerically, pre-releases before releases, invalid last', () => {
    expect(
      sortVersions(['bad', '10.0.0', '2.0.0', '1.2.4-SNAPSHOT', '1.5.0', '1.2.4', '1.2.4-alpha.10', '1.2.4-alpha.2', 'abc', '1.2.4-alpha']),
    ).toEqual(['1.2.4-SNAPSHOT', '1.2.4-alpha', '1.2.4-alpha.2', '1.2.4-alpha.10', '1.2.4', '1.5.0', '2.0.0', '10.0.0', 'abc', 'bad'])
  })

  it('puts numeric pre-release identifiers before alphanumeric ones', () => {
    expect(compareVersion(parseVersion('1.0.0-1'), parseVersion('1.0.0-a'))).toBeLessThan(0)
    expect(compareVersion(parseVersion('1.0.0-2'), parseVersion('1.0.0-10'))).toBeLessThan(0)
  })

  it('orders shorter main-part lists first and compares long numbers exactly', () => {
    expect(compareVersion(parseVersion('1.2'), parseVersion('1.2.0'))).toBeLessThan(0)
    expect(compareVersion(parseVersion('1.2.0'), parseVersion('1.10'))).toBeLessThan(0)
    expect(compareVersion(parseVersion('99999999999999999998.0'), parseVersion('99999999999999999999.0'))).toBeLessThan(0)
  })

  it('is equal only for identical text', () => {
    expect(compareVersion(parseVersion('1.0.0'), parseVersion('1.0.0'))).toBe(0)
    expect(compareVersion(parseVersion('1.0.0+a'), parseVersion('1.0.0+b'))).not.toBe(0)
  })

  it('follows semver 2.0 precedence for a full example chain', () => {
    const chain = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0']
    expect(sortVersions([...chain].reverse())).toEqual(chain)
  })

  it('orders build metadata only after everything else', () => {
    expect(compareVersion(parseVersion('1.0.0+zzz'), parseVersion('1.0.1+aaa'))).toBeLessThan(0)
    expect(compareVersion(parseVersion('1.0.0-rc+b'), parseVersion('1.0.0'))).toBeLessThan(0)
  })

  it('is antisymmetric over a mixed sample', () => {
    const sample = ['1', '1.0', '1.0.0', '1.0.0-a', '1.0.0+b', 'x', 'X', '2.0.0.1', '0.0.1', '']
    for (const a of sample) {
      for (const b of sample) {
        const ab = Math.sign(compareVersion(parseVersion(a), parseVersion(b)))
        const ba = Math.sign(compareVersion(parseVersion(b), parseVersion(a)))
        expect(ab).toBe(-ba || 0)
        expect(ab === 0).toBe(a === b)
      }
    }
  })

  it('memoises parses', () => {
    expect(parseVersion('3.1.4')).toBe(parseVersion('3.1.4'))
  })
})
