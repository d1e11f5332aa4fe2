import { describe, expect, it } from 'vitest'
import type { ClauseCount } from '../worker/protocol'
import { coverageMarks } from './coverage-marks'

const clause = (kind: ClauseCount['kind'], start: number, end: number, trueCount: number, text = 'x'): ClauseCount => ({
  kind, span: { start, end }, text, filter: 'query', depth: 1, trueCount, falseCount: 5 - trueCount, nullCount: 0,
})

describe('coverageMarks', () => {
  it('labels each clause with its true count and marks a clause true for no event dead', () => {
    const marks = coverageMarks([clause('filter', 0, 40, 1), clause('and', 14, 40, 1), clause('comparison', 14, 20, 3, 'a == 1'), clause('comparison', 25, 40, 0, 'b == 2')])
    expect(marks.map((m) => [m.start, m.end, m.label, m.dead])).toEqual([
      [14, 20, ' ✓ 3', false],
      [25, 40, ' ✗ dead: 0 events', true],
    ])
    expect(marks[1]?.hover).toContain('Dead clause')
    expect(marks[1]?.hover).toContain('`b == 2`: true for 0 events')
  })

  it('gives a not and the clause it negates one label, the not’s, listing both on hover', () => {
    const marks = coverageMarks([clause('not', 10, 30, 4, 'not a : "x"'), clause('match', 14, 30, 1, 'a : "x"')])
    expect(marks).toHaveLength(1)
    expect(marks[0]).toMatchObject({ start: 10, label: ' ✓ 4', dead: false })
    expect(marks[0]?.hover).toContain('`a : "x"`: true for 1 event,')
  })

  it('says when the counts are partial', () => {
    expect(coverageMarks([clause('comparison', 0, 5, 2)], true)[0]?.label).toBe(' ✓ 2 (partial)')
  })
})
