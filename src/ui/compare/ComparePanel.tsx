import { currentComparison } from '../../state/compare-slice'
import { usePlayground } from '../use-playground'
import { CompareColumns } from './CompareColumns'
import { DisagreementList } from './DisagreementList'
import { OtherVersionPicker } from './OtherVersionPicker'
import './compare.css'

/**
 * "Compare two rule versions side by side" (issue 6): the current query (A) and another version
 * (B) over the same events — both queries with their match counts, then the events they disagree
 * on, each with both sides' verdict and the clause that decided it. Loaded when the panel first
 * opens (it brings the examples library for the picker). `data-compare-status` says whether the
 * shown comparison is for the current inputs (`idle`), on its way, or failed.
 */
export default function ComparePanel() {
  const other = usePlayground((s) => s.compareOther)
  const status = usePlayground((s) => s.compareStatus)
  const failure = usePlayground((s) => s.compareFailure)
  const report = usePlayground(currentComparison)
  const shown = report === null ? 'waiting' : status
  return (
    <div className="compare-panel" data-testid="compare-panel" data-compare-status={shown}>
      <OtherVersionPicker />
      {other === null ? (
        <p className="hint">Choose the version to compare the current query with: the pinned baseline, an example, or a query you paste.</p>
      ) : (
        <>
          <CompareColumns report={report} />
          {status === 'failed' && failure !== null && (
            <p className="compare-failure" role="alert">
              The comparison could not finish: {failure}
            </p>
          )}
          {report === null ? status !== 'failed' && <p className="hint" role="status">Comparing…</p> : <DisagreementList report={report} />}
        </>
      )}
    </div>
  )
}
