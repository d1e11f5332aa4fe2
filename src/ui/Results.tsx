import type { RunReport } from '../worker/protocol'
import { ResultsPanel } from './results/ResultsPanel'

/**
 * The results of the latest run. Kept under its old name for the page that still imports it; the
 * panel itself (src/ui/results/) reads the run from the store, so `report` is only accepted for
 * compatibility and not needed: new code renders `<ResultsPanel />`.
 */
export function Results(props: { readonly report?: RunReport | null }) {
  void props
  return <ResultsPanel />
}

export { ResultsPanel }
