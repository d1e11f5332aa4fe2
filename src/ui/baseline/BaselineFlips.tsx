import { usePlayground } from '../use-playground'
import { useBaselineFlips } from './use-baseline-flips'

/** The events that flipped since the pin: counts, the first few as chips, and "Show lost". */
export default function BaselineFlips() {
  const flips = useBaselineFlips()
  const baseline = usePlayground((s) => s.baseline)
  const onlyMatches = usePlayground((s) => s.onlyMatches)
  const eventsView = usePlayground((s) => s.report?.result?.kind === 'events')
  const setOnlyMatches = usePlayground((s) => s.setOnlyMatches)
  if (flips === null) {
    return (
      <span className="baseline-flips" role="status" data-testid="baseline-flips">
        vs baseline: waiting for a run over the same events
      </span>
    )
  }
  const { gained, lost } = flips
  const same = gained.length === 0 && lost.length === 0
  return (
    <span className="baseline-flips" role="status" data-testid="baseline-flips" data-gained={gained.length} data-lost={lost.length}>
      vs baseline ({baseline?.matched.length ?? 0} matched):{' '}
      {same ? (
        'no event flipped'
      ) : (
        <>
          <span className="flip-count is-gained">+{gained.length} new</span>, <span className="flip-count is-lost">−{lost.length} lost</span>
        </>
      )}
      <FlipChips flip="gained" indexes={gained} />
      <FlipChips flip="lost" indexes={lost} />
      {lost.length > 0 && onlyMatches && eventsView && (
        <button type="button" className="baseline-show-lost" onClick={() => setOnlyMatches(false)}>
          Show lost
        </button>
      )}
    </span>
  )
}

/** How many flipped events are named one by one; the counts say the rest. */
const CHIP_LIMIT = 8

/** The first flipped events as chips: a click selects the event and brings its row into view. */
function FlipChips({ flip, indexes }: { flip: 'gained' | 'lost'; indexes: readonly number[] }) {
  // reveal: the virtualized list scrolls to rows it does not hold yet
  const revealEvent = usePlayground((s) => s.revealEvent)
  if (indexes.length === 0) return null
  return (
    <span className="flip-chips" role="group" aria-label={flip === 'gained' ? 'New matches' : 'Lost matches'}>
      {indexes.slice(0, CHIP_LIMIT).map((i) => (
        <button key={i} type="button" className={`flip-chip is-${flip}`} onClick={() => revealEvent(i)}>
          #{i}
        </button>
      ))}
      {indexes.length > CHIP_LIMIT && <span className="flip-more">…</span>}
    </span>
  )
}
