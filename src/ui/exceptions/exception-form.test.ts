import { describe, expect, it } from 'vitest'
import type { ExceptionItem } from '../../engine/exceptions/types'
import { emptyForm, emptyRow, formOf, itemOf, nextRowId, OPERATOR_LABELS, takesList, takesValue, validateForm, valuesOf, type ItemForm } from './exception-form'

const ITEM: ExceptionItem = {
  name: 'JAMF hooks',
  item_id: 'abc',
  os_types: ['macos'],
  entries: [
    { field: 'process.parent.name', operator: 'included', type: 'match', value: 'jamf' },
    { field: 'process.args', operator: 'excluded', type: 'match_any', value: ['a b', 'c'] },
    { field: 'user.name', operator: 'excluded', type: 'exists' },
    { field: 'file.path', operator: 'included', type: 'wildcard', value: '/Users/*/x?.sh' },
    { field: 'file.hash.sha256', operator: 'included', type: 'list', list: { id: 'hashes', type: 'keyword' } },
  ],
}

describe('exception form', () => {
  it('offers the eight builder operators, values only where they apply', () => {
    expect(OPERATOR_LABELS).toEqual(['is', 'is not', 'is one of', 'is not one of', 'exists', 'does not exist', 'matches', 'does not match'])
    expect(OPERATOR_LABELS.filter((l) => !takesValue(l))).toEqual(['exists', 'does not exist'])
    expect(OPERATOR_LABELS.filter(takesList)).toEqual(['is one of', 'is not one of'])
  })

  it('reads an item into rows and gives back the same item', () => {
    const form = formOf(ITEM)
    expect(form.name).toBe('JAMF hooks')
    expect(form.rows.map((r) => [r.field, r.operator, r.value])).toEqual([
      ['process.parent.name', 'is', 'jamf'],
      ['process.args', 'is not one of', 'a b\nc'],
      ['user.name', 'does not exist', ''],
      ['file.path', 'matches', '/Users/*/x?.sh'],
      ['file.hash.sha256', 'is', ''],
    ])
    // the value-list entry has no builder row: it rides along unchanged
    expect(form.rows[4]?.kept).toBe(ITEM.entries[4])
    expect(validateForm(form)).toBeNull()
    expect(itemOf(form, ITEM)).toEqual(ITEM)
  })

  it('turns edited rows into the entries they name, keeping the rest of the item', () => {
    const form = formOf(ITEM)
    const edited: ItemForm = {
      name: '  renamed ',
      rows: [
        { ...form.rows[0]!, operator: 'is not', value: 'jamf' },
        { ...form.rows[1]!, operator: 'is one of', value: 'x\n\ny\r\nz' },
        { id: 9, field: ' host.name ', operator: 'exists', value: 'ignored' },
      ],
    }
    const item = itemOf(edited, ITEM)
    expect(item.name).toBe('renamed')
    expect(item.item_id).toBe('abc')
    expect(item.os_types).toEqual(['macos'])
    expect(item.entries).toEqual([
      { field: 'process.parent.name', operator: 'excluded', type: 'match', value: 'jamf' },
      { field: 'process.args', operator: 'included', type: 'match_any', value: ['x', 'y', 'z'] },
      { field: 'host.name', operator: 'included', type: 'exists' },
    ])
  })

  it('keeps a single value as typed: spaces and case are part of an exact match', () => {
    expect(valuesOf({ operator: 'is', value: ' Login Hook ' })).toEqual([' Login Hook '])
    expect(valuesOf({ operator: 'matches', value: '*Hook' })).toEqual(['*Hook'])
    expect(valuesOf({ operator: 'exists', value: 'x' })).toEqual([])
  })

  it('says what is missing at the control it is about', () => {
    expect(validateForm(emptyForm())).toEqual({ name: 'Give the exception a name.', rows: [{ field: 'Enter a field.', value: 'Enter a value.' }] })
    const form: ItemForm = {
      name: 'n',
      rows: [
        { id: 0, field: 'a', operator: 'is one of', value: '\n\n' },
        { id: 1, field: 'b c', operator: 'exists', value: '' },
        { id: 2, field: 'd', operator: 'is', value: 'one\ntwo' },
        { id: 3, field: 'e', operator: 'does not match', value: 'ok*' },
      ],
    }
    expect(validateForm(form)).toEqual({
      rows: [
        { value: 'Enter at least one value, one per line.' },
        { field: 'A field name has no spaces.' },
        { value: '"is" takes one value: use "is one of" for several.' },
        {},
      ],
    })
  })

  it('refuses an item without entries', () => {
    expect(validateForm({ name: 'n', rows: [] })).toEqual({ rows: [] })
  })

  it('gives new rows ids no other row has', () => {
    expect(nextRowId([])).toBe(0)
    expect(nextRowId([emptyRow(3), emptyRow(1)])).toBe(4)
  })
})
