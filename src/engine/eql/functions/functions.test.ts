import { describe, expect, it } from 'vitest'
import { contextOf, parseExpr } from '../check-test-helpers'
import { compileValue } from '../compile-expr'

/** Our own edge cases for every builtin, folded from literals: [expression, value or {error}]. */
const ctx = contextOf({})

function fold(expression: string): unknown {
  const { expr, diagnostics } = parseExpr(expression)
  expect(diagnostics).toEqual([])
  const code = compileValue(expr, ctx)
  if (code.foldError !== null) return { error: code.foldError }
  return code.constant === null ? 'not constant' : code.constant.value
}

const CASES: readonly (readonly [string, unknown])[] = [
  ['add(2, 3)', 5],
  ['add(2, 0.5)', 2.5],
  ['add(null, 1)', null],
  ['add(2147483647, 1)', { error: 'integer overflow' }],
  ['add(2147483647, 1 * 8589934592)', 2147483647 + 8589934592],
  ['subtract(-2, -2)', 0],
  ['multiply(3, -4)', -12],
  ['divide(4, 3)', 1],
  ['divide(-7, 2)', -3],
  ['divide(4, 0.5)', 8],
  ['divide(1, 0)', { error: '/ by zero' }],
  ['divide(1.0, 0)', Infinity],
  ['modulo(10, -6)', 4],
  ['modulo(-10, -6)', -4],
  ['modulo(10, 0.5)', 0],
  ['modulo(7, 0)', { error: '/ by zero' }],
  ['-(-3)', 3],
  ['7 / 2 * 2', 6],
  ['7 / 2.0', 3.5],
  ['between("a/b/c/d", "/", "/")', 'b'],
  ['between("a/b/c/d", "/", "/", true)', 'b/c'],
  ['between("abcab", "c", "a", true)', ''],
  ['between~("Path\\\\To\\\\FILE.exe", "to\\\\", ".EXE")', 'FILE'],
  ['between("", "a", "b")', ''],
  ['between("abc", "a", "c", null)', 'b'],
  ['cidrMatch(null, "10.0.0.0/8")', null],
  ['concat("x", 1.0, 2, true)', 'x1.02true'],
  ['concat("big", 1e21)', 'big1.0E21'],
  ['concat("small", 0.0001)', 'small1.0E-4'],
  ['concat(null)', null],
  ['endsWith("file.EXE", ".exe")', false],
  ['endsWith~("file.EXE", ".exe")', true],
  ['endsWith("abc", "")', true],
  ['indexOf("abcabc", "c", 3)', 5],
  ['indexOf("abc", "", 1)', 1],
  ['indexOf("abc", "", 10)', 3],
  ['indexOf("abc", "a", -5)', 0],
  ['indexOf~("ABC", "b")', 1],
  ['length("snow\\u{2603}")', 5],
  ['length("\\u{1F600}")', 2],
  ['number("  42 ")', 42],
  ['number("-0x1F")', -31],
  ['number("1e3")', 1000],
  ['number("z", 36)', 35],
  ['number("12", null)', 12],
  ['number("abc")', { error: 'Unable to convert [abc] to number of base [10]' }],
  ['number("19", 8)', { error: 'Unable to convert [19] to number of base [8]' }],
  ['startsWith("Hello", "he")', false],
  ['startsWith~("Hello", "he")', true],
  ['string(2.0)', '2.0'],
  ['string(-0.5)', '-0.5'],
  ['string(12345678.9)', '1.23456789E7'],
  ['string(false)', 'false'],
  ['stringContains("abc", "")', false],
  ['stringContains("", "")', false],
  ['stringContains("abc", "B")', false],
  ['stringContains~("abc", "B")', true],
  ['substring("start regsvr32.exe", -4, -1)', '.ex'],
  ['substring("abc", 2, 1)', ''],
  ['substring("abc", 5)', ''],
  ['substring("abc", -10, -2)', 'a'],
]

describe('builtin functions', () => {
  it.each(CASES)('%s', (expression, expected) => {
    expect(fold(expression)).toEqual(expected)
  })

  it('matches addresses in IPv4 and IPv6 blocks, any block', () => {
    const c = contextOf({ ip: 'ip' })
    const code = compileValue(parseExpr('cidrMatch(ip, "10.0.0.0/8", "fe80::/10")').expr, c)
    const read = (ip: unknown): unknown => code.read({ ip })
    expect(read('10.200.0.1')).toBe(true)
    expect(read('11.0.0.1')).toBe(false)
    expect(read('fe80::1')).toBe(true)
    expect(read(['11.0.0.1', 'fe80::2'])).toEqual([false, true])
    expect(read(undefined)).toBeUndefined()
  })
})
