import { useId } from 'react'
import { OPERATOR_LABELS, takesList, takesValue, type EntryRow, type OperatorLabel, type RowErrors } from './exception-form'

interface EntryRowFieldsProps {
  readonly row: EntryRow
  /** 1-based, for the row's name ("Entry 2") */
  readonly position: number
  readonly errors: RowErrors | undefined
  /** id of the datalist of field names */
  readonly datalist: string
  readonly autoFocus: boolean
  readonly canRemove: boolean
  readonly onChange: (patch: Partial<EntryRow>) => void
  readonly onRemove: () => void
}

/**
 * One entry of the item editor: field (with the loaded events' field names offered), operator, and
 * the value — a text area of one value per line for "is one of", nothing for "exists". Each
 * problem sits under its control, outside its label (so the control's name stays "Field"), and
 * is tied to it with aria-describedby and aria-invalid.
 */
export function EntryRowFields({ row, position, errors, datalist, autoFocus, canRemove, onChange, onRemove }: EntryRowFieldsProps) {
  const id = useId()
  const fieldError = errors?.field
  const valueError = errors?.value
  const list = takesList(row.operator)
  const invalid = (error: string | undefined, what: string) =>
    error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${what}-error` } : {}
  return (
    <fieldset className="exception-row" data-testid="exception-row">
      <legend>Entry {position}</legend>
      {position > 1 && <span className="exception-and">AND</span>}
      <div className="exception-control exception-field">
        <label htmlFor={`${id}-field`}>Field</label>
        <input
          id={`${id}-field`}
          list={datalist}
          value={row.field}
          autoFocus={autoFocus}
          spellCheck={false}
          autoComplete="off"
          {...invalid(fieldError, 'field')}
          onChange={(e) => onChange({ field: e.target.value })}
        />
        {fieldError && <Problem id={`${id}-field-error`} text={fieldError} />}
      </div>
      <div className="exception-control exception-operator">
        <label htmlFor={`${id}-operator`}>Operator</label>
        <select id={`${id}-operator`} value={row.operator} onChange={(e) => onChange({ operator: labelOf(e.target.value) })}>
          {OPERATOR_LABELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </div>
      {takesValue(row.operator) && (
        <div className="exception-control exception-value">
          <label htmlFor={`${id}-value`}>{list ? 'Values, one per line' : 'Value'}</label>
          {list ? (
            <textarea
              id={`${id}-value`}
              rows={Math.min(6, Math.max(2, row.value.split('\n').length))}
              value={row.value}
              spellCheck={false}
              {...invalid(valueError, 'value')}
              onChange={(e) => onChange({ value: e.target.value })}
            />
          ) : (
            <input
              id={`${id}-value`}
              value={row.value}
              spellCheck={false}
              autoComplete="off"
              {...invalid(valueError, 'value')}
              onChange={(e) => onChange({ value: e.target.value })}
            />
          )}
          {valueError && <Problem id={`${id}-value-error`} text={valueError} />}
        </div>
      )}
      {canRemove && (
        <button type="button" className="exception-row-remove" aria-label={`Remove entry ${position}`} onClick={onRemove}>
          Remove
        </button>
      )}
    </fieldset>
  )
}

function Problem({ id, text }: { id: string; text: string }) {
  return (
    <span id={id} className="exception-error">
      {text}
    </span>
  )
}

/** The select only offers known labels; anything else keeps the first. */
function labelOf(value: string): OperatorLabel {
  return OPERATOR_LABELS.find((l) => l === value) ?? OPERATOR_LABELS[0] ?? 'is'
}
