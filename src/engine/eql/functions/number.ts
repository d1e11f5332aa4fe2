import { fnError, p, type FunctionDef, type FnResult, type ParamSpec } from './function-def'

const PARAMS: readonly ParamSpec[] = [p('string'), p('integer', true)]

/**
 * `number(s[, base])`: parses an integer or (base 10 only) a decimal. Surrounding whitespace is
 * ignored, a sign is allowed, a `0x` prefix means base 16 even when the base is null. A null string
 * gives null; a null base means 10. Text that does not parse fails the search in Elasticsearch; here
 * it is an evaluation error (the leaf is false), reported as a check error when it is a constant.
 */
export const number: FunctionDef = {
  name: 'number',
  display: 'number',
  minArgs: 1,
  maxArgs: 2,
  arityReason: 'expects one or two arguments',
  caseInsensitive: false,
  param: (i) => PARAMS[Math.min(i, 1)] ?? p('integer', true),
  resultType: () => 'double',
  bind: ({ constants }) => {
    const base = constants[1]
    if (typeof base === 'number' && (base < 2 || base > 36 || !Number.isInteger(base))) {
      return { ok: false, argIndex: 1, reason: `radix ${base} out of range` }
    }
    return {
      ok: true,
      impl: (args) => {
        const s = args[0]
        const b = args[1]
        if (typeof s !== 'string') return null
        return parseNumber(s, typeof b === 'number' ? b : null)
      },
    }
  },
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[dDfF]?$/
const INTEGER = /^[+-]?\d+$/

/** ToNumber's parsing of one string in a base (null: 10, or 16 with a 0x prefix). */
export function parseNumber(text: string, base: number | null): FnResult {
  let s = text.trim()
  let radix = base ?? 10
  let sign = ''
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s[0] === '-' ? '-' : ''
    s = s.slice(1)
  }
  if ((s.startsWith('0x') || s.startsWith('0X')) && (base === null || base === 16)) {
    radix = 16
    s = s.slice(2)
  }
  const fail = fnError(`Unable to convert [${text}] to number of base [${radix}]`)
  if (radix === 10) {
    if (INTEGER.test(s)) return Number(sign + s)
    if (DECIMAL.test(s)) return Number.parseFloat(sign + s)
    return fail
  }
  if (s.length === 0) return fail
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, radix)
  let value = 0
  for (const ch of s.toLowerCase()) {
    const d = digits.indexOf(ch)
    if (d < 0) return fail
    value = value * radix + d
  }
  return sign === '-' ? -value : value
}
