import { fold, p, type FunctionDef } from './function-def'

/**
 * The shape shared by the two-string predicates with a `~` variant (startsWith, endsWith,
 * stringContains): both arguments strings, null in -> null, and the second argument — nearly
 * always a literal — folded once at bind time instead of per event.
 */
export function stringTest(name: string, display: string, test: (s: string, x: string) => boolean): FunctionDef {
  return {
    name,
    display,
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
          return test(fold(s, caseInsensitive), fixed ?? fold(x, caseInsensitive))
        },
      }
    },
  }
}
