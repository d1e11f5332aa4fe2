import { useCallback } from 'react'
import { LazyEventsEditor } from '../../editor/lazy'
import { usePlayground } from '../use-playground'
import { EventsLoadBar } from './EventsLoadBar'
import { EventsProblems } from './EventsProblems'
import { eventsCount, fileSummary } from './events-summary'
import { useDropFiles } from './use-drop-files'
import './events.css'

/**
 * The events pane: the events editor (JSON), files picked or dropped anywhere on the page, the
 * progress of a large file streaming into the engine (with Cancel), and what could not be read.
 * A view: it reads the store and calls its actions; effects-events.ts does the loading.
 */
export function EventsPanel() {
  const eventsText = usePlayground((s) => s.eventsText)
  const source = usePlayground((s) => s.eventsSource)
  const info = usePlayground((s) => s.eventsInfo)
  const file = usePlayground((s) => s.eventsFile)
  const loading = usePlayground((s) => s.eventsLoad !== null)
  const note = usePlayground((s) => s.eventsLoadNote)
  const editEvents = usePlayground((s) => s.editEvents)
  const loadFiles = usePlayground((s) => s.loadEventsFiles)
  const backToText = usePlayground((s) => s.useEventsText)
  const onFiles = useCallback((files: File[]) => loadFiles(files), [loadFiles])
  const dragging = useDropFiles(onFiles)

  const onEdit = useCallback((text: string) => editEvents(text), [editEvents])
  const from = file ? file.name : source

  return (
    <section className="panel events-panel" aria-label="Events panel">
      <div className="panel-head">
        <span className="events-title">Events</span>
        <span className="events-actions">
          {file && (
            <button type="button" onClick={backToText} title="Use the text in the editor instead of the loaded file">
              Edit text
            </button>
          )}
          <label className="events-upload" title="JSON, NDJSON, _search or _eql responses, Discover exports; several files at once">
            Upload events
            <input
              type="file"
              multiple
              accept=".json,.ndjson,.jsonl,.txt,application/json,application/x-ndjson"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])]
                // cleared so picking the same file again loads it again
                e.target.value = ''
                onFiles(files)
              }}
            />
          </label>
        </span>
      </div>
      <EventsLoadBar />
      {note && (
        <p className="hint events-note" role="status" data-testid="events-note">
          {note}
        </p>
      )}
      <LazyEventsEditor value={eventsText} onChange={onEdit} readOnly={loading} {...(file ? { summary: fileSummary(file.name, file.size, info) } : {})} />
      <p className="events-info" data-testid="events-info">
        {info ? eventsCount(info.eventCount) : '…'}
        {from ? ` from ${from}` : ''}
      </p>
      {info && <EventsProblems info={info} />}
      {dragging && (
        <div className="events-drop-hint" data-testid="drop-hint" aria-hidden="true">
          Drop events files to load them
        </div>
      )}
    </section>
  )
}
