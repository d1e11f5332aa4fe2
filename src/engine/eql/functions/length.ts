import { p, type FunctionDef } from './function-def'

/** `length(s)`: UTF-16 code units, as Java's String.length(); null in -> null. */
export const length: FunctionDef = {
  name: 'length',
  display: 'length',
  minArgs: 1,
  maxArgs: 1,
  arityReason: 'expects exactly one argument',
  caseInsensitive: false,
  param: () => p('string'),
  resultType: () => 'integer',
  bind: () => ({
    ok: true,
    impl: (args) => {
      const s = args[0]
      return typeof s === 'string' ? s.length : null
    },
  }),
}
