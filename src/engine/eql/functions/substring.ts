import { p, type FunctionDef, type ParamSpec } from './function-def'

const PARAMS: readonly ParamSpec[] = [p('string'), p('integer'), p('integer')]

/**
 * `substring(s, start[, end])`: a Python-style slice. Negative positions count from the end,
 * out-of-range positions clamp, start >= end gives "". A null start or end leaves that side open.
 */
export const substring: FunctionDef = {
  name: 'substring',
  display: 'substring',
  minArgs: 2,
  maxArgs: 3,
  arityReason: 'expects two or three arguments',
  caseInsensitive: false,
  param: (i) => PARAMS[Math.min(i, 2)] ?? p('integer'),
  resultType: () => 'keyword',
  bind: () => ({
    ok: true,
    impl: (args) => {
      const [s, start, end] = args
      if (typeof s !== 'string') return null
      const n = s.length
      const from = clamp(typeof start === 'number' ? Math.trunc(start) : 0, n)
      const to = clamp(typeof end === 'number' ? Math.trunc(end) : n, n)
      return from >= to ? '' : s.slice(from, to)
    },
  }),
}

function clamp(i: number, n: number): number {
  if (i < 0) return Math.max(0, n + i)
  return Math.min(i, n)
}
