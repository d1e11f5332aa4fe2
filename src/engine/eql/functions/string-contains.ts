import { fold, p, type FunctionDef } from './function-def'

/**
 * `stringContains(s, x)` / `stringContains~`: substring test. Elasticsearch requires a non-empty
 * needle, so `stringContains(s, "")` is false (FN), unlike JavaScript's includes(""). null in -> null.
 */
export const stringContains: FunctionDef = {
  name: 'stringcontains',
  display: 'stringContains',
  minArgs: 2,
  maxArgs: 2,
  arityReason: 'expects exactly two arguments',
  caseInsensitive: true,
  param: () => p('string'),
  resultType: () => 'boolean',
  bind: ({ caseInsensitive, constants }) => {
    const c = constants[1]
    const fixed = typeof c === 'string' ? fold(c, caseInsensitive) : undefined
    return {
      ok: true,
      impl: (args) => {
        const [s, x] = args
        if (typeof s !== 'string' || typeof x !== 'string') return null
        const needle = fixed ?? fold(x, caseInsensitive)
        return needle.length > 0 && fold(s, caseInsensitive).includes(needle)
      },
    }
  },
}
