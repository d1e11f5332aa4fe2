import { arithFunction } from './arith-function'

/** `add(a, b)`: sum of two numbers. */
export const add = arithFunction('add', 'add', '+')
