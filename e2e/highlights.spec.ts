import { manyEvents } from './macos-events'
import { expect, results, runStatus, setQuery, test } from './fixtures'
import type { Page } from '@playwright/test'

/**
 * Highlights for the rows in view: a run over a large set carries no hits in its report; the
 * worker computes them for the rows the list shows. A row scrolled far from the first page, where
 * no hits came with the report, gets them all the same, and an edit refreshes them in place. The
 * list's `data-highlights-seq` says the rows in view show the hits of the report on screen
 * (`data-report-seq` of the panel), which is what the browser bench waits on.
 */

const N = 20_000
const chips = (page: Page, index: number) => results(page).locator(`[data-event-index="${index}"] .hit-chip`)

async function highlightsOfLatestReport(page: Page): Promise<void> {
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const seq = await page.getByTestId('results-panel').getAttribute('data-report-seq')
  expect(seq).not.toBeNull()
  await expect(results(page)).toHaveAttribute('data-highlights-seq', seq ?? '')
}

test('a far-scrolled row of 20,000 loaded events gets its highlights, and an edit refreshes them', async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await page.getByLabel('Upload events').setInputFiles({ name: 'many.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(manyEvents(N)) })
  // every other event is an mdworker: 10,000 matches, far more than the report's first page
  await setQuery(page, 'process where process.name == "mdworker"')
  await expect(page.getByTestId('match-count')).toHaveText(/^10,000 matches of 20,000 events/, { timeout: 20_000 })
  await highlightsOfLatestReport(page)

  await results(page).evaluate((el) => el.scrollTo(0, el.scrollHeight))
  const last = results(page).locator(`[data-event-index="${N - 1}"]`)
  await expect(last).toHaveAttribute('data-match', 'true')
  await expect(chips(page, N - 1).filter({ hasText: /^process\.name$/ })).toHaveCount(1)
  await expect(results(page).locator(`[data-event-index="${N - 2}"]`)).toHaveAttribute('data-match', 'false')
  await expect(results(page).locator(`[data-event-index="${N - 2}"] .hit-chip`)).toHaveCount(0)
  await highlightsOfLatestReport(page)

  // The field tree of the far row marks the matched field too.
  await last.getByRole('button', { name: 'Fields' }).click()
  await expect(last.locator('[data-field="process.name"] > .field')).toHaveAttribute('data-hit', 'true')
  await expect(last.locator('[data-field="process.pid"] > .field')).not.toHaveAttribute('data-hit', 'true')

  // An edit: the rows in view show the new run's hits without scrolling.
  await setQuery(page, 'process where process.name == "mdworker" and process.pid >= 29000')
  await expect(page.getByTestId('match-count')).toHaveText(/^500 matches of 20,000 events/, { timeout: 20_000 })
  await highlightsOfLatestReport(page)
  await expect(chips(page, N - 1).filter({ hasText: /^process\.pid$/ })).toHaveCount(1)
  await expect(last.locator('[data-field="process.pid"] > .field')).toHaveAttribute('data-hit', 'true')
})

test('a sequence far down a large set shows the hits of each of its stages', async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await page.getByLabel('Upload events').setInputFiles({ name: 'many.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(manyEvents(N)) })
  // each launchd event is followed by an mdworker: 10,000 sequences, the last ones far from the first page
  await setQuery(page, 'sequence by host.name\n  [process where process.name == "launchd"]\n  [process where process.pid >= 10000 and process.name == "mdworker"]')
  await expect(page.getByTestId('match-count')).toHaveText(/^10,000 sequences of 20,000 events/, { timeout: 20_000 })
  await highlightsOfLatestReport(page)
  await results(page).evaluate((el) => el.scrollTo(0, el.scrollHeight))
  const group = results(page).getByRole('group', { name: 'Sequence 10000' })
  await expect(group.locator('[data-stage="0"] [data-event-index="19998"]')).toBeVisible()
  await expect(group.locator('[data-stage="0"] .hit-chip').filter({ hasText: /^process\.name$/ })).toHaveCount(1)
  await expect(group.locator('[data-stage="0"] .hit-chip').filter({ hasText: /^process\.pid$/ })).toHaveCount(0)
  await expect(group.locator('[data-stage="1"] .hit-chip').filter({ hasText: /^process\.pid$/ })).toHaveCount(1)
  await expect(group.locator('[data-stage="1"] .hit-chip').filter({ hasText: /^process\.name$/ })).toHaveCount(1)
  await highlightsOfLatestReport(page)
})
