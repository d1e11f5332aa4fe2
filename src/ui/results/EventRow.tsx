import { lazy, memo, Suspense, type Ref } from 'react'
import type { FieldHit, Span } from '../../engine'
import { useMatchState } from '../analysis/use-match-state'
import { FlipBadge } from '../baseline/BaselineBar'
import { useFlipOf } from '../baseline/use-baseline-flips'
import { compactJson } from '../format'
import { ExpectationControl, ExpectationMark } from '../learn/lessons/ExpectationMark'
import { useExpectationsCheck } from '../learn/lessons/use-expectations-check'
import { usePlayground } from '../use-playground'
import { spansByField } from './field-tree'
import { FieldTree } from './FieldTree'
import { useSpanHover } from './use-span-hover'

// Loaded with the first excluded row (exclusions come with the analysis, after the first run), so
// the page's first bundle does not carry the badge and its wording.
const MatchStateBadge = lazy(() => import('../analysis/MatchStateBadge').then((m) => ({ default: m.MatchStateBadge })))

/** The listitem's own attributes the virtualized list sets (position, measuring ref). */
export interface RowPlacement {
  readonly ref?: Ref<HTMLDivElement>
  /** the virtualizer's row index (read back by `measureElement`) */
  readonly row?: number
  readonly posInSet?: number
  readonly setSize?: number
  readonly top?: number
}

export interface EventRowProps {
  readonly eventIndex: number
  readonly match: boolean
  readonly hits: readonly FieldHit[]
  /** undefined while the event's window is being fetched */
  readonly event: unknown
  readonly expanded: boolean
  readonly onToggle: (eventIndex: number) => void
  readonly placement?: RowPlacement
}

/**
 * One event of the results: matched events highlighted with the fields that made them match,
 * non-matching ones dimmed. The header toggles the field tree.
 */
export const EventRow = memo(function EventRow(props: EventRowProps) {
  const { eventIndex, match, hits, event, expanded, onToggle, placement } = props
  const selected = usePlayground((s) => s.selectedIndex === eventIndex)
  const selectEvent = usePlayground((s) => s.selectEvent)
  // The document's expected outcome for this event (a lesson's, or one a teacher marked), and its verdict.
  const expectation = usePlayground((s) => s.expectations.find((e) => e.eventIndex === eventIndex))
  const checked = useExpectationsCheck().byEvent.get(eventIndex)
  // how the event flipped since a pinned baseline (new or lost match), if one is pinned
  const flip = useFlipOf(eventIndex)
  // matched, no match, or taken out by the query's exclusions / an exception item (one Map read each)
  const matchState = useMatchState(eventIndex, match)
  const loaded = event !== undefined
  const excluded = matchState.state === 'excluded-by-query' || matchState.state === 'excluded-by-exception'
  const className = ['event-row', match ? 'is-match' : 'is-dimmed', excluded ? 'is-excluded' : '', selected ? 'is-selected' : ''].filter(Boolean).join(' ')
  return (
    <div
      role="listitem"
      ref={placement?.ref}
      data-index={placement?.row}
      aria-posinset={placement?.posInSet}
      aria-setsize={placement?.setSize}
      aria-current={selected ? 'true' : undefined}
      className={className}
      data-match={match ? 'true' : 'false'}
      data-match-state={matchState.state}
      data-event-index={eventIndex}
      data-expect={expectation?.expect}
      data-flip={flip}
      data-expect-held={checked === undefined ? undefined : String(checked.outcome === 'held')}
      style={placement?.top === undefined ? undefined : { transform: `translateY(${placement.top}px)` }}
      onClick={() => selectEvent(eventIndex)}
    >
      {/* The whole head toggles (a big target); the button is the keyboard and screen-reader way. */}
      <div className="event-row-head" onClick={loaded ? () => onToggle(eventIndex) : undefined}>
        <button
          type="button"
          className="event-toggle"
          aria-expanded={expanded}
          aria-label="Fields"
          disabled={!loaded}
          onClick={(e) => {
            // the head's own click would toggle again. Enter or Space on this button (a click with
            // no pointer, detail 0) also selects the event, as a click on the row does, so "Why?"
            // is reachable by keyboard; a pointer click only toggles, as before.
            e.stopPropagation()
            onToggle(eventIndex)
            if (e.detail === 0) selectEvent(eventIndex)
          }}
        >
          {expanded ? '▾' : '▸'}
        </button>
        <span className="event-index">#{eventIndex}</span>
        {flip && <FlipBadge flip={flip} />}
        {excluded ? (
          <Suspense fallback={<span className="match-state-badge">excluded</span>}>
            <MatchStateBadge view={matchState} />
          </Suspense>
        ) : match ? <HitChips hits={hits} /> : <span className="event-nomatch">no match</span>}
        <span className="event-expect">
          {expectation && <ExpectationMark expectation={expectation} item={checked} />}
          <ExpectationControl eventIndex={eventIndex} expect={expectation?.expect ?? null} />
        </span>
      </div>
      {expanded && loaded ? (
        <FieldTree event={event} hits={hits} eventIndex={eventIndex} />
      ) : (
        <code className="event-json">{loaded ? compactJson(event, 300) : 'loading…'}</code>
      )}
    </div>
  )
})

/** The matched fields of a collapsed row; hovering one links it to its clause in the query. */
function HitChips({ hits }: { hits: readonly FieldHit[] }) {
  const byField = spansByField(hits)
  if (byField.size === 0) return <span className="event-hits">matched</span>
  return (
    <span className="event-hits">
      matched:{' '}
      {[...byField].map(([field, spans]) => (
        <HitChip key={field} field={field} spans={spans} />
      ))}
    </span>
  )
}

function HitChip({ field, spans }: { field: string; spans: readonly Span[] }) {
  const linked = usePlayground((s) => s.hoveredSpan !== null && spans.some((x) => x.start === s.hoveredSpan?.start && x.end === s.hoveredSpan.end))
  const hover = useSpanHover(spans[0])
  return (
    <span className={linked ? 'hit-chip field-linked' : 'hit-chip'} data-linked={linked ? 'true' : undefined} {...hover}>
      {field}
    </span>
  )
}
