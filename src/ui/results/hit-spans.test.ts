import { describe, expect, it } from 'vitest'
import { hitSpanAt, hitSpans } from './hit-spans'

const hit = (field: string, start: number, end: number) => ({ field, span: { start, end } })

describe('hit spans', () => {
  const spans = hitSpans({ 0: [hit('a', 10, 30), hit('b', 14, 20)], 4: [hit('a', 10, 30)] })

  it('collects each clause span once', () => {
    expect(spans).toEqual([{ start: 10, end: 30 }, { start: 14, end: 20 }])
  })

  it('finds the innermost matched clause under an offset', () => {
    expect(hitSpanAt(spans, 15)).toEqual({ start: 14, end: 20 })
    expect(hitSpanAt(spans, 25)).toEqual({ start: 10, end: 30 })
    expect(hitSpanAt(spans, 30)).toBeNull()
    expect(hitSpanAt(spans, 3)).toBeNull()
  })
})
