import { describe, expect, it } from 'vitest'
import type { ExceptionItem } from '../../engine/exceptions/types'
import { itemNameFor, withValueAndedInto, withValueAsNewItem } from './exception-actions'

const ITEMS: readonly ExceptionItem[] = [
  { name: 'first', entries: [{ field: 'a', operator: 'included', type: 'exists' }] },
  { name: 'second', entries: [] },
]

describe('exception items from a field value', () => {
  it('adds a new `field is value` item at the end', () => {
    const next = withValueAsNewItem(ITEMS, 'process.args', '/private/var/tmp/.x.sh')
    expect(next.slice(0, 2)).toEqual(ITEMS)
    expect(next[2]).toEqual({
      name: 'process.args: /private/var/tmp/.x.sh',
      entries: [{ field: 'process.args', operator: 'included', type: 'match', value: '/private/var/tmp/.x.sh' }],
    })
  })

  it('sends numbers and booleans as their text', () => {
    expect(withValueAsNewItem([], 'process.pid', 5120)[0]?.entries).toEqual([{ field: 'process.pid', operator: 'included', type: 'match', value: '5120' }])
    expect(withValueAsNewItem([], 'x.ok', false)[0]?.entries).toEqual([{ field: 'x.ok', operator: 'included', type: 'match', value: 'false' }])
  })

  it('ANDs the value into the chosen item only', () => {
    const next = withValueAndedInto(ITEMS, 0, 'host.name', 'design')
    expect(next[0]?.entries).toEqual([...(ITEMS[0]?.entries ?? []), { field: 'host.name', operator: 'included', type: 'match', value: 'design' }])
    expect(next[1]).toBe(ITEMS[1])
    expect(withValueAndedInto(ITEMS, 5, 'host.name', 'x')).toEqual(ITEMS)
  })

  it('keeps default names short', () => {
    const name = itemNameFor('file.path', '/a'.repeat(100))
    expect(name).toHaveLength(60)
    expect(name.endsWith('…')).toBe(true)
  })
})
