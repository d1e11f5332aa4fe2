import { arithFunction } from './arith-function'

/** `modulo(a, b)`: Java remainder: the result has the sign of the dividend (modulo(-10, -6) is -4). */
export const modulo = arithFunction('modulo', 'modulo', '%')
