/**
 * Node-side calls into the page: the probes (page-probes.ts, `window.__bench`) and the app's
 * one test hook (`window.__rp`, src/editor/test-hook.ts). Expressions are sent as text so nothing
 * tsx emits has to exist in the page; values in them are JSON-encoded.
 */
import type { Page } from '@playwright/test'

/** Evaluates `expression` in the page (awaiting a promise) and returns its value as `T`. */
export async function call<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T
}

/** Times in the page's performance.now(). */
export interface LongTask {
  readonly start: number
  readonly duration: number
}

/** The long tasks that overlap the window [from, to] (page times). */
export function longTasksIn(tasks: readonly LongTask[], from: number, to: number): LongTask[] {
  return tasks.filter((t) => t.start < to && t.start + t.duration > from)
}

/** Every long task recorded so far. */
export function longTasks(page: Page): Promise<LongTask[]> {
  return call<LongTask[]>(page, 'window.__bench.longTasks.slice()')
}

/** Waits until the run is idle and no load bar shows; throws after `timeoutMs`. */
export async function waitIdle(page: Page, timeoutMs = 60_000): Promise<void> {
  const at = await call<number | null>(page, `window.__bench.idle(${timeoutMs})`)
  if (at === null) throw new Error(`the page did not become idle within ${timeoutMs} ms`)
}

/** Sets the query editor's text through the test hook and waits for its run to show. */
export async function setQuery(page: Page, query: string, timeoutMs = 60_000): Promise<void> {
  const same = await call<boolean>(page, `window.__rp.queryEditor.getValue() === ${JSON.stringify(query)}`)
  if (same) return waitIdle(page, timeoutMs)
  const before = await call<{ report: number }>(page, 'window.__bench.seqs()')
  await call<void>(page, `window.__rp.queryEditor.setValue(${JSON.stringify(query)})`)
  const seq = await call<number | null>(
    page,
    `new Promise((resolve) => {
      const start = performance.now()
      const tick = () => {
        const s = window.__bench.seqs().report
        if (s > ${before.report}) resolve(s)
        else if (performance.now() - start > ${timeoutMs}) resolve(null)
        else requestAnimationFrame(tick)
      }
      tick()
    })`,
  )
  if (seq === null) throw new Error('no run followed setting the query')
  await waitIdle(page, timeoutMs)
}

/** Puts the query editor's cursor right after the first occurrence of `anchor`, and focuses it. */
export async function placeCursorAfter(page: Page, anchor: string): Promise<void> {
  const ok = await call<boolean>(
    page,
    `(() => {
      const ed = window.__rp.queryEditor
      const model = ed.getModel()
      const text = model.getValue()
      const at = text.indexOf(${JSON.stringify(anchor)})
      if (at < 0) return false
      ed.setPosition(model.getPositionAt(at + ${anchor.length}))
      ed.focus()
      return true
    })()`,
  )
  if (!ok) throw new Error(`anchor not found in the query: ${anchor}`)
}

/** Nearest-rank percentile of `values` (p in 0..100); NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1] ?? NaN
}
