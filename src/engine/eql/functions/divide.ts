import { arithFunction } from './arith-function'

/** `divide(a, b)`: quotient; integer operands divide with truncation toward zero, as Java does. */
export const divide = arithFunction('divide', 'divide', '/')
