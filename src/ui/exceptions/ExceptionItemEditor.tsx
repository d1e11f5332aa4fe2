import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { describeEntry } from '../../engine/exceptions/describe'
import { usePlayground } from '../use-playground'
import type { Editing } from './ExceptionsSection'
import { emptyForm, emptyRow, formOf, itemOf, nextRowId, validateForm, type EntryRow, type ItemForm } from './exception-form'
import { EntryRowFields } from './EntryRowFields'
import { useFieldNames } from './use-field-names'

/**
 * The exception item editor: a name and rows of field / operator / value (AND-ed), Save and
 * Cancel. Problems show at the control they are about once the user tries to save, and focus goes
 * to the first of them; Escape cancels. Saving replaces the document's items, which runs the rule
 * again.
 */
export function ExceptionItemEditor({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const items = usePlayground((s) => s.exceptions)
  const setExceptions = usePlayground((s) => s.setExceptions)
  const base = editing.kind === 'edit' ? items[editing.index] : undefined
  const [form, setForm] = useState<ItemForm>(() => (base ? formOf(base) : emptyForm()))
  const [tried, setTried] = useState(false)
  // bumped by a refused save: after that render, focus lands on the first invalid control
  const [refusals, setRefusals] = useState(0)
  const [focusRow, setFocusRow] = useState<number | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const andButton = useRef<HTMLButtonElement>(null)
  const fields = useFieldNames()
  const datalist = useId()
  const errors = tried ? validateForm(form) : null
  const title = base ? `Edit exception ${base.name}` : 'New exception'

  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [refusals])

  const setRow = (id: number, patch: Partial<EntryRow>): void =>
    setForm((f) => ({ ...f, rows: f.rows.map((r) => (r.id === id ? { ...r, ...patch } : r)) }))
  const addRow = (): void => {
    const id = nextRowId(form.rows)
    setFocusRow(id)
    setForm((f) => ({ ...f, rows: [...f.rows, emptyRow(id)] }))
  }
  const removeRow = (id: number): void => {
    setForm((f) => ({ ...f, rows: f.rows.filter((r) => r.id !== id) }))
    andButton.current?.focus()
  }
  const save = (): void => {
    if (validateForm(form) !== null) {
      setTried(true)
      setRefusals((n) => n + 1)
      return
    }
    const item = itemOf(form, base)
    setExceptions(editing.kind === 'edit' ? items.map((it, i) => (i === editing.index ? item : it)) : [...items, item])
    onClose()
  }
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return
    // the page's own Escape (closing header popovers) must not also fire
    e.stopPropagation()
    onClose()
  }

  return (
    <form
      ref={formRef}
      className="exception-editor"
      aria-label={title}
      data-own-escape
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault()
        save()
      }}
    >
      <label className="exception-editor-name">
        Name
        <input
          value={form.name}
          autoFocus
          aria-invalid={errors?.name ? true : undefined}
          aria-describedby={errors?.name ? `${datalist}-name-error` : undefined}
          onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
        />
      </label>
      {errors?.name && (
        <p id={`${datalist}-name-error`} className="exception-error">
          {errors.name}
        </p>
      )}
      {form.rows.map((row, i) =>
        row.kept ? (
          <fieldset key={row.id} className="exception-row">
            <legend>Entry {i + 1}</legend>
            {i > 0 && <span className="exception-and">AND</span>}
            <code>{describeEntry(row.kept)}</code> <span className="exceptions-hint">(kept as imported)</span>
            <button type="button" aria-label={`Remove entry ${i + 1}`} onClick={() => removeRow(row.id)}>
              Remove
            </button>
          </fieldset>
        ) : (
          <EntryRowFields
            key={row.id}
            row={row}
            position={i + 1}
            errors={errors?.rows[i]}
            datalist={datalist}
            autoFocus={focusRow === row.id}
            canRemove={form.rows.length > 1}
            onChange={(patch) => setRow(row.id, patch)}
            onRemove={() => removeRow(row.id)}
          />
        ),
      )}
      <datalist id={datalist}>
        {fields.map((f) => (
          <option key={f} value={f} />
        ))}
      </datalist>
      <div className="exception-editor-actions">
        <button ref={andButton} type="button" aria-label="AND: add an entry" onClick={addRow}>
          AND
        </button>
        <span className="exception-editor-spacer" />
        <button type="submit">Save</button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  )
}
