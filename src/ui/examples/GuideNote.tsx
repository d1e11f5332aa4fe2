import { useContext, useSyncExternalStore } from 'react'
import { PlaygroundContext, usePlayground } from '../use-playground'
import { GUIDE_NOTES, acknowledgeNote, acknowledgedNotes, closeGuide, subscribeAcknowledged, type GuidePane } from './guide-notes'
import { TextWithCode } from './TextWithCode'
import './examples.css'

/**
 * One pane's guided note, shown inline at the top of the pane while the guide is open (never
 * floating, so it covers nothing the user may click). "Got it" hides this note; the last one
 * acknowledged, or "Hide guide" on the query pane's note, closes the guide.
 */
export function GuideNote({ pane }: { pane: GuidePane }) {
  const open = usePlayground((s) => s.guideOpen)
  const store = useContext(PlaygroundContext)
  const acknowledged = useSyncExternalStore(subscribeAcknowledged, acknowledgedNotes)
  if (!open || acknowledged.has(pane)) return null
  const note = GUIDE_NOTES[pane]
  const hideGuide = (): void => {
    if (store) closeGuide(store)
  }
  return (
    <aside className="guide-note" role="note" aria-label={`Guide: ${note.title.toLowerCase()}`} data-testid={`guide-${pane}`}>
      <p>
        <strong>{note.title}.</strong> <TextWithCode text={note.text} />
      </p>
      <div className="guide-note-actions">
        <button type="button" onClick={() => (acknowledgeNote(pane) ? hideGuide() : undefined)}>
          Got it
        </button>
        {pane === 'query' && (
          <button type="button" onClick={hideGuide}>
            Hide guide
          </button>
        )}
      </div>
    </aside>
  )
}
