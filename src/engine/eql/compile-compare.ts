import type { Compare, CompareOp } from './ast'
import { familyOf } from './check-types'
import { compileValue, type ValueCode } from './compile-expr'
import type { CompileContext } from './compile-context'
import { convertConstant } from './compile-constant'
import { compareIndexed, equalIndexed } from '../values/compare-indexed'
import { ALWAYS, NEVER, NULL_CONDITION, anyIndexed, hasValue, stringEquals, type EventTest } from './compile-leaf'
import { isFault, type Indexed } from '../values/indexed-types'
import { cidrContains, parseCidr } from '../values/ip-address'
import type { Scalar } from './functions/function-def'
import { dateCompare, dateRange, isDateField } from './compile-date'

/**
 * `==` `!=` `<` `<=` `>` `>=`. One side must be constant (field-to-field comparisons are a check
 * error; compiled here as never-true). Document semantics: `x == c` holds when any indexed value
 * equals c; `!=` is its complement (true for events without x); `x == null` is "x has no value"
 * and `x != null` "x has a value"; any other comparison with null is false.
 */
export function compileCompare(e: Compare, ctx: CompileContext): EventTest {
  let left = compileValue(e.left, ctx)
  let right = compileValue(e.right, ctx)
  let op = e.op
  if (left.constant !== null && right.constant !== null) {
    const a = left.constant.value
    const b = right.constant.value
    // `null < 1` folds to null; `null == "a"` is rewritten to IsNull("a") first (ReplaceNullChecks)
    if ((a === null || b === null) && op !== '==' && op !== '!=') return NULL_CONDITION
    return foldCompare(op, a, b) ? ALWAYS : NEVER
  }
  if (left.constant !== null) {
    ;[left, right] = [right, left]
    op = flip(op)
  }
  const constant = right.constant
  if (constant === null) return NEVER
  if (constant.value === null) {
    if (op === '==') return not(hasValue(left))
    if (op === '!=') return hasValue(left)
    return NULL_CONDITION
  }
  if (isDateField(left) && left.field !== null) {
    const range = dateRange(constant.value, left.field.spec, ctx.now ?? Date.now())
    return typeof range === 'string' ? NEVER : dateCompare(left, op, range)
  }
  const eq = equalsTest(left, constant.value, right)
  if (op === '==') return eq
  if (op === '!=') return not(eq)
  const converted = convertConstant(constant.value, right.type, left, false)
  if (converted.kind !== 'value') return NEVER
  const c = converted.value
  switch (op) {
    case '<':
      return anyIndexed(left, (v) => compareIndexed(v, c) < 0)
    case '<=':
      return anyIndexed(left, (v) => compareIndexed(v, c) <= 0)
    case '>':
      return anyIndexed(left, (v) => compareIndexed(v, c) > 0)
    case '>=':
      return anyIndexed(left, (v) => compareIndexed(v, c) >= 0)
  }
}

/** Equality of a value expression with a non-null constant, in the expression's indexed form. */
export function equalsTest(subject: ValueCode, value: Exclude<Scalar, null>, constantCode: ValueCode): EventTest {
  // a CIDR block against an ip field is a range, as Elasticsearch's term query on `ip` treats it
  if (familyOf(subject.type) === 'ip' && typeof value === 'string' && value.includes('/')) {
    const cidr = parseCidr(value)
    if (isFault(cidr)) return NEVER
    return anyIndexed(subject, (v) => typeof v === 'object' && v.kind === 'ip' && cidrContains(v, cidr))
  }
  const converted = convertConstant(value, constantCode.type, subject)
  if (converted.kind !== 'value') return NEVER
  const c = converted.value
  if (typeof c === 'string') return stringEquals(subject, c)
  if (typeof c === 'object') return anyIndexed(subject, (v) => equalIndexed(v, c))
  return anyIndexed(subject, (v) => v === c || (typeof v === 'bigint' && v == c))
}

/** The complement of a test (document-level `not`); a null-folded condition stays null. */
export function not(t: EventTest): EventTest {
  if (t === NULL_CONDITION) return NULL_CONDITION
  if (t === ALWAYS) return NEVER
  if (t === NEVER) return ALWAYS
  return (event) => !t(event)
}

function flip(op: CompareOp): CompareOp {
  switch (op) {
    case '<':
      return '>'
    case '<=':
      return '>='
    case '>':
      return '<'
    case '>=':
      return '<='
    case '==':
    case '!=':
      return op
  }
}

/** Both sides constant (Elasticsearch folds these at plan time). */
export function foldCompare(op: CompareOp, a: Scalar, b: Scalar): boolean {
  if (a === null || b === null) {
    if (op === '==') return a === null && b === null
    if (op === '!=') return !(a === null && b === null)
    return false
  }
  const d = compareScalars(a, b)
  switch (op) {
    case '==':
      return d === 0
    case '!=':
      return d !== 0
    case '<':
      return d < 0
    case '<=':
      return d <= 0
    case '>':
      return d > 0
    case '>=':
      return d >= 0
  }
}

function compareScalars(a: Indexed, b: Indexed): number {
  return compareIndexed(a, b)
}
