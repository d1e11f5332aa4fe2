import { usePlayground } from './use-playground'

/**
 * "New" starts an empty document; the one it replaced stays recoverable ("Restore previous
 * document" swaps them back, also after a reload, since autosave keeps both).
 */
export function NewDocumentButtons() {
  const newDocument = usePlayground((s) => s.newDocument)
  const restore = usePlayground((s) => s.restorePreviousDocument)
  const previous = usePlayground((s) => s.previousDocument)
  return (
    <div className="new-document">
      <button type="button" onClick={newDocument} title="Start an empty document (the current one can be restored)">
        New
      </button>
      {previous && (
        // short text so the header stays on one line at 1280 px; the name says it whole
        <button type="button" onClick={restore} title={describe(previous.query)} aria-label="Restore previous document">
          Restore
        </button>
      )}
    </div>
  )
}

/** A hint of what restoring brings back: the start of its query. */
function describe(query: string): string {
  const line = query.trim().split('\n')[0] ?? ''
  return line === '' ? 'Bring back the previous document (empty query)' : `Bring back: ${line.length > 80 ? `${line.slice(0, 79)}…` : line}`
}
