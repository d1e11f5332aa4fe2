import { p, type FunctionDef } from './function-def'
import { javaString } from './java-format'

/**
 * `concat(v, ...)`: the string forms of the values joined; null as soon as any value is null (so
 * `concat(a, b) == null` holds when either field is missing). Numbers print the Java way.
 */
export const concat: FunctionDef = {
  name: 'concat',
  display: 'concat',
  minArgs: 1,
  maxArgs: Infinity,
  arityReason: 'expects at least one argument',
  caseInsensitive: false,
  param: () => p('exact'),
  resultType: () => 'keyword',
  bind: ({ argTypes }) => ({
    ok: true,
    impl: (args) => {
      let out = ''
      for (let i = 0; i < args.length; i++) {
        const v = args[i]
        if (v === null || v === undefined) return null
        out += javaString(v, argTypes[i] ?? 'keyword')
      }
      return out
    },
  }),
}
