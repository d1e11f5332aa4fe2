import { describe, expect, it } from 'vitest'
import { isLeftOutOfInitialJs } from './initial-js'
import { longTasksIn, percentile } from './page-calls'
import { medianRows, renderBrowserJson, renderBrowserTable, verdictOf, type BrowserRow } from './report'

const row = (value: number | null, target: number | null, extra: Partial<BrowserRow> = {}): BrowserRow => ({ figure: 'load', value, unit: 's', target, note: 'how', ...extra })

describe('verdicts', () => {
  it('reads value / target: <= 1.00 ok, above OVER', () => {
    expect(verdictOf(row(1.5, 3), false)).toEqual({ ratio: '0.50', verdict: 'ok' })
    expect(verdictOf(row(3, 3), false)).toEqual({ ratio: '1.00', verdict: 'ok' })
    expect(verdictOf(row(4.5, 3), false)).toEqual({ ratio: '1.50', verdict: 'OVER' })
  })

  it('judges a "none" target by the count', () => {
    expect(verdictOf(row(0, 0, { unit: 'tasks' }), false).verdict).toBe('ok')
    expect(verdictOf(row(2, 0, { unit: 'tasks' }), false).verdict).toBe('OVER')
  })

  it('says n/a at the small size, and not measured for a missing value', () => {
    expect(verdictOf(row(9, 3), true)).toEqual({ ratio: 'n/a at small size', verdict: '' })
    expect(verdictOf(row(null, 3), false)).toEqual({ ratio: '-', verdict: 'not measured' })
    expect(verdictOf(row(7, null), false)).toEqual({ ratio: '-', verdict: '' })
  })
})

describe('table', () => {
  it('aligns the columns and lists how each figure was measured', () => {
    const text = renderBrowserTable([row(5.1, 3, { figure: 'load 110 MB' }), row(0, 0, { figure: 'long tasks', unit: 'tasks', note: 'Long Tasks API' })], false)
    const lines = text.split('\n')
    expect(lines[0]).toMatch(/^figure\s+value\s+target\s+ratio$/)
    expect(lines[2]).toMatch(/^load 110 MB\s+5\.10 s\s+<= 3\.00 s\s+1\.70\s+OVER$/)
    expect(lines[3]).toMatch(/^long tasks\s+0 tasks\s+none\s+-\s+ok$/)
    expect(text).toContain('  long tasks: Long Tasks API')
  })

  it('gives JSON rows with their ratio and verdict', () => {
    const json = JSON.parse(renderBrowserJson([row(1, 2)], false, { seconds: 3 })) as { rows: { ratio: string; verdict: string }[]; seconds: number }
    expect(json.rows[0]).toMatchObject({ ratio: '0.50', verdict: 'ok' })
    expect(json.seconds).toBe(3)
  })
})

describe('helpers', () => {
  it('takes the nearest-rank percentile', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1)
    expect(percentile(twenty, 95)).toBe(19)
    expect(percentile(twenty, 50)).toBe(10)
    expect(percentile([], 95)).toBeNaN()
  })

  it('keeps the long tasks that overlap a window', () => {
    const tasks = [{ start: 0, duration: 60 }, { start: 100, duration: 70 }, { start: 300, duration: 55 }]
    expect(longTasksIn(tasks, 50, 150)).toEqual([{ start: 0, duration: 60 }, { start: 100, duration: 70 }])
    expect(longTasksIn(tasks, 200, 290)).toEqual([])
  })

  it("leaves Monaco's chunks and the workers out of the initial JS", () => {
    expect(isLeftOutOfInitialJs('/assets/editor-DE7Zpiy_.js')).toBe(true)
    expect(isLeftOutOfInitialJs('/assets/editor.worker-CX7Cj20z.js')).toBe(true)
    expect(isLeftOutOfInitialJs('/assets/jsonMode-7tTA-Yd9.js')).toBe(true)
    expect(isLeftOutOfInitialJs('/assets/QueryEditor-CK718FN5.js')).toBe(false)
    expect(isLeftOutOfInitialJs('/assets/engine.worker-0OQT_tff.js')).toBe(true)
    expect(isLeftOutOfInitialJs('/assets/index-Fik6UtXb.js')).toBe(false)
  })
})

describe('median of sessions', () => {
  it('takes each row\'s median over the sessions that measured it, and lists every value', () => {
    const s1 = [row(3.2, 3), row(null, 100, { figure: 'click' })]
    const s2 = [row(2.8, 3), row(40, 100, { figure: 'click' })]
    const s3 = [row(5.0, 3), row(60, 100, { figure: 'click' })]
    const rows = medianRows([s1, s2, s3])
    expect(rows[0]?.value).toBe(3.2)
    expect(rows[0]?.note).toBe('how; median of 3 of 3 sessions (3.20, 2.80, 5)')
    expect(rows[1]?.value).toBe(40)
    expect(rows[1]?.note).toContain('median of 2 of 3 sessions (40, 60)')
  })
})
