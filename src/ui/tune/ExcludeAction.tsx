import './exclude.css'

/** A scalar field value an exclusion can name. */
export type ExcludableValue = string | number | boolean

/**
 * The "Exclude…" button of one field value of a matched event. The field tree renders the popover
 * it toggles under the value's row (inline, so it scrolls with its row in the virtualized list).
 */
export function ExcludeButton({ field, value, open, onToggle }: { field: string; value: ExcludableValue; open: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      className="field-exclude"
      aria-label={`Exclude ${field} ${String(value)}`}
      aria-expanded={open}
      title="Exclude this value from the rule"
      onClick={(e) => {
        // the row's own click selects the event; this button only opens the popover
        e.stopPropagation()
        onToggle()
      }}
    >
      Exclude…
    </button>
  )
}

/** Values an exclusion can name: scalars other than null. */
export function isExcludable(v: unknown): v is ExcludableValue {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
}
