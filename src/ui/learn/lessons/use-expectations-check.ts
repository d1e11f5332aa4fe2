import type { Expectation } from '../../../state/document-slice'
import { checkExpectations, type ExpectationsCheck } from '../../../state/expectations-check'
import type { RunStatus } from '../../../state/run-slice'
import type { RunReport } from '../../../worker/protocol'
import { usePlayground } from '../../use-playground'

/**
 * The live check of the current document's expected outcomes. Every event row, the results
 * header and the lessons panel ask for it; the last inputs and verdict are kept so they share one
 * computation per run instead of one per row.
 */
let last: { expectations: readonly Expectation[]; report: RunReport | null; status: RunStatus; check: ExpectationsCheck } | null = null

function cachedCheck(expectations: readonly Expectation[], report: RunReport | null, status: RunStatus): ExpectationsCheck {
  if (last && last.expectations === expectations && last.report === report && last.status === status) return last.check
  const check = checkExpectations(expectations, report, status)
  last = { expectations, report, status, check }
  return check
}

/** The check of the current document's expectations against the latest run. */
export function useExpectationsCheck(): ExpectationsCheck {
  const expectations = usePlayground((s) => s.expectations)
  // Without expectations there is nothing to judge: every event row asks, and must not re-render on each run.
  const report = usePlayground((s) => (s.expectations.length > 0 ? s.report : null))
  const status = usePlayground((s) => (s.expectations.length > 0 ? s.status : 'idle'))
  return cachedCheck(expectations, report, status)
}

/**
 * Selects an event in the results and scrolls its row into view when the list shows it (a
 * virtualized list holds only the rows near the view). Called from click handlers only.
 */
export function showEvent(selectEvent: (index: number) => void, eventIndex: number): void {
  selectEvent(eventIndex)
  const row = document.querySelector(`[data-testid="results-panel"] [data-event-index="${eventIndex}"]`)
  row?.scrollIntoView({ block: 'nearest' })
}
