import { fold, p, type FunctionDef } from './function-def'

/** `endsWith(s, suffix)` / `endsWith~`: plain suffix test; "" ends every string; null in -> null. */
export const endsWith: FunctionDef = {
  name: 'endswith',
  display: 'endsWith',
  minArgs: 2,
  maxArgs: 2,
  arityReason: 'expects exactly two arguments',
  caseInsensitive: true,
  param: () => p('string'),
  resultType: () => 'boolean',
  bind: ({ caseInsensitive, constants }) => {
    // the suffix is nearly always a literal: fold its case once
    const c = constants[1]
    const fixed = typeof c === 'string' ? fold(c, caseInsensitive) : undefined
    return {
      ok: true,
      impl: (args) => {
        const [s, x] = args
        if (typeof s !== 'string' || typeof x !== 'string') return null
        return fold(s, caseInsensitive).endsWith(fixed ?? fold(x, caseInsensitive))
      },
    }
  },
}
