import type { Expectation } from '../../../state/document-slice'
import { describeOutcome, withExpectation, type CheckedExpectation } from '../../../state/expectations-check'
import { usePlayground } from '../../use-playground'
import './lessons.css'

const LABEL: Record<Expectation['expect'], string> = { match: 'expect match', 'no-match': 'expect no match' }

/**
 * An event row's expected outcome: what the document expects of this event and whether the
 * latest run gives it (✓ held, ✗ broken; `item` undefined while the check is pending), the
 * expectation's note as its tooltip.
 */
export function ExpectationMark({ expectation, item }: { expectation: Expectation; item: CheckedExpectation | undefined }) {
  const held = item === undefined ? null : item.outcome === 'held'
  const tip = [item ? describeOutcome(item) : null, expectation.note].filter(Boolean).join(': ')
  return (
    <span
      className={`expect-mark${held === null ? '' : held ? ' is-held' : ' is-broken'}`}
      data-testid="expect-mark"
      title={tip || LABEL[expectation.expect]}
    >
      {LABEL[expectation.expect]}
      {held === null ? '' : held ? ' ✓' : ' ✗'}
    </span>
  )
}

/** The teacher's control on an event row: expect this event to match, not to match, or nothing. */
export function ExpectationControl({ eventIndex, expect }: { eventIndex: number; expect: Expectation['expect'] | null }) {
  const setExpectations = usePlayground((s) => s.setExpectations)
  const expectations = usePlayground((s) => s.expectations)
  return (
    <select
      className="expect-control"
      aria-label={`Expected outcome of event #${eventIndex}`}
      value={expect ?? ''}
      // The row selects and the head toggles on click; choosing an outcome must do neither.
      onClick={(e) => e.stopPropagation()}
      onChange={(e) => {
        const v = e.target.value
        setExpectations(withExpectation(expectations, eventIndex, v === 'match' || v === 'no-match' ? v : null))
      }}
    >
      <option value="">No expectation</option>
      <option value="match">Expect match</option>
      <option value="no-match">Expect no match</option>
    </select>
  )
}
