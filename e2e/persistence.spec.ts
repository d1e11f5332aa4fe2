import type { Page } from '@playwright/test'
import { macosEvents, manyEvents } from './macos-events'
import { expect, queryText, runStatus, setEvents, setQuery, test } from './fixtures'

/**
 * Autosave: what a detection engineer typed survives a reload, and "New" never destroys work.
 * Each test starts in a fresh browser context, so storage starts empty.
 */

const KQL_RULE = 'process.name : "defaults" and process.args : "LoginHook"'

const matchCount = (page: Page) => page.getByTestId('match-count')

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
})

test('a reload restores the query, its language, the events and the rule settings', async ({ page }) => {
  await setEvents(page, macosEvents)
  await setQuery(page, KQL_RULE) // a pasted KQL rule switches the language
  await expect(page.getByRole('radio', { name: 'KQL' })).toBeChecked()
  await page.getByRole('button', { name: 'Rule settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Rule settings' })
  await settings.getByLabel('Now (date math)').fill('2026-11-02T10:00:00Z')
  await settings.getByLabel('New field', { exact: true }).fill('process.pid')
  await settings.getByLabel('New field type').selectOption('long')
  await settings.getByRole('button', { name: 'Add' }).click()
  await expect(settings.getByRole('cell', { name: 'process.pid', exact: true })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(settings).toHaveCount(0)
  await expect(matchCount(page)).toHaveText(/^1 match of 3 events/)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')

  await page.reload()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  expect(await queryText(page)).toBe(KQL_RULE)
  await expect(page.getByRole('radio', { name: 'KQL' })).toBeChecked()
  await expect(matchCount(page)).toHaveText(/^1 match of 3 events/)
  await page.getByRole('button', { name: 'Rule settings' }).click()
  await expect(settings.getByLabel('Now (date math)')).toHaveValue('2026-11-02T10:00:00Z')
  await expect(settings.getByLabel('Type of process.pid')).toHaveValue('long')
})

test('a reload right after an edit, before its run finishes, loses nothing', async ({ page }) => {
  await setQuery(page, 'process where process.name == "nothing-like-this"')
  // No wait for the run or the autosave debounce: pagehide saves.
  await page.reload()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  expect(await queryText(page)).toBe('process where process.name == "nothing-like-this"')
  await expect(matchCount(page)).toHaveText(/^0 matches/)
})

test('New starts an empty document and the previous one can be restored, also after a reload', async ({ page }) => {
  await setEvents(page, macosEvents)
  await setQuery(page, 'process where process.name == "sh"')
  await expect(matchCount(page)).toHaveText(/^1 match of 3 events/)

  await page.getByRole('button', { name: 'New', exact: true }).click()
  await expect.poll(() => queryText(page)).toBe('')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(matchCount(page)).toHaveCount(0)

  await page.reload()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await page.getByRole('button', { name: 'Restore previous document' }).click()
  await expect.poll(() => queryText(page)).toBe('process where process.name == "sh"')
  await expect(matchCount(page)).toHaveText(/^1 match of 3 events/)
})

test('a large file streamed into the engine is kept in IndexedDB and loaded again after a reload', async ({ page }) => {
  const text = manyEvents(12_000) // ~2.6 MB: over the size the events editor takes as text
  expect(text.length).toBeGreaterThan(2_000_000)
  await page.getByLabel('Upload events').setInputFiles({ name: 'many.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(text) })
  await expect(page.getByTestId('events-info')).toHaveText('12,000 events from many.ndjson', { timeout: 20_000 })
  await setQuery(page, 'process where process.pid == 10007')
  await expect(matchCount(page)).toHaveText(/^1 match of 12,000 events/, { timeout: 20_000 })

  await page.reload()
  await expect(page.getByTestId('events-info')).toHaveText('12,000 events from many.ndjson', { timeout: 20_000 })
  await expect(matchCount(page)).toHaveText(/^1 match of 12,000 events/, { timeout: 20_000 })
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
})
