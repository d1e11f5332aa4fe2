import { arithFunction } from './arith-function'

/** `subtract(a, b)`: difference of two numbers. */
export const subtract = arithFunction('subtract', 'subtract', '-')
