import { expect, test as base, type Locator, type Page } from '@playwright/test'
import { expectAccessible } from './axe'

/**
 * Every test gets a guard that fails it on any request to another origin (the page must work
 * offline and leak nothing), on console errors, on uncaught page errors and on HTTP errors.
 * It also runs the axe-core check (e2e/axe.ts) on the state the journey ends in, so every
 * journey's final page is checked for serious or critical accessibility violations; skipped when
 * the journey already failed (its own error is the one to read) or with E2E_AXE=0.
 */
const AXE_AT_END = process.env.E2E_AXE !== '0'

export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page, baseURL }, use, testInfo) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin
      const issues: string[] = []
      page.on('request', (r) => {
        const url = r.url()
        if (!url.startsWith(origin + '/') && url !== origin && !url.startsWith('data:') && !url.startsWith('blob:')) issues.push(`off-origin request: ${url}`)
      })
      page.on('console', (m) => {
        if (m.type() === 'error') issues.push(`console error: ${m.text()}`)
      })
      page.on('pageerror', (e) => issues.push(`page error: ${e.message}`))
      page.on('response', (r) => {
        if (r.status() >= 400) issues.push(`HTTP ${r.status()}: ${r.url()}`)
      })
      await use()
      // The axe check runs before the guard's own check, so a console error it caused is seen too.
      let axeFailure: unknown
      const passed = testInfo.status === testInfo.expectedStatus
      if (AXE_AT_END && passed && !page.isClosed() && page.url().startsWith(origin)) {
        // The check has its own time on top of the journey's: on a busy machine axe over a full
        // page takes seconds, and a journey must not time out for it.
        testInfo.setTimeout(testInfo.timeout + 30_000)
        await expectAccessible(page, `end of "${testInfo.title}"`).catch((e: unknown) => (axeFailure = e))
      }
      expect(issues, 'page guard').toEqual([])
      if (axeFailure) throw axeFailure
    },
    { auto: true },
  ],
})

export { expect }

/**
 * Replaces the text of the editor named `name`. The Monaco editors (lazy-loaded) are set through
 * the one documented test hook, `window.__rp` (src/editor/test-hook.ts): `fill()` cannot drive
 * Monaco, and typing long text is slow and fights auto-closing. A plain textarea is filled.
 * e2e/editor.spec.ts covers real typing.
 */
async function setEditorText(page: Page, name: 'Rule query' | 'Events', which: 'queryEditor' | 'eventsEditor', text: string): Promise<void> {
  const box = page.getByLabel(name, { exact: true })
  await expect(box).toBeVisible() // the editor has mounted (or the textarea is there)
  const viaHook = await page.evaluate(
    ([w, t]) => {
      const editor = window.__rp?.[w]
      if (!editor) return false
      editor.setValue(t)
      return true
    },
    [which, text] as const,
  )
  if (!viaHook) await box.fill(text)
}

/** Replaces the query; callers then wait on `data-run-status` and on what the new run shows. */
export async function setQuery(page: Page, query: string): Promise<void> {
  await setEditorText(page, 'Rule query', 'queryEditor', query)
}

/** Replaces the events text with NDJSON of `events`. */
export async function setEvents(page: Page, events: readonly object[]): Promise<void> {
  await setEditorText(page, 'Events', 'eventsEditor', events.map((e) => JSON.stringify(e)).join('\n'))
}

export const runStatus = (page: Page) => page.getByTestId('run-status')
export const results = (page: Page) => page.getByRole('list', { name: 'Results' })
export const matches = (page: Page) => results(page).locator('[data-match="true"]')

/** The query editor's text: Monaco through the test hook, or the plain textarea. */
export async function queryText(page: Page): Promise<string> {
  const box = page.getByLabel('Rule query', { exact: true })
  await expect(box).toBeVisible()
  const viaHook = await page.evaluate(() => window.__rp?.queryEditor?.getValue() ?? null)
  return viaHook ?? box.inputValue()
}

/**
 * Points at a character of the query editor until Monaco's hover with `hover` shows. Monaco drops
 * a hover whose request is overtaken (a run re-rendering decorations, the worker answering late),
 * and a pointer that does not move never asks again: so this moves off and back on, waiting on the
 * hover itself each time (state, not time).
 */
export async function hoverUntil(page: Page, lineNumber: number, column: number, hover: Locator): Promise<void> {
  await expect(async () => {
    const { x, y } = await pointAt(page, lineNumber, column)
    await page.mouse.move(x, y + 40)
    await page.mouse.move(x, y)
    await expect(hover).toBeVisible({ timeout: 3000 })
  }).toPass({ timeout: 20_000 })
}

/** Page coordinates of the middle of the character at 1-based line/column in the query editor. */
export async function pointAt(page: Page, lineNumber: number, column: number): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(
    ([lineNumber, column]) => {
      const editor = window.__rp?.queryEditor
      const pos = editor?.getScrolledVisiblePosition({ lineNumber, column })
      const box = editor?.getDomNode()?.getBoundingClientRect()
      return pos && box ? { x: box.left + pos.left + 3, y: box.top + pos.top + pos.height / 2 } : null
    },
    [lineNumber, column] as const,
  )
  if (!p) throw new Error('the query editor is not mounted')
  return p
}
