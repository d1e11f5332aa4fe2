import { useMemo } from 'react'
import { usePlayground } from './use-playground'
import { plural } from './format'

/**
 * Above this many characters the events are not put in the textarea: a browser textarea holding
 * megabytes makes every re-render and keystroke slow, while the run itself takes milliseconds.
 */
const EDITABLE_LIMIT = 500_000
const PREVIEW_LINES = 200

/** The first lines of a large text, and how many lines were left out. */
function preview(text: string): { head: string; more: number } {
  let end = 0
  for (let i = 0; i < PREVIEW_LINES && end !== -1; i++) end = text.indexOf('\n', end + 1)
  if (end === -1) return { head: text.slice(0, EDITABLE_LIMIT), more: 0 }
  let more = 0
  for (let i = end; i !== -1; i = text.indexOf('\n', i + 1)) more++
  return { head: text.slice(0, end), more }
}

/** The events box, a file upload that fills it, and what the worker made of the text. */
export function EventsInput() {
  const eventsText = usePlayground((s) => s.eventsText)
  const source = usePlayground((s) => s.eventsSource)
  const info = usePlayground((s) => s.eventsInfo)
  const editEvents = usePlayground((s) => s.editEvents)
  const large = eventsText.length > EDITABLE_LIMIT
  const shown = useMemo(() => (large ? preview(eventsText) : null), [large, eventsText])

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
        readOnly={large}
        value={shown ? `${shown.head}${shown.more > 0 ? `\n… ${shown.more} more lines (all are used)` : ''}` : eventsText}
        placeholder="JSON events: one object, an array, NDJSON, or an Elasticsearch _search response"
        onChange={(e) => editEvents(e.target.value)}
      />
      {large && (
        <p className="hint">
          Too large to edit here; the whole text is searched.{' '}
          <button type="button" onClick={() => editEvents('')}>
            Clear events
          </button>
        </p>
      )}
      <p className="events-info" data-testid="events-info">
        {info ? plural(info.eventCount, 'event', 'events') : '…'}
        {source ? ` from ${source}` : ''}
      </p>
      {info && info.schemaDiagnostics.length > 0 && (
        <ul aria-label="Field notes" className="problems">
          {info.schemaDiagnostics.map((d, i) => (
            <li key={i} data-code={d.code}>
              {d.message}
            </li>
          ))}
        </ul>
      )}
      {info && info.problems.length > 0 && (
        <ul aria-label="Event problems" className="problems">
          {info.problems.slice(0, 50).map((p, i) => (
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
