/** Alert simulation (see types.ts): schedule, rule types and alert documents. */
export type * from './types'
export { DEFAULT_SCHEDULE } from './types'
