import { stringTest } from './string-test'

/** `endsWith(s, suffix)` / `endsWith~`: plain suffix test; "" ends every string; null in -> null. */
export const endsWith = stringTest('endswith', 'endsWith', (s, suffix) => s.endsWith(suffix))
