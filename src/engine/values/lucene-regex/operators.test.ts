import { describe, expect, it } from 'vitest'
import { matcher, matching, refusal } from './test-support'

describe('optional operators (flags ALL)', () => {
  it('@ matches any string', () => {
    expect(matching('@', ['', 'x', 'a\nb😀'])).toEqual(['', 'x', 'a\nb😀'])
    expect(matching('ab@', ['ab', 'abzz', 'a'])).toEqual(['ab', 'abzz'])
  })

  it('# is the empty language', () => {
    expect(matching('#', ['', '#'])).toEqual([])
    expect(matching('#|ab', ['ab', ''])).toEqual(['ab'])
    expect(matching('a#', ['a'])).toEqual([])
    expect(matching('#*', ['', 'a'])).toEqual([''])
  })

  it('& intersects both sides', () => {
    expect(matching('aaa.+&.+bbb', ['aaabbb', 'aaab', 'aaaxbbb', 'bbb'])).toEqual(['aaabbb', 'aaaxbbb'])
    expect(matching('[a-z]+&.*x.*&.{3}', ['axb', 'abc', 'axbc', 'AxB'])).toEqual(['axb'])
    expect(matching('(a&b)|c', ['a', 'c'])).toEqual(['c'])
  })

  it('~ complements the shortest following expression', () => {
    expect(matching('a~bc', ['adc', 'aec', 'abc', 'ac', 'abbc'])).toEqual(['adc', 'aec', 'ac', 'abbc'])
    expect(matching('~(abc)', ['abc', 'ab', '', 'abcd'])).toEqual(['ab', '', 'abcd'])
    // (~a)*: pieces other than "a", so "a" alone cannot be formed but "aa" can.
    expect(matching('~a*', ['', 'a', 'b', 'aa'])).toEqual(['', 'b', 'aa'])
    expect(matching('~~a', ['a', 'b'])).toEqual(['a'])
    expect(matching('~#', ['', 'anything'])).toEqual(['', 'anything'])
    expect(matching('~@', ['', 'a'])).toEqual([])
  })

  it('combines @ & ~ for "everything except"', () => {
    expect(matching('@&~(abc.+)', ['abcd', 'abc', 'xabcd', ''])).toEqual(['abc', 'xabcd', ''])
  })

  it('complements over code points, not UTF-16 units', () => {
    expect(matching('~(.)', ['😀', 'ab', ''])).toEqual(['ab', ''])
  })

  it('complements case-folded sets under caseInsensitive', () => {
    expect(matching('~(abc)', ['ABC', 'abd'], { caseInsensitive: true })).toEqual(['abd'])
  })

  it('reuses a complement DFA across repetition copies', () => {
    expect(matching('(~a){3}', ['bcd', 'aaa', ''])).toEqual(['bcd', 'aaa', ''])
    expect(matching('(~(.*a.*)){2}x', ['bcx', 'x', 'ax'])).toEqual(['bcx', 'x'])
  })
})

describe('numeric intervals <n-m>', () => {
  it('matches the numbers between the bounds, leading zeros allowed when widths differ', () => {
    const test = matcher('foo<1-100>')
    const inRange = ['foo1', 'foo2', 'foo50', 'foo99', 'foo100', 'foo01', 'foo007', 'foo0100']
    const outside = ['foo0', 'foo101', 'foo', 'foo1000', 'foo-1', 'foox']
    expect(inRange.filter(test)).toEqual(inRange)
    expect(outside.filter(test)).toEqual([])
  })

  it('fixes the width when both bounds have the same number of digits', () => {
    expect(matching('<00-99>', ['07', '7', '99', '007'])).toEqual(['07', '99'])
    expect(matching('<10-20>', ['10', '15', '20', '9', '21', '010'])).toEqual(['10', '15', '20'])
  })

  it('accepts bounds in either order', () => {
    expect(matching('<20-10>', ['15', '21'])).toEqual(['15'])
  })

  it('agrees with numeric comparison on every value up to 1200', () => {
    for (const [lo, hi] of [
      [0, 0],
      [0, 9],
      [7, 1099],
      [95, 1005],
      [123, 987],
      [1, 1000],
    ] as const) {
      const test = matcher(`<${lo}-${hi}>`)
      for (let v = 0; v <= 1200; v++) expect(test(String(v))).toBe(v >= lo && v <= hi)
    }
  })

  it('handles bounds up to a Java int', () => {
    const test = matcher('<2147483000-2147483647>')
    expect(test('2147483647')).toBe(true)
    expect(test('2147483648')).toBe(false)
    expect(test('2147482999')).toBe(false)
  })

  it('combines with other operators', () => {
    expect(matching('port<1-1024>|x', ['port80', 'port1025', 'x'])).toEqual(['port80', 'x'])
    expect(matching('<1-10>+', ['1', '110', '11', '0'])).toEqual(['1', '110', '11'])
  })
})

describe('too complex', () => {
  it('refuses a complement whose DFA exceeds 10,000 states', () => {
    const r = refusal('~(.*a.{20})')
    expect(r.kind).toBe('too_complex')
    expect(r.message).toContain('would require more than 10000 effort')
    expect(r.offset).toBe(0)
  })

  it('refuses an intersection whose DFA exceeds the cap', () => {
    const r = refusal('x(.*a.{14}&.*b.{14})')
    expect(r.kind).toBe('too_complex')
    // The intersection starts where its left operand does, just inside the parenthesis.
    expect(r.offset).toBe(2)
  })

  it('accepts a complement of a modest pattern with a large alphabet', () => {
    expect(matching('~(.*[0-9]{1,3}(\\.[0-9]{1,3}){3}.*)', ['ip 10.0.0.1', 'no ip'])).toEqual(['no ip'])
  })
})
