/**
 * Kibana-style rule exceptions: the item model (types.ts) and, in this folder, how items are read
 * from Kibana's formats, compiled into one event test, described in words, and exported as the
 * Query DSL the detection engine adds to the rule's search.
 */
export type * from './types'
export { readExceptionItems, readItem, type ReadItems } from './read-items'
