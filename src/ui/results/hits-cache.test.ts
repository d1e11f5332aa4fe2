import { describe, expect, it } from 'vitest'
import { HitsCache, rowHits } from './hits-cache'

const hit = (field: string, start = 0) => ({ field, span: { start, end: start + 1 } })

describe('HitsCache', () => {
  it('tells unknown rows from rows known not to match', () => {
    const c = new HitsCache(7)
    c.putAll([3, 4], [{ hits: [hit('a')] }, null])
    expect(c.get(3)).toEqual({ hits: [hit('a')] })
    expect(c.get(4)).toBeNull()
    expect(c.has(4)).toBe(true)
    expect(c.get(5)).toBeUndefined()
    expect(c.runId).toBe(7)
  })

  it('drops the least recently stored past its cap', () => {
    const c = new HitsCache(1, 2)
    c.putAll([1, 2], [null, null])
    c.putAll([3], [null])
    expect([c.has(1), c.has(2), c.has(3), c.size]).toEqual([false, true, true, 2])
  })
})

describe('rowHits', () => {
  it('takes the stage’s hits in a sequence, else the event’s own, none while unknown', () => {
    const h = { hits: [hit('a')], byStage: { 0: [hit('a')], 2: [hit('b', 5)] } }
    expect(rowHits(h, 2)).toEqual([hit('b', 5)])
    expect(rowHits(h, 1)).toEqual([hit('a')])
    expect(rowHits(h)).toEqual([hit('a')])
    expect(rowHits(undefined)).toEqual([])
    expect(rowHits(null, 0)).toEqual([])
  })
})
