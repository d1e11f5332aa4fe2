import { makeEntry } from '../../engine/exceptions/describe'
import type { ExceptionItem } from '../../engine/exceptions/types'
import type { ExcludableValue } from './ExcludeAction'

/** Longest default name of an item made from a value: the name is a label, the entry says it all. */
const NAME_MAX = 60

/** A default name for an item made from one field value, e.g. `process.args: /tmp/x.sh`. */
export function itemNameFor(field: string, value: ExcludableValue): string {
  const name = `${field}: ${String(value)}`
  return name.length <= NAME_MAX ? name : `${name.slice(0, NAME_MAX - 1)}…`
}

/**
 * The items with a new one at the end excepting events whose `field` is `value` (an "is" entry:
 * Kibana's match_phrase, exact on keyword fields). Numbers and booleans go in as their text, as
 * Kibana's builder sends every value.
 */
export function withValueAsNewItem(items: readonly ExceptionItem[], field: string, value: ExcludableValue): ExceptionItem[] {
  return [...items, { name: itemNameFor(field, value), entries: [makeEntry(field, 'is', [String(value)])] }]
}

/**
 * The items with `field is value` AND-ed into the item at `index` (narrowing it to events that
 * also have this value). An index outside the list leaves the items as they are.
 */
export function withValueAndedInto(items: readonly ExceptionItem[], index: number, field: string, value: ExcludableValue): ExceptionItem[] {
  return items.map((item, i) => (i === index ? { ...item, entries: [...item.entries, makeEntry(field, 'is', [String(value)])] } : item))
}
