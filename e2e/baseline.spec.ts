import type { Page } from '@playwright/test'
import { expect, matches, queryText, results, runStatus, setQuery, test } from './fixtures'

/**
 * "What changed": on the first-visit example (Login/Logout Hook), pin the matches, make the query
 * stricter, and see exactly the events that stopped matching counted and marked; unpin.
 */

const flipsLine = (page: Page) => page.getByTestId('baseline-flips')

/** The input indexes of the matched rows, read from the page. */
async function matchedIndexes(page: Page): Promise<number[]> {
  const values = await matches(page).evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-event-index'))))
  return values.sort((a, b) => a - b)
}

test('pin a baseline, edit the query, see the lost matches counted and marked, unpin', async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(matches(page)).toHaveCount(5)
  const before = await matchedIndexes(page)

  await page.getByRole('button', { name: 'Pin baseline' }).click()
  await expect(flipsLine(page)).toHaveText(/no event flipped/)
  await expect(flipsLine(page)).toHaveAttribute('data-lost', '0')

  // `:` ignores case, `in` does not (`==` takes no list in EQL): the lower- and upper-case hook
  // names stop matching.
  const query = await queryText(page)
  const clause = 'process.args : ("LoginHook", "LogoutHook")'
  expect(query).toContain(clause)
  await setQuery(page, query.replace(clause, 'process.args in ("LoginHook", "LogoutHook")'))
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(matches(page)).not.toHaveCount(5)

  const after = await matchedIndexes(page)
  const lost = before.filter((i) => !after.includes(i))
  const gained = after.filter((i) => !before.includes(i))
  expect(lost.length).toBeGreaterThan(0)
  await expect(flipsLine(page)).toHaveAttribute('data-lost', String(lost.length))
  await expect(flipsLine(page)).toHaveAttribute('data-gained', String(gained.length))
  await expect(flipsLine(page)).toContainText(`−${lost.length} lost`)
  await expect(flipsLine(page).getByRole('group', { name: 'Lost matches' }).getByRole('button')).toHaveText(lost.map((i) => `#${i}`))
  // every lost event's row says so, and no other row does
  const lostRows = results(page).locator('[role="listitem"][data-flip="lost"]')
  await expect(lostRows).toHaveCount(lost.length)
  for (const i of lost) await expect(results(page).locator(`[role="listitem"][data-event-index="${i}"]`)).toHaveAttribute('data-flip', 'lost')

  // "Only matches" hides the lost rows (they no longer match); the line offers them back.
  await page.getByLabel('Only matches').check()
  await expect(lostRows).toHaveCount(0)
  await flipsLine(page).getByRole('button', { name: 'Show lost' }).click()
  await expect(page.getByLabel('Only matches')).not.toBeChecked()
  await expect(lostRows).toHaveCount(lost.length)

  // Back to the pinned query: nothing flipped any more.
  await setQuery(page, query)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(flipsLine(page)).toHaveText(/no event flipped/)
  await expect(lostRows).toHaveCount(0)

  await page.getByRole('button', { name: 'Unpin' }).click()
  await expect(flipsLine(page)).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Pin baseline' })).toBeEnabled()
})
