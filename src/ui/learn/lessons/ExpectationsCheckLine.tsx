import { useState } from 'react'
import type { Expectation } from '../../../state/document-slice'
import { checkSummary, describeLost, describeOutcome, type CheckedExpectation } from '../../../state/expectations-check'
import { usePlayground } from '../../use-playground'
import { useExpectationsCheck } from './use-expectations-check'
import './lessons.css'
import './check-line.css'

/** Up to this many lost marks are listed one by one; more are folded under one line. */
const LOST_LISTED = 3

/**
 * The compact check above the results, for any document that states expected outcomes (a lesson,
 * an example, a teacher's link): the verdict; each broken outcome as a chip that selects its event
 * and scrolls the results to it (every outcome on demand); and each mark whose event is gone from
 * the events (src/state/expectations-follow.ts), with a button to drop it.
 */
export function ExpectationsCheckLine() {
  const check = useExpectationsCheck()
  const status = usePlayground((s) => s.status)
  const [all, setAll] = useState(false)
  if (check.status === 'none') return null
  const shown = all ? check.items : check.items.filter((i) => i.outcome !== 'held')
  const summary = status === 'error' ? 'Check waits for a query that runs without errors' : checkSummary(check)
  return (
    <div className="check-line" data-testid="lesson-check" data-check={check.status} role="status">
      <span className="check-summary">{summary}</span>
      {shown.map((item) => (
        <OutcomeChip key={item.expectation.eventIndex} item={item} />
      ))}
      {check.items.length > 0 && (
        <button type="button" className="check-all" aria-pressed={all} onClick={() => setAll((a) => !a)}>
          {all ? 'Only failures' : 'All outcomes'}
        </button>
      )}
      <LostMarks lost={check.lost} />
    </div>
  )
}

function OutcomeChip({ item }: { item: CheckedExpectation }) {
  const revealEvent = usePlayground((s) => s.revealEvent)
  const held = item.outcome === 'held'
  return (
    <button
      type="button"
      className={held ? 'check-chip is-held' : 'check-chip'}
      data-testid={held ? 'check-held' : 'check-failure'}
      data-event={item.expectation.eventIndex}
      aria-label={`${describeOutcome(item)}: show event`}
      title={item.expectation.note ?? describeOutcome(item)}
      onClick={() => revealEvent(item.expectation.eventIndex)}
    >
      #{item.expectation.eventIndex} {held ? '✓' : '✗'}
    </button>
  )
}

/** Marks whose event is gone: named one by one (a few) or folded (many, e.g. other events loaded). */
function LostMarks({ lost }: { lost: readonly Expectation[] }) {
  const drop = usePlayground((s) => s.dropLostExpectation)
  const dropAll = usePlayground((s) => s.dropLostExpectations)
  const reattach = usePlayground((s) => s.reattachLostExpectation)
  const eventCount = usePlayground((s) => s.report?.eventCount ?? 0)
  const marked = usePlayground((s) => s.expectations)
  if (lost.length === 0) return null
  // The event now where the lost one would be can take its mark, if the user says it is the same one (edited).
  const free = (i: number): boolean => i < eventCount && !marked.some((e) => e.eventIndex === i)
  const items = lost.map((mark, k) => (
    <span key={k} className="check-chip check-lost" data-testid="check-lost" title={mark.note ?? describeLost(mark)}>
      {describeLost(mark)}{' '}
      {free(mark.eventIndex) && (
        <button type="button" className="check-drop" onClick={() => reattach(mark)}>
          Mark #{mark.eventIndex} instead
        </button>
      )}
      <button type="button" className="check-drop" aria-label={`Drop the mark: ${describeLost(mark)}`} onClick={() => drop(mark)}>
        Drop
      </button>
    </span>
  ))
  if (lost.length <= LOST_LISTED) return <>{items}</>
  return (
    <details className="check-lost-all">
      <summary>{lost.length} marked events are no longer in the events</summary>
      <button type="button" onClick={dropAll}>
        Drop all {lost.length}
      </button>
      {items}
    </details>
  )
}
