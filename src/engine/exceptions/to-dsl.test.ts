import { describe, expect, it } from 'vitest'
import { makeEntry } from './describe'
import { exceptionsFilterDsl } from './to-dsl'
import type { ExceptionItem } from './types'

const mp = (field: string, value: string) => ({ match_phrase: { [field]: value } })

describe('exceptionsFilterDsl', () => {
  it('null without items, or when every item has a list entry', () => {
    expect(exceptionsFilterDsl([])).toBeNull()
    const listOnly: ExceptionItem = { name: 'l', entries: [{ field: 'a', operator: 'included', type: 'list', list: { id: 'x', type: 'keyword' } }] }
    expect(exceptionsFilterDsl([listOnly])).toBeNull()
  })
  it('one must_not over a should of items; items are filters of their entries', () => {
    const items: ExceptionItem[] = [
      { name: 'a', entries: [makeEntry('user.name', 'is', ['root']), makeEntry('process.args', 'is not one of', ['x', 'y'])] },
      { name: 'b', entries: [makeEntry('file.path', 'matches', ['/tmp/*']), makeEntry('dll.name', 'does not exist', [])] },
    ]
    expect(exceptionsFilterDsl(items)).toEqual({
      bool: {
        must_not: [
          {
            bool: {
              should: [
                { bool: { filter: [mp('user.name', 'root'), { bool: { must_not: [{ bool: { should: [mp('process.args', 'x'), mp('process.args', 'y')], minimum_should_match: 1 } }] } }] } },
                { bool: { filter: [{ wildcard: { 'file.path': '/tmp/*' } }, { bool: { must_not: [{ exists: { field: 'dll.name' } }] } }] } },
              ],
              minimum_should_match: 1,
            },
          },
        ],
      },
    })
  })
  it('nested entries use full field names under a nested query; os_types expand to two match_phrases each', () => {
    const item: ExceptionItem = {
      name: 'n',
      entries: [{ field: 'p', type: 'nested', entries: [makeEntry('a', 'is', ['x']) as never, makeEntry('b', 'exists', []) as never] }],
      os_types: ['windows', 'macos'],
    }
    const dsl = exceptionsFilterDsl([item]) as { bool: { must_not: [{ bool: { should: [{ bool: { filter: unknown[] } }] } }] } }
    const filter = dsl.bool.must_not[0].bool.should[0].bool.filter
    expect(filter).toEqual([
      { nested: { path: 'p', query: { bool: { filter: [mp('p.a', 'x'), { exists: { field: 'p.b' } }] } }, score_mode: 'none' } },
      { bool: { should: [mp('host.os.type', 'windows'), mp('host.os.name.caseless', 'windows'), mp('host.os.type', 'macos'), mp('host.os.name.caseless', 'macos')], minimum_should_match: 1 } },
    ])
  })
  it('an item with a list entry is left out, the others stay', () => {
    const items: ExceptionItem[] = [
      { name: 'l', entries: [{ field: 'a', operator: 'included', type: 'list', list: { id: 'x', type: 'keyword' } }] },
      { name: 'k', entries: [makeEntry('a', 'exists', [])] },
    ]
    expect(exceptionsFilterDsl(items)).toEqual({ bool: { must_not: [{ bool: { should: [{ bool: { filter: [{ exists: { field: 'a' } }] } }], minimum_should_match: 1 } }] } })
  })
})
