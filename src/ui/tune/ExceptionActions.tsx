import { usePlayground } from '../use-playground'
import type { ExcludableValue } from './ExcludeAction'
import { withValueAndedInto, withValueAsNewItem } from './exception-actions'

/**
 * The Exclude popover's other way out: leave the query alone and except the value with a
 * Kibana-style exception item — a new item `field is value`, or that entry AND-ed into an
 * existing item (which then needs this value too). The rule runs again with the new items.
 */
export function ExceptionActions({ field, value, onDone }: { field: string; value: ExcludableValue; onDone: () => void }) {
  const items = usePlayground((s) => s.exceptions)
  const setExceptions = usePlayground((s) => s.setExceptions)
  const text = String(value)
  return (
    <div className="exclude-exceptions" role="group" aria-label="Or as an exception item">
      <button
        type="button"
        onClick={() => {
          setExceptions(withValueAsNewItem(items, field, value))
          onDone()
        }}
      >
        Add as exception: <code>{field}</code> is <code>{text}</code>
      </button>
      {items.map((item, i) => (
        <button
          key={i}
          type="button"
          title={`AND ${field} is ${text} into this item: it then needs both`}
          onClick={() => {
            setExceptions(withValueAndedInto(items, i, field, value))
            onDone()
          }}
        >
          Add to exception {item.name}
        </button>
      ))}
    </div>
  )
}
