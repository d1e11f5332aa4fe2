import type { NumericKind } from '../check-types'
import { fnError, type FnResult } from './function-def'

/**
 * Java arithmetic as Elasticsearch's QL Arithmetics does it: int and long operations are exact
 * (overflow raises, as Math.addExact does), integer division truncates toward zero, `%` keeps the
 * dividend's sign, and integer division by zero raises "/ by zero". Doubles follow IEEE 754.
 * Longs beyond 2^53 lose precision here (JavaScript numbers); detection rules do not reach them.
 */
export type ArithOperator = '+' | '-' | '*' | '/' | '%'

const INT_MIN = -2147483648
const INT_MAX = 2147483647
const LONG_LIMIT = 9223372036854775807

function checkRange(r: number, kind: NumericKind): FnResult {
  if (kind === 'int' && (r < INT_MIN || r > INT_MAX)) return fnError('integer overflow')
  if (kind === 'long' && (r > LONG_LIMIT || r < -LONG_LIMIT)) return fnError('long overflow')
  return r + 0 // normalises -0, which Java integers do not have
}

export function javaArith(op: ArithOperator, kind: NumericKind, a: number, b: number): FnResult {
  if (kind === 'double') {
    switch (op) {
      case '+':
        return a + b
      case '-':
        return a - b
      case '*':
        return a * b
      case '/':
        return a / b
      case '%':
        return a % b
    }
  }
  // integral operands coming from fields may be doubles in JSON (e.g. 2.0): Java would hold ints
  const x = Math.trunc(a)
  const y = Math.trunc(b)
  switch (op) {
    case '+':
      return checkRange(x + y, kind)
    case '-':
      return checkRange(x - y, kind)
    case '*':
      return checkRange(x * y, kind)
    case '/':
      if (y === 0) return fnError('/ by zero')
      return checkRange(Math.trunc(x / y), kind)
    case '%':
      if (y === 0) return fnError('/ by zero')
      return checkRange(x % y, kind)
  }
}

export function javaNegate(kind: NumericKind, a: number): FnResult {
  return kind === 'double' ? -a : checkRange(-Math.trunc(a), kind)
}
