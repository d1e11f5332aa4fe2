import { describe, expect, it } from 'vitest'
import { describeEntry, describeItem, EXCEPTION_OPERATORS, makeEntry, operatorLabelOf } from './describe'
import type { ExceptionItem } from './types'

describe('describeEntry', () => {
  it('says every operator in the builder\'s words, values quoted', () => {
    expect(describeEntry(makeEntry('user.name', 'is', ['root']))).toBe('user.name is "root"')
    expect(describeEntry(makeEntry('user.name', 'is not', ['root']))).toBe('user.name is not "root"')
    expect(describeEntry(makeEntry('process.args', 'is one of', ['a', 'b']))).toBe('process.args is one of "a", "b"')
    expect(describeEntry(makeEntry('process.args', 'is not one of', ['a']))).toBe('process.args is not one of "a"')
    expect(describeEntry(makeEntry('user.name', 'exists', []))).toBe('user.name exists')
    expect(describeEntry(makeEntry('user.name', 'does not exist', []))).toBe('user.name does not exist')
    expect(describeEntry(makeEntry('file.path', 'matches', ['/tmp/*']))).toBe('file.path matches "/tmp/*"')
    expect(describeEntry(makeEntry('file.path', 'does not match', ['C:\\x']))).toBe('file.path does not match "C:\\\\x"')
    expect(describeEntry({ field: 'source.ip', operator: 'included', type: 'list', list: { id: 'ips', type: 'ip' } })).toBe('source.ip is in list "ips"')
  })
  it('nested entries inside braces', () => {
    const e = { field: 'parent.path', type: 'nested' as const, entries: [makeEntry('a', 'is', ['x']), makeEntry('b', 'exists', [])] as never }
    expect(describeEntry(e)).toBe('parent.path: { a is "x" AND b exists }')
  })
})

describe('describeItem', () => {
  it('entries AND-ed, then the OS condition', () => {
    const item: ExceptionItem = { name: 'n', entries: [makeEntry('a', 'is', ['1']), makeEntry('b', 'exists', [])], os_types: ['macos'] }
    expect(describeItem(item)).toBe('a is "1" AND b exists AND OS is "macos"')
    expect(describeItem({ ...item, os_types: ['windows', 'linux'] })).toBe('a is "1" AND b exists AND OS is one of "windows", "linux"')
  })
})

describe('operator table', () => {
  it('every label round-trips through makeEntry and operatorLabelOf', () => {
    for (const o of EXCEPTION_OPERATORS) {
      const e = makeEntry('f', o.label, ['v', 'w'])
      expect(e.type).toBe(o.type)
      expect(operatorLabelOf(e)).toBe(o.label)
    }
    expect(new Set(EXCEPTION_OPERATORS.map((o) => o.label)).size).toBe(8)
  })
  it('one value for is, the list for is one of, none for exists', () => {
    expect(makeEntry('f', 'is', ['v', 'w'])).toEqual({ field: 'f', operator: 'included', type: 'match', value: 'v' })
    expect(makeEntry('f', 'is not one of', ['v', 'w'])).toEqual({ field: 'f', operator: 'excluded', type: 'match_any', value: ['v', 'w'] })
    expect(makeEntry('f', 'does not exist', ['v'])).toEqual({ field: 'f', operator: 'excluded', type: 'exists' })
  })
  it('list and nested entries have no label', () => {
    expect(operatorLabelOf({ field: 'f', operator: 'included', type: 'list', list: { id: 'x', type: 'keyword' } })).toBeNull()
  })
})
