import type { Page } from '@playwright/test'
import { exampleById } from '../src/examples'
import { expect, matches, runStatus, test } from './fixtures'

/**
 * The whole sharing journey on a seed example: open the LaunchDaemon sequence example,
 * share it with only the fields the query uses, open the link in a fresh browser (no storage) and
 * see the same sequences, the same matched events and the expected outcomes still holding.
 */

const EXAMPLE = exampleById('launch-daemon-sequence')
const idle = (page: Page) => expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 })
const matchedIndices = (page: Page) => matches(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event-index')))
const check = (page: Page) => page.getByTestId('lesson-check')

test.slow()

test('an example shared with only the query fields opens elsewhere with the same sequences', async ({ page, browser }) => {
  if (!EXAMPLE) throw new Error('the launch-daemon-sequence example is missing')
  await page.goto('/')
  await idle(page)
  await page.getByRole('button', { name: 'Examples', exact: true }).click()
  await page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: EXAMPLE.title.replaceAll('`', '') }).click()
  await idle(page)
  await expect(check(page)).toHaveAttribute('data-check', 'pass')
  const count = await page.getByTestId('match-count').textContent()
  const expected = await matchedIndices(page)
  expect(expected.length).toBeGreaterThan(0)

  await page.getByRole('button', { name: 'Share', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Share' })
  await expect(dialog).toHaveAttribute('data-state', 'ready', { timeout: 30_000 })
  const full = Number(await dialog.getByTestId('share-link-length').getAttribute('data-length'))
  await dialog.getByLabel('Keep only the fields the query uses').check()
  await expect(dialog.getByTestId('share-kept-fields')).toBeVisible()
  await expect.poll(async () => Number(await dialog.getByTestId('share-link-length').getAttribute('data-length'))).toBeLessThan(full)
  const link = await dialog.getByLabel('Share link').inputValue()
  expect(link).toMatch(/#v1\./)

  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  await other.goto(link)
  await idle(other)
  // "4 sequences of 20 events" (the run time after the dot differs)
  const counted = (count ?? '').split(' · ')[0] ?? ''
  expect(counted).toMatch(/^\d+ sequences? of \d+ events$/)
  await expect(other.getByTestId('match-count')).toContainText(counted)
  expect(await matchedIndices(other)).toEqual(expected)
  await expect(check(other)).toHaveAttribute('data-check', 'pass')
  await expect(other.getByTestId('document-about')).toContainText(EXAMPLE.title.replaceAll('`', ''))
  await fresh.close()
})
