import { checkSummary, describeOutcome } from '../../../state/expectations-check'
import { usePlayground } from '../../use-playground'
import { showEvent, useExpectationsCheck } from './use-expectations-check'
import './lessons.css'

/**
 * The compact check above the results, for any document that states expected outcomes (a lesson,
 * an example, a teacher's link): the verdict, and each broken outcome as a chip that selects its event.
 */
export function ExpectationsCheckLine() {
  const check = useExpectationsCheck()
  const status = usePlayground((s) => s.status)
  const selectEvent = usePlayground((s) => s.selectEvent)
  if (check.status === 'none') return null
  const broken = check.items.filter((i) => i.outcome !== 'held')
  const summary = status === 'error' ? 'Check waits for a query that runs without errors' : checkSummary(check)
  return (
    <div className="check-line" data-testid="lesson-check" data-check={check.status} role="status">
      <span className="check-summary">{summary}</span>
      {broken.map((item) => (
        <button
          key={item.expectation.eventIndex}
          type="button"
          className="check-chip"
          title={item.expectation.note ?? describeOutcome(item)}
          onClick={() => showEvent(selectEvent, item.expectation.eventIndex)}
        >
          #{item.expectation.eventIndex} ✗
        </button>
      ))}
    </div>
  )
}
