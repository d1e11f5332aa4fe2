import type { Schema } from '../engine'
import type { CompareReport, CompareRequestFields } from './protocol-compare'

/**
 * The worker's answer to `compare` (protocol-compare.ts), apart from handle.ts so the dispatcher
 * only gains one `case`. Never throws on user input: a side that does not compile answers its
 * diagnostics.
 */

/** What the dispatcher gives: its current events and a schema per mappings (each side may differ). */
export interface CompareContext {
  readonly events: readonly unknown[]
  readonly eventsVersion: number
  readonly schemaFor: (mappings: unknown) => Schema
  /** clock for the budget; injectable for tests */
  readonly now: () => number
}

export function compare(_req: CompareRequestFields, ctx: CompareContext): CompareReport {
  return { eventsVersion: ctx.eventsVersion }
}
