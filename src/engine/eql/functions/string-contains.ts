import { stringTest } from './string-test'

/**
 * `stringContains(s, x)` / `stringContains~`: substring test. Elasticsearch requires a non-empty
 * needle, so `stringContains(s, "")` is false, unlike JavaScript's includes(""). null in -> null.
 */
export const stringContains = stringTest('stringcontains', 'stringContains', (s, x) => x.length > 0 && s.includes(x))
