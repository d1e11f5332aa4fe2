import { describe, expect, it } from 'vitest'
import { floatOp, integerKindOf, integerOp, javaRemainder, truncDiv } from './java-arithmetic'
import { isFault } from './indexed-types'

describe('Java integer arithmetic', () => {
  it('truncates integer division toward zero', () => {
    expect(integerOp('div', 83, 2, 'int')).toBe(41)
    expect(integerOp('div', -7, 2, 'int')).toBe(-3)
    expect(integerOp('div', 4, 3, 'long')).toBe(1)
    expect(truncDiv(-1, 2)).toBe(0)
    expect(Object.is(truncDiv(-1, 2), -0)).toBe(false)
    expect(truncDiv(1, 0)).toBeUndefined()
  })

  it('keeps the sign of the dividend for remainders', () => {
    expect(integerOp('mod', 10, -6, 'int')).toBe(4)
    expect(integerOp('mod', -10, -6, 'int')).toBe(-4)
    expect(javaRemainder(-10, 6)).toBe(-4)
    expect(floatOp('mod', 10, 0.5)).toBe(0)
  })

  it('reports division by zero and overflow as faults', () => {
    expect(isFault(integerOp('div', 1, 0, 'int'))).toBe(true)
    expect(isFault(integerOp('mod', 1, 0, 'long'))).toBe(true)
    expect(isFault(integerOp('add', 2147483647, 1, 'int'))).toBe(true)
    expect(integerOp('add', 2147483647, 1, 'long')).toBe(2147483648)
    expect(isFault(integerOp('mul', 2 ** 62, 4, 'long'))).toBe(true)
    expect(isFault(integerOp('sub', -2147483648, 1, 'int'))).toBe(true)
  })

  it('follows IEEE for floating point', () => {
    expect(floatOp('div', 1, 0)).toBe(Infinity)
    expect(floatOp('div', 165, 2)).toBe(82.5)
    expect(Number.isNaN(floatOp('mod', 1, 0))).toBe(true)
  })

  it('classifies integer literals', () => {
    expect(integerKindOf(5)).toBe('int')
    expect(integerKindOf(8589934592)).toBe('long')
    expect(integerKindOf(-2147483648)).toBe('int')
  })

  it('computes the long range exactly at its edges', () => {
    expect(integerOp('sub', -(2 ** 62), 2 ** 62, 'long')).toBe(-(2 ** 63))
    expect(isFault(integerOp('add', 2 ** 62, 2 ** 62, 'long'))).toBe(true) // 2^63 overflows
    expect(integerOp('mul', -2147483648, 1, 'int')).toBe(-2147483648)
    expect(isFault(integerOp('mul', -2147483648, -1, 'int'))).toBe(true)
  })

  it('never produces negative zero from integers', () => {
    expect(Object.is(integerOp('mul', -1, 0, 'int'), 0)).toBe(true)
    expect(Object.is(integerOp('div', -1, 5, 'int'), 0)).toBe(true)
    expect(Object.is(integerOp('mod', -5, 5, 'int'), 0)).toBe(true)
  })
})
