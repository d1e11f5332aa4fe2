import { usePlayground } from '../use-playground'
import { loadPhaseOf, loadText } from './events-summary'

/**
 * A file load, from its first chunk to its results: a progress bar with what the worker has read
 * (bytes, events, bad lines) and Cancel; then, full, what is still being done after the last byte
 * (indexing the events, the first run over them), when Cancel can no longer keep the old events.
 */
export function EventsLoadBar() {
  const load = usePlayground((s) => s.eventsLoad)
  const settling = usePlayground((s) => s.eventsSettling)
  const cancel = usePlayground((s) => s.cancelEventsLoad)
  const phase = loadPhaseOf(load, settling)
  if (!phase) return null
  return (
    <div className="events-load" data-testid="events-load" data-load-phase={phase.phase}>
      <div
        className="events-load-bar"
        role="progressbar"
        aria-label={`Loading ${phase.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={phase.percent}
        aria-valuetext={phase.valueText}
      >
        <span style={{ transform: `scaleX(${phase.percent / 100})` }} />
      </div>
      <span className="events-load-text">{loadText(phase)}</span>
      {phase.phase === 'reading' && (
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      )}
    </div>
  )
}
