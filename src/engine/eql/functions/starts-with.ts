import { stringTest } from './string-test'

/** `startsWith(s, prefix)` / `startsWith~`: plain prefix test; "" starts every string; null in -> null. */
export const startsWith = stringTest('startswith', 'startsWith', (s, prefix) => s.startsWith(prefix))
