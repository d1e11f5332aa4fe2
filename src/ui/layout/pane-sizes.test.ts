import { describe, expect, it } from 'vitest'
import { layoutOf, resizeAt, sizesFrom, type PaneRow } from './pane-sizes'

const ROW: PaneRow = { ids: ['a', 'b', 'c'], minSizes: [15, 15, 20], defaultSizes: [34, 30, 36] }
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0)

describe('pane sizes', () => {
  it('starts from the defaults without a saved layout, or with one that does not name every pane', () => {
    expect(sizesFrom(ROW, undefined)).toEqual([34, 30, 36])
    expect(sizesFrom(ROW, { a: 50, b: 50 })).toEqual([34, 30, 36])
    expect(sizesFrom(ROW, { a: 50, b: -1, c: 50 })).toEqual([34, 30, 36])
    expect(sizesFrom(ROW, { query: 30, events: 30, results: 40 })).toEqual([34, 30, 36])
  })

  it('restores a saved layout, scaled to 100 and held to the minimums', () => {
    expect(sizesFrom(ROW, { a: 40, b: 20, c: 40 })).toEqual([40, 20, 40])
    expect(sizesFrom(ROW, { a: 2, b: 1, c: 1 })).toEqual([50, 25, 25])
    const held = sizesFrom(ROW, { a: 90, b: 5, c: 5 })
    expect(held[1]).toBe(15)
    expect(held[2]).toBe(20)
    expect(sum(held)).toBeCloseTo(100)
  })

  it('moves only the two panes beside a separator, never below their minimums', () => {
    expect(resizeAt(ROW, [34, 30, 36], 0, 10)).toEqual([44, 20, 36])
    expect(resizeAt(ROW, [34, 30, 36], 0, 50)).toEqual([49, 15, 36])
    expect(resizeAt(ROW, [34, 30, 36], 1, -40)).toEqual([34, 15, 51])
    expect(resizeAt(ROW, [34, 30, 36], 1, 40)).toEqual([34, 46, 20])
    expect(resizeAt(ROW, [34, 30, 36], 2, 5)).toEqual([34, 30, 36])
    expect(resizeAt(ROW, [34, 30, 36], 0, Number.NaN)).toEqual([34, 30, 36])
  })

  it('saves sizes by pane id', () => {
    expect(layoutOf(ROW, [40, 20, 40])).toEqual({ a: 40, b: 20, c: 40 })
  })
})
