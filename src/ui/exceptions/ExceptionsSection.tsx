import { lazy, Suspense, useId, useRef, useState } from 'react'
import { usePlayground } from '../use-playground'
import './exceptions.css'

// The list (it words each entry with the engine's describer) and the item editor load on first
// need, so the initial bundle carries only this header.
const ExceptionList = lazy(() => import('./ExceptionList').then((m) => ({ default: m.ExceptionList })))
const ExceptionItemEditor = lazy(() => import('./ExceptionItemEditor').then((m) => ({ default: m.ExceptionItemEditor })))

/** Which item the editor is open on: a new one, or the item at `index`. */
export type Editing = { readonly kind: 'new' } | { readonly kind: 'edit'; readonly index: number }

/**
 * The rule's Kibana-style exception items, under the query editor and visibly apart from it (as
 * Kibana keeps them apart from the query): "Exceptions (N)" with "Add exception", the items with
 * what each excepted in the last run, and the item editor. With no items it is one line, so the
 * query editor keeps the pane.
 */
export function ExceptionsSection() {
  const items = usePlayground((s) => s.exceptions)
  const setExceptions = usePlayground((s) => s.setExceptions)
  const count = items.length
  const documentId = usePlayground((s) => s.documentId)
  // the editor belongs to the document it was opened on: opening another one (an example, a
  // link) closes it rather than saving into the other document's items
  const [opened, setOpened] = useState<{ readonly doc: string; readonly editing: Editing } | null>(null)
  const editing = opened !== null && opened.doc === documentId ? opened.editing : null
  const setEditing = (next: Editing | null): void => setOpened(next === null ? null : { doc: documentId, editing: next })
  const addButton = useRef<HTMLButtonElement>(null)
  const heading = useId()
  const close = (): void => {
    setEditing(null)
    // keyboard users go back to where they started rather than to the top of the page
    addButton.current?.focus()
  }
  const remove = (index: number): void => {
    setExceptions(items.filter((_, i) => i !== index))
    // the items after it move up: an editor open on one would now edit its neighbour
    if (editing?.kind === 'edit') setEditing(null)
    // the Remove button is gone with its item; focus stays in the section
    addButton.current?.focus()
  }
  return (
    <section className="exceptions" aria-labelledby={heading} data-testid="exceptions">
      <div className="exceptions-head">
        <h2 id={heading} className="exceptions-title">
          Exceptions ({count})
        </h2>
        {count === 0 && editing === null && (
          <span className="exceptions-hint">Kibana-style: events an item matches never become alerts.</span>
        )}
        <button
          ref={addButton}
          type="button"
          className="exceptions-add"
          aria-expanded={editing?.kind === 'new'}
          onClick={() => setEditing({ kind: 'new' })}
        >
          Add exception
        </button>
      </div>
      {count > 0 && (
        <Suspense fallback={null}>
          <ExceptionList editing={editing} onEdit={(index) => setEditing({ kind: 'edit', index })} onRemove={remove} />
        </Suspense>
      )}
      {editing !== null && (
        <Suspense fallback={<p className="exceptions-hint">Loading the exception editor…</p>}>
          <ExceptionItemEditor key={editing.kind === 'new' ? 'new' : editing.index} editing={editing} onClose={close} />
        </Suspense>
      )}
    </section>
  )
}
