import { checkSummary, describeLost, describeOutcome } from '../../../state/expectations-check'
import { usePlayground } from '../../use-playground'
import { useExpectationsCheck } from './use-expectations-check'
import './lessons.css'

/**
 * The compact check above the results, for any document that states expected outcomes (a lesson,
 * an example, a teacher's link): the verdict, each broken outcome as a chip that selects its event
 * and scrolls the results to it, and each mark whose event is gone from the events (see
 * src/state/expectations-follow.ts) with a button to drop it.
 */
export function ExpectationsCheckLine() {
  const check = useExpectationsCheck()
  const status = usePlayground((s) => s.status)
  const revealEvent = usePlayground((s) => s.revealEvent)
  const dropLost = usePlayground((s) => s.dropLostExpectation)
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
          data-testid="check-failure"
          data-event={item.expectation.eventIndex}
          aria-label={`${describeOutcome(item)}: show event`}
          title={item.expectation.note ?? describeOutcome(item)}
          onClick={() => revealEvent(item.expectation.eventIndex)}
        >
          #{item.expectation.eventIndex} ✗
        </button>
      ))}
      {check.lost.map((mark, k) => (
        <span key={`lost-${k}`} className="check-chip check-lost" data-testid="check-lost" title={mark.note ?? describeLost(mark)}>
          {describeLost(mark)}
          <button type="button" className="check-drop" aria-label={`Drop the mark: ${describeLost(mark)}`} onClick={() => dropLost(mark)}>
            Drop
          </button>
        </span>
      ))}
    </div>
  )
}
