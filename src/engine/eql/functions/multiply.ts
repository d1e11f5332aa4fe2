import { arithFunction } from './arith-function'

/** `multiply(a, b)`: product of two numbers. */
export const multiply = arithFunction('multiply', 'multiply', '*')
