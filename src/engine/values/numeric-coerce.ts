/**
 * What numeric field types index for a raw JSON value. ES coerces numeric strings (`"5"` -> 5,
 * `coerce: true` is the default) and truncates fractions for integer types; values out of the
 * type's range, booleans and non-numeric text are malformed (the document would be rejected; we
 * treat the value as not indexed).
 */
export type NumericType =
  | 'long'
  | 'integer'
  | 'short'
  | 'byte'
  | 'unsigned_long'
  | 'double'
  | 'float'
  | 'half_float'
  | 'scaled_float'

const NUMERIC_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/

function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined
  if (typeof raw === 'string' && NUMERIC_TEXT.test(raw)) {
    const n = Number(raw)
    return Number.isFinite(n) ? n : undefined
  }
  return undefined
}

const RANGES: Readonly<Record<'long' | 'integer' | 'short' | 'byte' | 'unsigned_long', readonly [number, number]>> = {
  // [lowest, one past the highest]. 2^63 and 2^64 are exact doubles; for long and unsigned_long the
  // bound itself is let through because JSON.parse rounds the maximum (2^63-1, 2^64-1) up to it.
  byte: [-128, 128],
  short: [-32768, 32768],
  integer: [-2147483648, 2147483648],
  long: [-9223372036854775808, 9223372036854775808],
  unsigned_long: [0, 18446744073709551616],
}

/** Rounds to IEEE half precision (binary16), as a half_float field stores values. */
export function toHalfFloat(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x
  const a = Math.abs(x)
  if (a >= 65520) return x > 0 ? Infinity : -Infinity
  // spacing of representable values: 2^(e-10) for normals, 2^-24 for subnormals
  const e = Math.max(Math.floor(Math.log2(a)), -14)
  const ulp = Math.pow(2, e - 10)
  let q = a / ulp
  const r = Math.round(q)
  // ties to even
  q = Math.abs(q - Math.trunc(q) - 0.5) < 1e-12 ? (Math.trunc(q) % 2 === 0 ? Math.trunc(q) : Math.trunc(q) + 1) : r
  return Math.sign(x) * q * ulp
}

/** The number a numeric field indexes for `raw`, or undefined when ES would not index it. */
export function coerceNumber(type: NumericType, raw: unknown, scalingFactor?: number): number | undefined {
  const n = toNumber(raw)
  if (n === undefined) return undefined
  switch (type) {
    case 'double':
      return n
    case 'float':
      return Math.fround(n)
    case 'half_float':
      return toHalfFloat(n)
    case 'scaled_float': {
      // stored as round(value * factor) in a long, read back divided by the factor
      const f = scalingFactor !== undefined && scalingFactor > 0 ? scalingFactor : 1
      return Math.round(n * f) / f
    }
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'unsigned_long': {
      // integers parse text with Long.parseLong / BigDecimal, which reject surrounding spaces
      // (floating types use Double.parseDouble, which trims them)
      if (typeof raw === 'string' && raw.trim() !== raw) return undefined
      const t = Math.trunc(n)
      const [lo, hi] = RANGES[type]
      const big = type === 'long' || type === 'unsigned_long'
      if (t < lo || (big ? t > hi : t >= hi)) return undefined
      return t === 0 ? 0 : t
    }
  }
}
