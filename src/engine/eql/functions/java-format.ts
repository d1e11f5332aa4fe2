import type { DataType } from '../check-types'
import { numericKind, familyOf } from '../check-types'
import type { Scalar } from './function-def'

/**
 * Java's Double.toString: Elasticsearch's `string()` and `concat()` print numbers the way Java does,
 * so `string(2.0)` is "2.0" and 1e21 is "1.0E21", where JavaScript would print "2" and "1e+21".
 */
export function javaDoubleString(x: number): string {
  if (Number.isNaN(x)) return 'NaN'
  if (x === Infinity) return 'Infinity'
  if (x === -Infinity) return '-Infinity'
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0'
  const abs = Math.abs(x)
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(x)
    return s.includes('.') ? s : `${s}.0`
  }
  const [mantissa = '', exponent = '0'] = x.toExponential().split('e')
  const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`
  return `${m}E${exponent.startsWith('+') ? exponent.slice(1) : exponent}`
}

/** The string form of a value of static type `t`, as Java's String.valueOf would print it. */
export function javaString(v: Exclude<Scalar, null>, t: DataType): string {
  if (typeof v === 'object') return v.text // ip and version values keep their text form
  if (typeof v === 'number') {
    if (familyOf(t) === 'numeric' && numericKind(t) !== 'double') return String(Math.trunc(v))
    if (familyOf(t) === 'numeric' || t === 'null') return javaDoubleString(v)
    // dates print as epoch millis would in a script's doc value; other types keep their own form
    return Number.isInteger(v) ? String(v) : javaDoubleString(v)
  }
  return String(v)
}
