import type { AddExclusionOptions, AddExclusionResult } from '../../engine/tune/add-exclusion'

/**
 * The exclusion editor, loaded on first use through a dynamic import so the EQL and KQL parsers it
 * needs on the main thread stay out of the initial bundle (docs/architecture.md). It runs on one
 * small query text per click, never over the events.
 */
type AddExclusion = (opts: AddExclusionOptions) => AddExclusionResult

let loading: Promise<AddExclusion> | null = null

/** Resolves to `addExclusion`; the module is fetched once. */
export function loadAddExclusion(): Promise<AddExclusion> {
  loading ??= import('../../engine/tune/add-exclusion').then((m) => m.addExclusion)
  return loading
}
