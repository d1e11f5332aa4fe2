import type { NumericKind } from '../check-types'
import { floatOp, integerOp, type ArithOp } from '../../values/java-arithmetic'
import { isFault } from '../../values/indexed-types'
import { fnError, type FnResult } from './function-def'

/**
 * EQL's operators and arithmetic functions on top of values/java-arithmetic (Java semantics: exact
 * int/long arithmetic where overflow is an error, truncating division, dividend-signed remainder,
 * "/ by zero"). `kind` is the static result kind, decided at compile time from the operand types.
 */
export type ArithOperator = '+' | '-' | '*' | '/' | '%'

const OPS: Readonly<Record<ArithOperator, ArithOp>> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'mod' }

/** `a op b` in Java arithmetic of the given width; errors instead of exceptions. */
export function javaArith(op: ArithOperator, kind: NumericKind, a: number, b: number): FnResult {
  if (kind === 'double') return floatOp(OPS[op], a, b)
  // integral types read from JSON may carry a fraction (2.0, or 2.5 sent to a long field): Java holds ints
  const r = integerOp(OPS[op], Math.trunc(a), Math.trunc(b), kind)
  return isFault(r) ? fnError(r.fault) : r
}

/** Unary minus; negating Integer.MIN_VALUE overflows as in Math.negateExact. */
export function javaNegate(kind: NumericKind, a: number): FnResult {
  return kind === 'double' ? -a : javaArith('-', kind, 0, a)
}
