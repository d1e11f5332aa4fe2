import { usePlayground } from '../use-playground'
import { eventsCount, formatBytes, percentOf } from './events-summary'

/** A file load in progress: a progress bar with what the worker has read, and Cancel. */
export function EventsLoadBar() {
  const load = usePlayground((s) => s.eventsLoad)
  const cancel = usePlayground((s) => s.cancelEventsLoad)
  if (!load) return null
  const pct = percentOf(load.bytes, load.size)
  return (
    <div className="events-load" data-testid="events-load">
      <div
        className="events-load-bar"
        role="progressbar"
        aria-label={`Loading ${load.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%, ${eventsCount(load.events)}`}
      >
        <span style={{ width: `${pct}%` }} />
      </div>
      <span className="events-load-text">
        {formatBytes(load.bytes)} of {formatBytes(load.size)} · {eventsCount(load.events)}
        {load.problems > 0 ? ` · ${load.problems} bad lines` : ''}
      </span>
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </div>
  )
}
