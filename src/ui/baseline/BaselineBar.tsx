import { otherFromBaseline } from '../compare/other-version'
import { usePlayground } from '../use-playground'
import { useBaselineFlips } from './use-baseline-flips'
import './baseline.css'

/**
 * "What changed": pin the current matches, then every edit reads as events that flipped — new
 * matches and lost ones — with counts. Lost events are no longer matches, so "only matches" hides
 * their rows; the line then offers to show all events rather than bending that filter's meaning.
 */
export function BaselineBar() {
  const baseline = usePlayground((s) => s.baseline)
  const canPin = usePlayground((s) => s.status === 'idle' && s.failure === null && s.report?.result != null)
  const pin = usePlayground((s) => s.pin)
  const unpin = usePlayground((s) => s.unpin)
  const openCompare = usePlayground((s) => s.openCompare)
  if (baseline === null) {
    return (
      <div className="baseline-bar">
        <button type="button" disabled={!canPin} title="Remember what the query matches now, to see which events each edit flips" onClick={() => pin()}>
          Pin baseline
        </button>
      </div>
    )
  }
  return (
    <div className="baseline-bar is-pinned">
      <BaselineFlips />
      <button type="button" title="Compare the pinned query with the current one, event by event, with the clause that decides each" onClick={() => openCompare(otherFromBaseline(baseline))}>
        Compare side by side
      </button>
      <button type="button" title={`Pinned: ${baseline.query}`} onClick={unpin}>
        Unpin
      </button>
    </div>
  )
}

function BaselineFlips() {
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

/** The badge on a row that flipped since the pin. */
export function FlipBadge({ flip }: { flip: 'gained' | 'lost' }) {
  return (
    <span className={`flip-badge is-${flip}`} title={flip === 'gained' ? 'matches now, did not at the baseline' : 'matched at the baseline, does not now'}>
      {flip === 'gained' ? '+ new' : '− lost'}
    </span>
  )
}
