import { p, type FunctionDef } from './function-def'
import { javaString } from './java-format'

/** `string(v)`: the value's string form as Java prints it ("true", "42", "2.5", "1.0E21"); null -> null. */
export const string: FunctionDef = {
  name: 'string',
  display: 'string',
  minArgs: 1,
  maxArgs: 1,
  arityReason: 'expects exactly one argument',
  caseInsensitive: false,
  param: () => p('exact'),
  resultType: () => 'keyword',
  bind: ({ argTypes }) => ({
    ok: true,
    impl: (args) => {
      const v = args[0]
      return v === null || v === undefined ? null : javaString(v, argTypes[0] ?? 'keyword')
    },
  }),
}
