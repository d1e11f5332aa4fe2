import { usePlayground } from './use-playground'
import { plural } from './format'

/** The events box, a file upload that fills it, and what the worker made of the text. */
export function EventsInput() {
  const eventsText = usePlayground((s) => s.eventsText)
  const source = usePlayground((s) => s.eventsSource)
  const info = usePlayground((s) => s.eventsInfo)
  const editEvents = usePlayground((s) => s.editEvents)

  const onFile = async (file: File | undefined) => {
    if (!file) return
    editEvents(await file.text(), file.name)
  }

  return (
    <section className="panel events-panel">
      <div className="panel-head">
        <label htmlFor="events">Events</label>
        <label className="upload">
          Upload events
          <input type="file" accept=".json,.ndjson,.jsonl,application/json" onChange={(e) => void onFile(e.target.files?.[0])} />
        </label>
      </div>
      <textarea
        id="events"
        className="code"
        spellCheck={false}
        rows={12}
        value={eventsText}
        placeholder="JSON events: one object, an array, NDJSON, or an Elasticsearch _search response"
        onChange={(e) => editEvents(e.target.value)}
      />
      <p className="events-info" data-testid="events-info">
        {info ? plural(info.eventCount, 'event', 'events') : '…'}
        {source ? ` from ${source}` : ''}
      </p>
      {info && info.problems.length > 0 && (
        <ul aria-label="Event problems" className="problems">
          {info.problems.map((p, i) => (
            <li key={i}>
              {p.line !== undefined ? `line ${p.line}: ` : ''}
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
