import { fold, p, type FunctionDef } from './function-def'

/** `startsWith(s, prefix)` / `startsWith~`: plain prefix test; "" starts every string; null in -> null. */
export const startsWith: FunctionDef = {
  name: 'startswith',
  display: 'startsWith',
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
        return fold(s, caseInsensitive).startsWith(fixed ?? fold(x, caseInsensitive))
      },
    }
  },
}
