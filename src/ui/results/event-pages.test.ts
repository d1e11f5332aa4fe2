import { describe, expect, it } from 'vitest'
import { buildRowModel, EventCache, pageOf, pagesFor, rowOfEvent, windowRequest } from './event-pages'

describe('event pages', () => {
  it('maps rows to distinct pages in first-seen order', () => {
    expect(pageOf(0, 100)).toBe(0)
    expect(pageOf(199, 100)).toBe(1)
    expect(pagesFor([250, 5, 99, 260, 100], 100)).toEqual([2, 0, 1])
  })

  it('asks for a contiguous range of all events, clipped to the dataset', () => {
    const rows = buildRowModel(250, [3], false)
    expect(windowRequest(0, rows, 100)).toEqual({ from: 0, count: 100 })
    expect(windowRequest(2, rows, 100)).toEqual({ from: 200, count: 50 })
    expect(windowRequest(3, rows, 100)).toBeNull()
  })

  it('asks for the scattered indexes of a page of matches', () => {
    const rows = buildRowModel(250_000, [7, 90_000, 199_999], true)
    expect(windowRequest(0, rows, 2)).toEqual({ indexes: [7, 90_000] })
    expect(windowRequest(1, rows, 2)).toEqual({ indexes: [199_999] })
  })
})

describe('EventCache', () => {
  it('serves fetched events only', () => {
    const c = new EventCache(1)
    c.putAll([[13, { i: 13 }]])
    expect(c.get(13)).toEqual({ i: 13 })
    expect(c.has(3)).toBe(false)
  })

  it('evicts the least recently stored events past the cap', () => {
    const c = new EventCache(1, 2)
    c.putAll([[0, 'a'], [1, 'b']])
    c.putAll([[0, 'a']])
    c.putAll([[2, 'c']])
    expect([c.has(0), c.has(1), c.has(2)]).toEqual([true, false, true])
    expect(c.size).toBe(2)
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

describe('rowOfEvent', () => {
  const matched = [3, 50, 900]
  it('finds the same event, or the next one shown, after switching "only matches"', () => {
    expect(rowOfEvent(buildRowModel(1000, matched, true), matched, 50)).toBe(1)
    expect(rowOfEvent(buildRowModel(1000, matched, true), matched, 51)).toBe(2)
    expect(rowOfEvent(buildRowModel(1000, matched, true), matched, 999)).toBe(2)
    expect(rowOfEvent(buildRowModel(1000, matched, true), matched, 0)).toBe(0)
    expect(rowOfEvent(buildRowModel(1000, matched, false), matched, 51)).toBe(51)
    expect(rowOfEvent(buildRowModel(10, [], false), [], 51)).toBe(9)
  })
})
