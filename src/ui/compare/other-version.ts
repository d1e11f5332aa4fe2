import type { Baseline } from '../../state/baseline'
import type { CompareOther } from '../../state/compare-slice'

/**
 * The ways into a comparison, as plain values: the pinned baseline as side B. Kept apart from the
 * panel (which loads lazily) because the baseline bar, in the first bundle, offers it too.
 */

/** The pinned query as the version to compare with. */
export function otherFromBaseline(baseline: Pick<Baseline, 'query' | 'language'>): CompareOther {
  return { language: baseline.language, query: baseline.query, label: 'Pinned baseline', source: 'pin' }
}
