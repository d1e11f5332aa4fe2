import { EXCEPTION_OPERATORS, makeEntry, operatorLabelOf } from '../../engine/exceptions/describe'
import type { ExceptionEntry, ExceptionItem } from '../../engine/exceptions/types'

/** The operator names of Kibana's exception builder ("is", "is not", "is one of", ..., "does not match"). */
export type OperatorLabel = (typeof EXCEPTION_OPERATORS)[number]['label']

/** The operator labels in the builder's order, for the select. */
export const OPERATOR_LABELS: readonly OperatorLabel[] = EXCEPTION_OPERATORS.map((o) => o.label)

/**
 * One row of the item editor: field, operator, value. For "is one of" / "is not one of" the value
 * holds one value per line; "exists" / "does not exist" ignore it. An entry the builder cannot
 * edit (a value list, a nested group) rides along in `kept`, unchanged, so editing an imported
 * item never loses it.
 */
export interface EntryRow {
  /** stable key for React: rows are added and removed in the middle */
  readonly id: number
  readonly field: string
  readonly operator: OperatorLabel
  readonly value: string
  readonly kept?: ExceptionEntry
}

export interface ItemForm {
  readonly name: string
  readonly rows: readonly EntryRow[]
}

export interface RowErrors {
  readonly field?: string
  readonly value?: string
}

/** What is wrong with a form, said at the control it is about. */
export interface FormErrors {
  readonly name?: string
  readonly rows: readonly RowErrors[]
}

const DEFAULT_OPERATOR: OperatorLabel = OPERATOR_LABELS[0] ?? 'is'

/** "exists" and "does not exist" test the field alone. */
export function takesValue(operator: OperatorLabel): boolean {
  return operator !== 'exists' && operator !== 'does not exist'
}

/** "is one of" and "is not one of" take several values, one per line. */
export function takesList(operator: OperatorLabel): boolean {
  return operator === 'is one of' || operator === 'is not one of'
}

/** A fresh row: no field, "is", no value. */
export function emptyRow(id: number): EntryRow {
  return { id, field: '', operator: DEFAULT_OPERATOR, value: '' }
}

/** The form for a new item: no name, one empty row. */
export function emptyForm(): ItemForm {
  return { name: '', rows: [emptyRow(0)] }
}

/** An id no row of `rows` has. */
export function nextRowId(rows: readonly EntryRow[]): number {
  return rows.reduce((max, r) => Math.max(max, r.id), -1) + 1
}

/** The values a row stands for: the one value, or each non-empty line of a list. */
export function valuesOf(row: Pick<EntryRow, 'operator' | 'value'>): string[] {
  if (!takesValue(row.operator)) return []
  if (!takesList(row.operator)) return [row.value]
  return row.value.split(/\r?\n/).filter((v) => v !== '')
}

/** The editor's rows for an existing item (a list's values one per line). */
export function formOf(item: ExceptionItem): ItemForm {
  const rows = item.entries.map((entry, id): EntryRow => {
    const operator = operatorLabelOf(entry)
    // list and nested entries have no builder label: kept whole
    if (operator === null || entry.type === 'list' || entry.type === 'nested') return { id, field: entry.field, operator: DEFAULT_OPERATOR, value: '', kept: entry }
    if (entry.type === 'match_any') return { id, field: entry.field, operator, value: entry.value.join('\n') }
    if (entry.type === 'exists') return { id, field: entry.field, operator, value: '' }
    return { id, field: entry.field, operator, value: entry.value }
  })
  return { name: item.name, rows }
}

/**
 * The problems of a form, or null when it can be saved: a name (Kibana requires one), a field on
 * every row, a value where the operator takes one (a single-value operator takes exactly one line).
 */
export function validateForm(form: ItemForm): FormErrors | null {
  let bad = false
  const name = form.name.trim() === '' ? 'Give the exception a name.' : undefined
  if (name) bad = true
  const rows = form.rows.map((row): RowErrors => {
    if (row.kept) return {}
    const errors: { field?: string; value?: string } = {}
    if (row.field.trim() === '') errors.field = 'Enter a field.'
    else if (/\s/.test(row.field)) errors.field = 'A field name has no spaces.'
    if (takesValue(row.operator)) {
      const values = valuesOf(row)
      if (values.length === 0 || values.every((v) => v === '')) errors.value = takesList(row.operator) ? 'Enter at least one value, one per line.' : 'Enter a value.'
      else if (!takesList(row.operator) && /\r?\n/.test(row.value)) errors.value = `"${row.operator}" takes one value: use "is one of" for several.`
    }
    if (errors.field || errors.value) bad = true
    return errors
  })
  if (form.rows.length === 0) bad = true
  return bad ? { ...(name ? { name } : {}), rows } : null
}

/**
 * The item a valid form describes. The rest of `base` (Kibana's id, description, OS types,
 * comments) is kept, so editing an imported item exports it back as it came, but changed.
 */
export function itemOf(form: ItemForm, base?: ExceptionItem): ExceptionItem {
  const entries = form.rows.map((row) => row.kept ?? makeEntry(row.field.trim(), row.operator, valuesOf(row)))
  return { ...base, name: form.name.trim(), entries }
}
