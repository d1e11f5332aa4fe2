import type { Page } from '@playwright/test'
import { expect, hoverUntil, runStatus, setQuery, test } from './fixtures'

/**
 * The quick reference (issue 5): search it, insert an entry into the query, switch to the other
 * language, and follow a hover's "Open in quick reference" link to the entry. Monaco is read
 * through the documented test hook `window.__rp` (src/editor/test-hook.ts).
 */

const queryBox = (page: Page) => page.getByRole('textbox', { name: 'Rule query', exact: true })
const panel = (page: Page) => page.getByRole('complementary', { name: 'Quick reference' })
const queryText = (page: Page) => page.evaluate(() => window.__rp?.queryEditor?.getValue())

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  // the first load of a dev server compiles the engine worker: allow it more than one expect
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', { timeout: 25_000 })
  await expect(queryBox(page)).toBeVisible()
})

test('search the reference for startsWith and insert it at the cursor; one undo takes it back', async ({ page }) => {
  await setQuery(page, 'process where ')
  await page.evaluate(() => window.__rp?.queryEditor?.setPosition({ lineNumber: 1, column: 15 }))
  await page.getByRole('button', { name: 'Reference', exact: true }).click()
  await expect(panel(page)).toBeVisible()
  await expect(panel(page).getByRole('group', { name: 'Reference language' }).getByRole('button', { name: /^EQL/ })).toHaveAttribute('aria-pressed', 'true')

  await panel(page).getByRole('searchbox', { name: 'Search reference' }).fill('startsWith')
  const entries = panel(page).getByRole('article')
  await expect(entries).toHaveCount(1)
  const entry = panel(page).locator('#eql-fn-startsWith')
  await expect(entry).toContainText('startsWith(source, prefix)')
  await expect(entry).toContainText('Case')
  await entry.getByRole('button', { name: 'Insert' }).click()

  await expect.poll(() => queryText(page)).toBe('process where startsWith~(process.name, "power")')
  await expect(queryBox(page)).toBeFocused()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await page.keyboard.press('ControlOrMeta+Z')
  await expect.poll(() => queryText(page)).toBe('process where ')
})

test('the KQL side lists escaping, wildcards and that ? is not a wildcard', async ({ page }) => {
  await page.getByRole('button', { name: 'Reference', exact: true }).click()
  await panel(page).getByRole('group', { name: 'Reference language' }).getByRole('button', { name: /^KQL/ }).click()
  await expect(panel(page).getByRole('heading', { name: 'Values, wildcards & escaping' })).toBeVisible()
  await expect(panel(page).locator('#kql-syn-escaping')).toContainText('( ) : < > " * { }')
  await expect(panel(page).locator('#kql-syn-question-mark')).toContainText('is always literal in KQL')
  await expect(panel(page).locator('#eql-fn-startsWith')).toHaveCount(0)

  // a search for an EQL-only word offers the other language
  await panel(page).getByRole('searchbox', { name: 'Search reference' }).fill('maxspan')
  await expect(panel(page).getByRole('status')).toContainText('No KQL entry matches.')
  await panel(page).getByRole('button', { name: /in EQL$/ }).click()
  await expect(panel(page).locator('#eql-syn-maxspan')).toBeVisible()
})

test('a function hover links to its entry: the panel opens, scrolled to it and highlighted', async ({ page }) => {
  await setQuery(page, 'process where endsWith(process.name, "d")')
  await expect(panel(page)).toHaveCount(0)
  const hover = page.locator('.monaco-hover').filter({ hasText: 'endsWith(source, suffix)' })
  await hoverUntil(page, 1, 17, hover)
  await hover.getByRole('link', { name: 'Open in quick reference' }).click()

  await expect(panel(page)).toBeVisible()
  const entry = panel(page).locator('#eql-fn-endsWith')
  await expect(entry).toHaveAttribute('data-highlighted', 'true')
  await expect(entry).toBeInViewport()
  await expect(entry).toBeFocused()
  await expect(panel(page).locator('[data-highlighted="true"]')).toHaveCount(1)
})

test('an operator hover in KQL links to the KQL entry', async ({ page }) => {
  await setQuery(page, 'process.name : launchctl')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const hover = page.locator('.monaco-hover').filter({ hasText: 'How text matches depends on the field type' })
  await hoverUntil(page, 1, 14, hover)
  await hover.getByRole('link', { name: 'Open in quick reference' }).click()
  await expect(panel(page).getByRole('group', { name: 'Reference language' }).getByRole('button', { name: /^KQL/ })).toHaveAttribute('aria-pressed', 'true')
  await expect(panel(page).locator('#kql-op-colon')).toHaveAttribute('data-highlighted', 'true')
})
