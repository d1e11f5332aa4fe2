import { lazy, Suspense } from 'react'
import { otherFromBaseline } from '../compare/other-version'
import { usePlayground } from '../use-playground'
import './baseline.css'

// What flipped (counts and chips) loads once a baseline is pinned: the first paint has only the button.
const BaselineFlips = lazy(() => import('./BaselineFlips'))

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
      <Suspense fallback={<span className="baseline-flips" />}>
        <BaselineFlips />
      </Suspense>
      <button type="button" title="Compare the pinned query with the current one, event by event, with the clause that decides each" onClick={() => openCompare(otherFromBaseline(baseline))}>
        Compare side by side
      </button>
      <button type="button" title={`Pinned: ${baseline.query}`} onClick={unpin}>
        Unpin
      </button>
    </div>
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
