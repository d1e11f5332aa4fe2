import { benignRead, hookShell, loginHook, macosEvents, manyEvents } from './macos-events'
import { expect, matches, results, runStatus, setEvents, setQuery, test } from './fixtures'
import type { Page } from '@playwright/test'

/**
 * The results panel as an analyst uses it: matches highlighted among dimmed misses, the
 * only-matches switch, a matched event opened into its field tree, sequences as groups, the
 * timeline, and errors shown instead of results.
 */

const LOGIN_HOOK_RULE = 'process where process.name == "defaults" and process.args == "LoginHook"'
const rows = (page: Page) => results(page).getByRole('listitem')

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
})

test('a match is highlighted and the events it did not match are dimmed', async ({ page }) => {
  await setEvents(page, macosEvents)
  await setQuery(page, LOGIN_HOOK_RULE)
  await expect(page.getByTestId('match-count')).toHaveText(/^1 match of 3 events · \d/)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(rows(page)).toHaveCount(3)
  await expect(rows(page).nth(0)).toHaveAttribute('data-match', 'true')
  await expect(rows(page).nth(0)).toContainText('process.args')
  await expect(rows(page).nth(1)).toHaveAttribute('data-match', 'false')
  await expect(rows(page).nth(1)).toHaveAttribute('data-event-index', '1')
  // A miss is not in the run report: its row is filled from the worker's event window.
  await expect(rows(page).nth(1)).toContainText('"pid":4230')
  // Dimmed, not hidden: the miss is still there to compare against, in the muted text colour
  // (not faded by opacity, which failed the contrast check: e2e/axe.ts).
  const color = (i: number) => rows(page).nth(i).evaluate((el) => getComputedStyle(el).color)
  await expect(rows(page).nth(1)).toHaveClass(/\bis-dimmed\b/)
  expect(await color(1)).not.toBe(await color(0))
})

test('"Only matches" hides the events that did not match, and brings them back', async ({ page }) => {
  await setEvents(page, macosEvents)
  await setQuery(page, 'process where process.name == "sh"')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(rows(page)).toHaveCount(3)
  await page.getByRole('checkbox', { name: 'Only matches' }).check()
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page).first()).toHaveAttribute('data-event-index', '2')
  await expect(rows(page).first()).toHaveAttribute('data-match', 'true')
  await page.getByRole('checkbox', { name: 'Only matches' }).uncheck()
  await expect(rows(page)).toHaveCount(3)
})

test('expanding a matched event shows its field tree with the matched field highlighted and linked to its clause', async ({ page }) => {
  await setEvents(page, macosEvents)
  await setQuery(page, LOGIN_HOOK_RULE)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const row = matches(page).first()
  await row.getByRole('button', { name: 'Fields' }).click()
  const tree = row.getByRole('tree', { name: 'Fields of event 0' })
  await expect(tree).toBeVisible()
  const name = tree.locator('[data-field="process.name"] > .field')
  await expect(name).toHaveAttribute('data-hit', 'true')
  await expect(name).toContainText('"defaults"')
  await expect(tree.locator('[data-field="process.pid"] > .field')).not.toHaveAttribute('data-hit', 'true')
  // Array elements keep their field's path, as Elasticsearch flattens arrays.
  await expect(tree.locator('[data-field="process.args"] > ul > [data-field="process.args"] > .field').nth(3)).toHaveAttribute('data-hit', 'true')

  // Hovering the field links it to its clause (the store's hovered span), so the same field lights
  // up as linked while the other matched field (another clause) does not.
  await name.hover()
  await expect(name).toHaveAttribute('data-linked', 'true')
  await expect(tree.locator('[data-field="process.args"] > .field').first()).toHaveAttribute('data-hit', 'true')
  await expect(tree.locator('[data-field="process.args"] > .field').first()).not.toHaveAttribute('data-linked', 'true')
  await page.getByTestId('match-count').hover()
  await expect(name).not.toHaveAttribute('data-linked', 'true')
})

test('a sequence shows its join key, the stages in order with their timestamps, and the maxspan used', async ({ page }) => {
  await setEvents(page, [loginHook, benignRead, hookShell])
  await setQuery(page, 'sequence by host.name with maxspan=1m\n  [process where process.args == "LoginHook"]\n  [process where process.name == "sh"]')
  await expect(page.getByTestId('match-count')).toHaveText(/^1 sequence of 3 events/)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const group = results(page).getByRole('group', { name: 'Sequence 1' })
  await expect(group.getByTestId('join-keys')).toHaveText('join keys: host.name: "mbp-042"')
  await expect(group.getByTestId('stage-timestamp')).toHaveText(['2026-11-02T09:14:03.120Z', '2026-11-02T09:14:09.500Z'])
  await expect(group.locator('.stage-offset')).toHaveText(['+0 ms', '+6.4 s'])
  await expect(group.getByTestId('sequence-window')).toHaveText('6.4 s of 1 m used')
  await expect(group.locator('[data-match="true"]')).toHaveCount(2)
  await expect(group.locator('[data-match="true"]').nth(1)).toHaveAttribute('data-event-index', '2')
})

test('a missing-event stage is a placeholder with its reason, and until is explained', async ({ page }) => {
  await setEvents(page, [loginHook, benignRead, hookShell])
  await setQuery(
    page,
    'sequence by host.name with maxspan=1m\n  [process where process.args == "LoginHook"]\n  ![process where process.name == "zsh"]\n  [process where process.name == "sh"]\nuntil [process where process.name == "kill"]',
  )
  await expect(page.getByTestId('match-count')).toHaveText(/^1 sequence of 3 events/)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const group = results(page).getByRole('group', { name: 'Sequence 1' })
  await expect(group.locator('[data-stage]')).toHaveCount(3)
  await expect(group.locator('[data-stage="1"]')).toHaveAttribute('data-missing', 'true')
  await expect(group.locator('[data-stage="1"]')).toContainText('no matching event within the window')
  await expect(group.locator('[data-match="true"]')).toHaveCount(2)
  await expect(group).toContainText(/until: an event matching the until stage/)
})

test('an error replaces the results instead of standing next to stale ones', async ({ page }) => {
  await setEvents(page, macosEvents)
  await setQuery(page, LOGIN_HOOK_RULE)
  await expect(matches(page)).toHaveCount(1)
  await setQuery(page, 'process where process.name ==')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'error')
  await expect(page.getByTestId('results-error')).toContainText(/does not parse/)
  await expect(results(page)).toHaveCount(0)
  await expect(page.getByTestId('match-count')).toHaveCount(0)
  await setQuery(page, LOGIN_HOOK_RULE)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(page.getByTestId('results-error')).toHaveCount(0)
  await expect(matches(page)).toHaveCount(1)
})

test('a search Elasticsearch would refuse replaces the results with its error', async ({ page }) => {
  await setEvents(page, macosEvents)
  await setQuery(page, LOGIN_HOOK_RULE)
  await expect(matches(page)).toHaveCount(1)
  await setQuery(page, 'process where process.pid == "abc"')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'error')
  const error = page.getByTestId('results-error')
  await expect(error).toHaveAttribute('data-code', 'EQL2015')
  await expect(error).toContainText('Elasticsearch would reject this search (1 error)')
  await expect(error).toContainText(/1:30 EQL2015 Cannot compare field \[process\.pid\] of type \[long\]/)
  await expect(results(page)).toHaveCount(0)
  await expect(page.getByTestId('match-count')).toHaveCount(0)
})

test('20,000 events: only the rows in view are rendered, and scrolling reaches the last one', async ({ page }) => {
  const N = 20_000
  await page.getByLabel('Upload events').setInputFiles({ name: 'many.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(manyEvents(N)) })
  await setQuery(page, 'process where process.pid == 29999')
  await expect(page.getByTestId('match-count')).toHaveText(/^1 match of 20,000 events/, { timeout: 20_000 })
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const count = await rows(page).count()
  expect(count).toBeGreaterThan(0)
  expect(count).toBeLessThan(100)
  await results(page).evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(results(page).locator(`[data-event-index="${N - 1}"]`)).toHaveAttribute('data-match', 'true')
  await expect(results(page).locator(`[data-event-index="${N - 2}"]`)).toContainText(`"pid":${10_000 + N - 2}`)
  expect(await rows(page).count()).toBeLessThan(100)
})

test('the timeline strip shows events over time with the matched ones marked, and a tooltip per bucket', async ({ page }) => {
  await setEvents(page, macosEvents)
  await setQuery(page, LOGIN_HOOK_RULE)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const timeline = page.getByTestId('timeline')
  await expect(timeline.getByRole('img')).toHaveAccessibleName(/^Timeline by @timestamp: 3 events over time in \d+ buckets, 1 matched$/)
  await expect(timeline.locator('.timeline-matched')).toHaveCount(1)
  await timeline.getByTestId('timeline-bucket').first().hover()
  await expect(page.getByTestId('timeline-tooltip')).toHaveText(/^2026-11-02 09:14:03\.120 – 09:14:03\.\d+: 1 event, 1 match$/)
  await timeline.getByTestId('timeline-bucket').last().hover()
  await expect(page.getByTestId('timeline-tooltip')).toHaveText(/: 1 event, 0 matches$/)
})
