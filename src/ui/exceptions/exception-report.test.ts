import { describe, expect, it } from 'vitest'
import { exceptsText, outcomesOf } from './exception-report'

describe('exception outcomes', () => {
  it('counts each item’s excepted events and places problems on the item or entry', () => {
    const out = outcomesOf(
      {
        excepted: [
          { index: 1, item: 0 },
          { index: 4, item: 1 },
          { index: 5, item: 1 },
          { index: 6, item: -1 },
          { index: 9, item: 7 },
        ],
        exceptionProblems: [
          { code: 'EXC1', item: 1, severity: 'error', message: 'whole item' },
          { code: 'EXC2', item: 1, entry: 2, severity: 'warning', message: 'third entry' },
          { code: 'EXC3', item: 1, entry: 2, severity: 'error', message: 'again' },
          { code: 'EXC4', item: 5, severity: 'error', message: 'gone item' },
        ],
      },
      3,
    )
    expect(out.items.map((i) => i.excepted)).toEqual([1, 2, 0])
    expect(out.lostWithSequence).toBe(1)
    expect(out.total).toBe(5)
    expect(out.items[1]?.itemProblems.map((p) => p.code)).toEqual(['EXC1'])
    expect(out.items[1]?.entryProblems.get(2)?.map((p) => p.code)).toEqual(['EXC2', 'EXC3'])
    expect(out.items[0]?.itemProblems).toEqual([])
    expect(out.items[2]?.entryProblems.size).toBe(0)
  })

  it('has nothing to say without a report or without exceptions in it', () => {
    expect(outcomesOf(null, 2).items.map((i) => i.excepted)).toEqual([0, 0])
    expect(outcomesOf({}, 1)).toMatchObject({ lostWithSequence: 0, total: 0 })
  })

  it('words the count', () => {
    expect([0, 1, 4].map(exceptsText)).toEqual(['excepts no event', 'excepts 1 event', 'excepts 4 events'])
  })
})
