import { numericKind, typeOfKind, widerKind, type DataType } from '../check-types'
import { p, type FunctionDef } from './function-def'
import { javaArith, type ArithOperator } from './java-math'

/**
 * add/subtract/multiply/divide/modulo share one shape: exactly two numbers, null in -> null out,
 * result type by Java numeric promotion (int op int stays int, so divide(4, 3) is 1).
 */
export function arithFunction(name: string, display: string, op: ArithOperator): FunctionDef {
  return {
    name,
    display,
    minArgs: 2,
    maxArgs: 2,
    arityReason: 'expects exactly two arguments',
    caseInsensitive: false,
    param: () => p('numeric'),
    resultType: (types) => resultType(types),
    bind: ({ argTypes }) => {
      const kind = numericKind(resultType(argTypes))
      return {
        ok: true,
        impl: (args) => {
          const a = args[0]
          const b = args[1]
          if (typeof a !== 'number' || typeof b !== 'number') return null
          return javaArith(op, kind, a, b)
        },
      }
    },
  }
}

function resultType(types: readonly DataType[]): DataType {
  const [a = 'null', b = 'null'] = types
  if (a === 'null' && b === 'null') return 'null'
  if (a === 'null') return typeOfKind(numericKind(b))
  if (b === 'null') return typeOfKind(numericKind(a))
  return typeOfKind(widerKind(numericKind(a), numericKind(b)))
}
