import { useEffect, useId, useState } from 'react'
import type { AddExclusionResult, ExclusionForm } from '../../engine/tune/add-exclusion'
import { applyEditInQueryEditor } from '../../editor/editor-handle'
import { usePlayground } from '../use-playground'
import { loadAddExclusion } from './exclusion-loader'
import { ExceptionActions } from './ExceptionActions'

import type { ExcludableValue } from './ExcludeAction'

interface ExcludePopoverProps {
  readonly field: string
  readonly value: ExcludableValue
  /** offsets of the conditions the event matched: in a sequence, they name the stage that gets the exclusion */
  readonly at: readonly number[] | undefined
  readonly onClose: () => void
}

const FORMS: readonly { form: ExclusionForm; label: string }[] = [
  { form: 'exact', label: 'Exact' },
  { form: 'case-insensitive', label: 'Case-insensitive' },
  { form: 'wildcard', label: 'Wildcard' },
]

/**
 * Excluding one field value from the rule: the form (exact, case-insensitive, wildcard with an
 * editable pattern), a preview of the clause the query gains, the warning when the form excludes
 * more than the value, and "Add to query", which applies the edit in the query editor as one
 * undoable step (or through the store when no editor is mounted). Below, the same value as a
 * Kibana-style exception item instead, leaving the query as it is (ExceptionActions).
 */
export function ExcludePopover({ field, value, at, onClose }: ExcludePopoverProps) {
  const query = usePlayground((s) => s.query)
  const language = usePlayground((s) => s.language)
  const editQuery = usePlayground((s) => s.editQuery)
  // the user's own field-type table (rule settings): a text field makes a KQL value a phrase match
  const fieldType = usePlayground((s) => s.kqlSettings.mappings[field])
  const [form, setForm] = useState<ExclusionForm>('exact')
  const [pattern, setPattern] = useState(String(value))
  const [result, setResult] = useState<AddExclusionResult | null>(null)
  const name = useId()
  const textOnly = typeof value === 'string'

  useEffect(() => {
    let current = true
    void loadAddExclusion().then((addExclusion) => {
      if (!current) return
      const wildcard = form === 'wildcard' ? { pattern } : {}
      setResult(addExclusion({ language, query, field, value, form, at, fieldType, ...wildcard }))
    })
    return () => {
      current = false
    }
  }, [language, query, field, value, form, pattern, at, fieldType])

  const problems = result?.diagnostics.filter((d) => d.severity === 'error') ?? []
  const notes = result?.diagnostics.filter((d) => d.severity !== 'error') ?? []
  const apply = (): void => {
    if (!result?.edit) return
    if (!applyEditInQueryEditor(result.edit.span, result.edit.text)) editQuery(result.query)
    onClose()
  }

  return (
    <div
      className="exclude-popover settings-form"
      role="dialog"
      aria-label={`Exclude ${field}`}
      data-own-escape
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onClose()
        }
      }}
    >
      <fieldset>
        <legend>Exclude {field}</legend>
        {FORMS.map((f) => (
          <label key={f.form} className="exclude-form">
            <input
              type="radio"
              name={name}
              checked={form === f.form}
              // keyboard users land in the popover it opened (Escape closes it again)
              autoFocus={f.form === 'exact'}
              disabled={!textOnly && f.form !== 'exact'}
              onChange={() => setForm(f.form)}
            />
            {f.label}
          </label>
        ))}
        {form === 'wildcard' && (
          <label>
            Pattern
            <input aria-label="Wildcard pattern" value={pattern} onChange={(e) => setPattern(e.target.value)} />
          </label>
        )}
      </fieldset>
      {result && (
        <div aria-live="polite">
          {result.edit && (
            <p>
              {result.appended ? 'Adds to the existing list: ' : 'Adds: '}
              <code data-testid="exclusion-preview">{result.appended ? result.clause : `and ${result.clause}`}</code>
            </p>
          )}
          {result.warning && <p role="note" className="exclude-warning" data-testid="exclusion-warning">⚠ {result.warning}</p>}
          {[...problems, ...notes].map((d) => (
            <p key={d.code} role={d.severity === 'error' ? 'alert' : 'note'}>{d.message}</p>
          ))}
        </div>
      )}
      <div className="exclude-actions">
        <button type="button" onClick={apply} disabled={!result?.edit}>Add to query</button>
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
      <ExceptionActions field={field} value={value} onDone={onClose} />
    </div>
  )
}
