import { fold, p, type FunctionDef, type ParamSpec } from './function-def'

const PARAMS: readonly ParamSpec[] = [p('string'), p('string'), p('integer')]

/**
 * `indexOf(s, x[, start])` / `indexOf~`: 0-based index of the first `x` at or after `start`, null when
 * not found. A null or negative start means 0 (the conformance folds `indexOf(s, "o", null)` to 1).
 * Java's indexOf clamps a start past the end, so an empty `x` is found at the string's length there.
 */
export const indexOf: FunctionDef = {
  name: 'indexof',
  display: 'indexOf',
  minArgs: 2,
  maxArgs: 3,
  arityReason: 'expects two or three arguments',
  caseInsensitive: true,
  param: (i) => PARAMS[Math.min(i, 2)] ?? p('integer'),
  resultType: () => 'integer',
  bind: ({ caseInsensitive }) => ({
    ok: true,
    impl: (args) => {
      const [s, x, start] = args
      if (typeof s !== 'string' || typeof x !== 'string') return null
      const from = typeof start === 'number' ? Math.max(0, Math.trunc(start)) : 0
      const at = fold(s, caseInsensitive).indexOf(fold(x, caseInsensitive), Math.min(from, s.length))
      return at < 0 ? null : at
    },
  }),
}
