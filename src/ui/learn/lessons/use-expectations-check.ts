import type { Expectation } from '../../../state/document-slice'
import { checkExpectations, type ExpectationsCheck } from '../../../state/expectations-check'
import { awaitingPlacement } from '../../../state/expectations-follow'
import type { RunStatus } from '../../../state/run-slice'
import type { PlaygroundState } from '../../../state/store'
import type { RunReport } from '../../../worker/protocol'
import { usePlayground } from '../../use-playground'

/**
 * The live check of the current document's expected outcomes. Every event row, the results
 * header and the lessons panel ask for it; the last inputs and verdict are kept so they share one
 * computation per run instead of one per row.
 */
let last: { expectations: readonly Expectation[]; lost: readonly Expectation[]; report: RunReport | null; status: RunStatus; check: ExpectationsCheck } | null = null

function cachedCheck(expectations: readonly Expectation[], lost: readonly Expectation[], report: RunReport | null, status: RunStatus): ExpectationsCheck {
  if (last && last.expectations === expectations && last.lost === lost && last.report === report && last.status === status) return last.check
  const check = checkExpectations(expectations, report, status, lost)
  last = { expectations, lost, report, status, check }
  return check
}

/** The check of the current document's expectations against the latest run. */
export function useExpectationsCheck(): ExpectationsCheck {
  const expectations = usePlayground((s) => s.expectations)
  const lost = usePlayground((s) => s.lostExpectations)
  const marked = (s: PlaygroundState): boolean => s.expectations.length > 0 || s.lostExpectations.length > 0
  // Without expectations there is nothing to judge: every event row asks, and must not re-render on each run.
  const report = usePlayground((s) => (marked(s) ? s.report : null))
  const status = usePlayground((s): RunStatus => (!marked(s) ? 'idle' : awaitingPlacement(s) ? 'running' : s.status))
  return cachedCheck(expectations, lost, report, status)
}

