/**
 * Keystroke to updated highlights: real key presses in the Monaco query editor, one at a time
 * (runs coalesce while typing, so each key waits for its own run before the next: the figure is
 * the latency of each key), timed in the page from the keydown to the frame after the results
 * show that key's run (page-probes.ts `armKey`/`keyResult`).
 */
import type { Page } from '@playwright/test'
import { call, longTasks, longTasksIn, percentile, placeCursorAfter, setQuery, waitIdle, type LongTask } from './page-calls'

/** One edit scenario: the query, where to type, and what. */
export interface EditPlan {
  readonly query: string
  /** the cursor goes right after the first occurrence of this text */
  readonly anchor: string
  /** characters typed one per edit, each leaving a valid query whose run differs */
  readonly keys: string
}

/** What a series of edits gave. */
export interface EditsMeasure {
  readonly edits: number
  readonly latencies: readonly number[]
  readonly p95: number
  readonly median: number
  readonly max: number
  /** which attribute the wait used: data-highlights-seq (results list) or data-report-seq */
  readonly via: string
  readonly longTasks: LongTask[]
  readonly matchCount: string | null
}

interface KeyResult {
  readonly keyAt: number | null
  readonly doneAt: number | null
  readonly via: string
  readonly seq: number
}

/** Types `count` keys of the plan, one at a time, and measures each. */
export async function measureEdits(page: Page, plan: EditPlan, count: number, timeoutMs = 60_000): Promise<EditsMeasure> {
  await setQuery(page, plan.query)
  await placeCursorAfter(page, plan.anchor)
  const latencies: number[] = []
  const vias = new Set<string>()
  let from = Infinity
  let to = -Infinity
  for (let i = 0; i < count; i++) {
    const ch = plan.keys[i % plan.keys.length] ?? 'x'
    await call<void>(page, 'window.__bench.armKey()')
    await page.keyboard.press(ch)
    const r = await call<KeyResult | null>(page, `window.__bench.keyResult(${timeoutMs})`)
    if (r === null || r.keyAt === null || r.doneAt === null) throw new Error(`edit ${i + 1} (key ${ch}): no run shown within ${timeoutMs} ms`)
    latencies.push(r.doneAt - r.keyAt)
    vias.add(r.via)
    from = Math.min(from, r.keyAt)
    to = Math.max(to, r.doneAt)
    // a key that started a second run (an editor auto-edit) must not end the next key's wait early
    await waitIdle(page, timeoutMs)
  }
  const matchCount = await page.getByTestId('match-count').textContent()
  return {
    edits: count,
    latencies,
    p95: percentile(latencies, 95),
    median: percentile(latencies, 50),
    max: Math.max(...latencies),
    via: [...vias].join('+'),
    longTasks: count > 0 ? longTasksIn(await longTasks(page), from, to) : [],
    matchCount,
  }
}
