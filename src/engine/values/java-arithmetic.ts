import type { ValueFault } from './indexed-types'

/**
 * Integer arithmetic as EQL evaluates it in Elasticsearch (Java, QL's `Arithmetics`): int and long
 * operations use exact arithmetic (`Math.addExact` etc.), so an overflow is an error, not a wrap;
 * integer division truncates toward zero; `%` is Java's remainder (sign of the dividend); integer
 * division or remainder by zero is an error ("/ by zero"). Floating-point operations follow IEEE
 * (x/0 = Infinity, x%0 = NaN) as in Java.
 *
 * Numbers are JS doubles: a long result above 2^53 is computed approximately (documented
 * limitation; `JSON.parse` has already rounded such inputs). Overflow is detected against the exact
 * int (2^31) or long (2^63) bounds.
 */
export type IntegerKind = 'int' | 'long'
export type ArithOp = 'add' | 'sub' | 'mul' | 'div' | 'mod'

const INT_MIN = -2147483648
const INT_MAX = 2147483647
const LONG_BOUND = 9223372036854775808 // 2^63 (exact as a double)

/** The integer kind of a literal: int when it fits 32 bits, else long (caller decides doubles). */
export function integerKindOf(n: number): IntegerKind {
  return n >= INT_MIN && n <= INT_MAX ? 'int' : 'long'
}

/** Java integer arithmetic on two integral numbers of the given (widest operand) kind. */
export function integerOp(op: ArithOp, a: number, b: number, kind: IntegerKind): number | ValueFault {
  let r: number
  switch (op) {
    case 'add':
      r = a + b
      break
    case 'sub':
      r = a - b
      break
    case 'mul':
      r = a * b
      break
    case 'div':
      if (b === 0) return { fault: '/ by zero' }
      r = Math.trunc(a / b)
      break
    case 'mod':
      if (b === 0) return { fault: '/ by zero' }
      r = a % b
      break
  }
  if (kind === 'int' ? r < INT_MIN || r > INT_MAX : r < -LONG_BOUND || r >= LONG_BOUND) {
    return { fault: `${kind === 'int' ? 'integer' : 'long'} overflow` }
  }
  return r === 0 ? 0 : r // no negative zero from integers
}

/** Java floating-point arithmetic (IEEE 754, same as JS). */
export function floatOp(op: ArithOp, a: number, b: number): number {
  switch (op) {
    case 'add':
      return a + b
    case 'sub':
      return a - b
    case 'mul':
      return a * b
    case 'div':
      return a / b
    case 'mod':
      return a % b
  }
}

/** Truncating integer division (Java `/` on ints); undefined for division by zero. */
export function truncDiv(a: number, b: number): number | undefined {
  return b === 0 ? undefined : Math.trunc(a / b) || 0
}

/** Java remainder: the sign follows the dividend (JS `%` already does this). */
export function javaRemainder(a: number, b: number): number {
  return a % b
}
