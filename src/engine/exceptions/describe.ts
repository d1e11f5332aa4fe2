import type { ExceptionEntry, ExceptionItem, ExceptionOperator, MatchAnyEntry, MatchEntry, ExistsEntry, WildcardEntry } from './types'

/**
 * Exception entries in words, as Kibana's exception builder shows them (`process.args is one of
 * "a", "b"`), and the builder's operator table: the label a user picks maps to an entry type and
 * an operator (included / excluded).
 */

/** The operator labels of Kibana's exception builder. */
export type ExceptionOperatorLabel = 'is' | 'is not' | 'is one of' | 'is not one of' | 'exists' | 'does not exist' | 'matches' | 'does not match'

/** Entry types a label can make (list and nested entries have no single label). */
export type LabelledEntryType = 'match' | 'match_any' | 'exists' | 'wildcard'

/** Every label with the entry type and operator it stands for, in the builder's order. */
export const EXCEPTION_OPERATORS: readonly { readonly label: ExceptionOperatorLabel; readonly type: LabelledEntryType; readonly operator: ExceptionOperator }[] = [
  { label: 'is', type: 'match', operator: 'included' },
  { label: 'is not', type: 'match', operator: 'excluded' },
  { label: 'is one of', type: 'match_any', operator: 'included' },
  { label: 'is not one of', type: 'match_any', operator: 'excluded' },
  { label: 'exists', type: 'exists', operator: 'included' },
  { label: 'does not exist', type: 'exists', operator: 'excluded' },
  { label: 'matches', type: 'wildcard', operator: 'included' },
  { label: 'does not match', type: 'wildcard', operator: 'excluded' },
]

/** The builder label of an entry; null for list and nested entries, which have none. */
export function operatorLabelOf(entry: ExceptionEntry): ExceptionOperatorLabel | null {
  if (entry.type === 'list' || entry.type === 'nested') return null
  const row = EXCEPTION_OPERATORS.find((o) => o.type === entry.type && o.operator === entry.operator)
  return row === undefined ? null : row.label
}

/**
 * An entry from what the builder holds: the field, the chosen label and the values typed (the
 * first value for is / is not / matches / does not match, all of them for is one of, none for
 * exists). An unknown label makes an `is` entry (labels come from EXCEPTION_OPERATORS).
 */
export function makeEntry(field: string, label: ExceptionOperatorLabel, values: readonly string[]): ExceptionEntry {
  const row = EXCEPTION_OPERATORS.find((o) => o.label === label) ?? EXCEPTION_OPERATORS[0]
  const operator: ExceptionOperator = row?.operator ?? 'included'
  switch (row?.type ?? 'match') {
    case 'match':
      return { field, operator, type: 'match', value: values[0] ?? '' } satisfies MatchEntry
    case 'match_any':
      return { field, operator, type: 'match_any', value: [...values] } satisfies MatchAnyEntry
    case 'exists':
      return { field, operator, type: 'exists' } satisfies ExistsEntry
    case 'wildcard':
      return { field, operator, type: 'wildcard', value: values[0] ?? '' } satisfies WildcardEntry
  }
}

const quote = (v: string): string => JSON.stringify(v)

/** One entry in words, e.g. `user.name does not exist`, `parent.path: { a is "x" AND b exists }`. */
export function describeEntry(entry: ExceptionEntry): string {
  switch (entry.type) {
    case 'match':
      return `${entry.field} ${entry.operator === 'included' ? 'is' : 'is not'} ${quote(entry.value)}`
    case 'match_any':
      return `${entry.field} ${entry.operator === 'included' ? 'is one of' : 'is not one of'} ${entry.value.map(quote).join(', ')}`
    case 'exists':
      return `${entry.field} ${entry.operator === 'included' ? 'exists' : 'does not exist'}`
    case 'wildcard':
      return `${entry.field} ${entry.operator === 'included' ? 'matches' : 'does not match'} ${quote(entry.value)}`
    case 'list':
      return `${entry.field} ${entry.operator === 'included' ? 'is in list' : 'is not in list'} ${quote(entry.list.id)}`
    case 'nested':
      return `${entry.field}: { ${entry.entries.map(describeEntry).join(' AND ')} }`
  }
}

/** A whole item in words: its entries joined by AND, then its OS condition when it has one. */
export function describeItem(item: ExceptionItem): string {
  const parts = item.entries.map(describeEntry)
  const os = item.os_types ?? []
  if (os.length === 1) parts.push(`OS is ${quote(os[0] as string)}`)
  else if (os.length > 1) parts.push(`OS is one of ${os.map(quote).join(', ')}`)
  return parts.join(' AND ')
}
