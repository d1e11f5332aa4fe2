import { describe, expect, it } from 'vitest'
import { hitSpanAt } from './hit-spans'

describe('hit spans', () => {
  const spans = [{ start: 10, end: 30 }, { start: 14, end: 20 }]

  it('finds the innermost matched clause under an offset', () => {
    expect(hitSpanAt(spans, 15)).toEqual({ start: 14, end: 20 })
    expect(hitSpanAt(spans, 25)).toEqual({ start: 10, end: 30 })
    expect(hitSpanAt(spans, 30)).toBeNull()
    expect(hitSpanAt(spans, 3)).toBeNull()
  })
})
