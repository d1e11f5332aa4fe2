import { describe, expect, it } from 'vitest'
import { buildRowModel, EventPageCache, pageOf, pagesFor } from './event-pages'

describe('event pages', () => {
  it('maps indices to distinct pages in first-seen order', () => {
    expect(pageOf(0, 100)).toBe(0)
    expect(pageOf(199, 100)).toBe(1)
    expect(pagesFor([250, 5, 99, 260, 100], 100)).toEqual([2, 0, 1])
  })

  it('serves events from loaded pages only', () => {
    const c = new EventPageCache(1, 10, 3)
    c.put(1, Array.from({ length: 10 }, (_, i) => ({ i: 10 + i })))
    expect(c.get(13)).toEqual({ i: 13 })
    expect(c.get(3)).toBeUndefined()
  })

  it('evicts the least recently used page past the cap', () => {
    const c = new EventPageCache(1, 10, 2)
    c.put(0, ['a'])
    c.put(1, ['b'])
    c.touch(0)
    c.put(2, ['c'])
    expect([c.has(0), c.has(1), c.has(2)]).toEqual([true, false, true])
    expect(c.size).toBe(2)
  })

  it('clips the last page to the dataset', () => {
    const c = new EventPageCache(1, 100)
    expect(c.rangeOf(2, 250)).toEqual({ from: 200, count: 50 })
    expect(c.rangeOf(3, 250)).toEqual({ from: 300, count: 0 })
  })
})

describe('row model', () => {
  it('shows every event, matches marked, or only the matches', () => {
    const all = buildRowModel(5, [1, 3], false)
    expect(all.rowCount).toBe(5)
    expect(all.eventIndexAt(4)).toBe(4)
    expect([0, 1, 2, 3, 4].map((i) => all.isMatch(i))).toEqual([false, true, false, true, false])
    const only = buildRowModel(5, [1, 3], true)
    expect(only.rowCount).toBe(2)
    expect(only.eventIndexAt(1)).toBe(3)
    expect(only.eventIndexAt(2)).toBe(-1)
  })
})
