import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, matches, runStatus, setQuery, test } from './fixtures'
import { benignRead, hookShell, loginHook } from './macos-events'

/**
 * The events pipeline as a user meets it: pasted NDJSON with broken lines, a 50 MB file streamed
 * into the engine with a progress bar while the page stays usable, and a cancelled load.
 */

/** Replaces the events text as a paste would (Monaco through the test hook, or the textarea). */
async function pasteEvents(page: Page, text: string): Promise<void> {
  const box = page.getByLabel('Events', { exact: true })
  await expect(box).toBeVisible()
  const viaHook = await page.evaluate((t) => {
    const editor = window.__rp?.eventsEditor
    if (!editor) return false
    editor.setValue(t)
    return true
  }, text)
  if (!viaHook) await box.fill(text)
}

/** The generated 50 MB NDJSON file (our own synthetic events; reused when already there). */
function bigFile(): string {
  const out = join(tmpdir(), 'rule-playground-big-events.ndjson')
  return execFileSync('node', ['scripts/make-big-events.mjs', out, '50'], { encoding: 'utf8' }).trim()
}

const BIG_EVENTS = '145,519 events'
const problems = (page: Page) => page.getByRole('list', { name: 'Event problems' }).getByRole('listitem')

test('pasted NDJSON with two broken lines: both reported with their line numbers, the rest matched', async ({ page }) => {
  await page.goto('/')
  await setQuery(page, 'process where process.name == "defaults"')
  const lines = [JSON.stringify(loginHook), '{"@timestamp": "2026-11-02T09:14:04Z", "process": {"name": "defaults"', JSON.stringify(benignRead), 'not json', JSON.stringify(hookShell)]
  await pasteEvents(page, lines.join('\n'))
  await expect(problems(page)).toHaveText([/^line 2: /, /^line 4: /])
  await expect(page.getByTestId('events-info')).toHaveText(/^3 events/)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(page.getByTestId('match-count')).toHaveText(/^2 matches of 3 events/)
  await expect(matches(page)).toHaveCount(2)
  // nothing pasted is thrown away: the broken lines are still in the editor
  const text = await page.evaluate(() => window.__rp?.eventsEditor?.getValue() ?? (document.querySelector('textarea[aria-label="Events"]') as HTMLTextAreaElement | null)?.value ?? '')
  expect(text).toContain('not json')
})

test('a 50 MB file streams in with a progress bar while the page stays responsive, then results show', async ({ page }) => {
  test.setTimeout(120_000)
  const file = bigFile()
  await page.goto('/')
  await setQuery(page, 'process where process.name == "needle.exe"')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await page.getByLabel('Upload events').setInputFiles(file)
  const progress = page.getByRole('progressbar', { name: /^Loading / })
  await expect(progress).toBeVisible()
  // The page answers a click while the file streams in: the language switch changes state.
  const switcher = page.getByRole('radiogroup', { name: 'Rule language' })
  await switcher.getByText('KQL', { exact: true }).click()
  await expect(switcher).toHaveAttribute('data-language', 'kql')
  // handled while the load was still running, not after it
  expect(await progress.isVisible()).toBe(true)
  await switcher.getByText('EQL', { exact: true }).click()
  await expect(switcher).toHaveAttribute('data-language', 'eql')
  await expect(progress).toHaveCount(0, { timeout: 90_000 })
  await expect(page.getByTestId('events-info')).toHaveText(`${BIG_EVENTS} from rule-playground-big-events.ndjson`)
  await expect(page.getByTestId('match-count')).toHaveText(new RegExp(`^15 matches of ${BIG_EVENTS}`), { timeout: 30_000 })
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  // the editor shows a summary, not 50 MB of text
  const shown = await page.evaluate(() => window.__rp?.eventsEditor?.getValue().length ?? 0)
  expect(shown).toBeLessThan(2000)
})

test('cancelling a load keeps the previous events', async ({ page }) => {
  test.setTimeout(120_000)
  const file = bigFile()
  await page.goto('/')
  await setQuery(page, 'process where true')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const before = await page.getByTestId('events-info').textContent()
  await page.getByLabel('Upload events').setInputFiles(file)
  await expect(page.getByRole('progressbar', { name: /^Loading / })).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'was cancelled' })).toBeVisible()
  await expect(page.getByRole('progressbar', { name: /^Loading / })).toHaveCount(0)
  await expect(page.getByTestId('events-info')).toHaveText(before ?? '')
})

test('files dropped anywhere on the page are loaded', async ({ page }) => {
  await page.goto('/')
  await setQuery(page, 'process where process.name == "sh"')
  const text = [loginHook, benignRead, hookShell].map((e) => JSON.stringify(e)).join('\n')
  // A drop as the browser delivers it: a DataTransfer holding a File, dropped on the results pane.
  const data = await page.evaluateHandle((t) => {
    const dt = new DataTransfer()
    dt.items.add(new File([t], 'dropped.ndjson', { type: 'application/x-ndjson' }))
    return dt
  }, text)
  const target = page.getByTestId('match-count')
  await target.dispatchEvent('dragenter', { dataTransfer: data })
  await expect(page.getByTestId('drop-hint')).toBeVisible()
  await target.dispatchEvent('drop', { dataTransfer: data })
  await expect(page.getByTestId('drop-hint')).toHaveCount(0)
  await expect(page.getByTestId('events-info')).toHaveText('3 events from dropped.ndjson')
  await expect(page.getByTestId('match-count')).toHaveText(/^1 match of 3 events/)
})
