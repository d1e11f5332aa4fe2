import type { Page } from '@playwright/test'
import { expect, results, runStatus, setEvents, setQuery, test } from './fixtures'

/**
 * Lessons as a learner and a teacher use them: open a lesson, see its check fail and the broken
 * outcomes marked on the rows, fix the query until the check passes, go on to the next lesson;
 * and mark an event's expected outcome in a plain document to see the check appear.
 */

const panel = (page: Page) => page.getByRole('complementary', { name: 'Lessons' })
const check = (page: Page) => page.getByTestId('lesson-check')
const row = (page: Page, index: number) => results(page).locator(`[data-event-index="${index}"]`)

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
})

test('a lesson fails with its starting query and passes once the query is fixed', async ({ page }) => {
  await page.getByRole('button', { name: 'Lessons', exact: true }).click()
  await panel(page).getByRole('button', { name: /why == misses a lower-case loginhook/ }).click()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')

  // `==` misses the lower-case and upper-case hook names: two of thirteen outcomes are broken.
  await expect(check(page)).toHaveAttribute('data-check', 'fail')
  await expect(check(page)).toContainText('11 of 13 outcomes as expected')
  const current = panel(page).getByRole('region', { name: 'Current lesson' })
  await expect(current.getByTestId('lesson-panel-check')).toHaveAttribute('data-check', 'fail')
  await expect(current.getByRole('list', { name: 'Outcomes not as expected' }).getByRole('listitem')).toHaveCount(2)

  // The rows say what was expected and whether it held.
  await expect(row(page, 2)).toHaveAttribute('data-expect', 'match')
  await expect(row(page, 2)).toHaveAttribute('data-expect-held', 'false')
  await expect(row(page, 2).getByTestId('expect-mark')).toHaveText('expect match ✗')
  await expect(row(page, 0)).toHaveAttribute('data-expect-held', 'true')
  await expect(row(page, 5)).toHaveAttribute('data-expect', 'no-match')
  await expect(row(page, 5).getByTestId('expect-mark')).toHaveAttribute('title', /JAMF/)

  // The hint and the solution stay hidden until asked for.
  await expect(current.getByLabel('Solution')).toHaveCount(0)
  await current.getByRole('button', { name: 'Hint' }).click()
  await expect(current).toContainText('ignoring case')
  await current.getByRole('button', { name: 'Show a solution' }).click()
  const solution = await current.getByLabel('Solution').textContent()
  expect(solution).toContain('process.args : ("LoginHook", "LogoutHook")')

  await setQuery(page, solution ?? '')
  await expect(check(page)).toHaveAttribute('data-check', 'pass')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(check(page)).toContainText('Check passed ✓')
  await expect(row(page, 2)).toHaveAttribute('data-expect-held', 'true')
  await expect(results(page).locator('[data-expect-held="false"]')).toHaveCount(0)

  // On to the next lesson, which opens with its own failing check.
  await current.getByRole('button', { name: 'Next lesson' }).click()
  await expect(current.getByRole('heading', { name: /argument split at a space/ })).toBeVisible()
  await expect(check(page)).toHaveAttribute('data-check', 'fail')
  // What the learner was editing before stays restorable.
  await expect(page.getByRole('button', { name: 'Restore previous document' })).toBeVisible()
})

test('marking an event as expected no-match in a plain document shows the check', async ({ page }) => {
  await page.getByRole('button', { name: 'New', exact: true }).click()
  const event = (args: string[]) => ({ '@timestamp': '2026-11-02T09:14:03.120Z', event: { category: ['process'], type: ['start'] }, process: { name: 'defaults', args } })
  await setEvents(page, [event(['defaults', 'write', 'LoginHook']), event(['defaults', 'read', 'autohide'])])
  await setQuery(page, 'process where process.args == "LoginHook"')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(page.getByTestId('match-count')).toHaveText(/^1 match of 2 events/)
  await expect(check(page)).toHaveCount(0)

  await row(page, 1).getByLabel('Expected outcome of event #1').selectOption('no-match')
  await expect(check(page)).toHaveAttribute('data-check', 'pass')
  await expect(row(page, 1)).toHaveAttribute('data-expect', 'no-match')
  await expect(row(page, 1)).toHaveAttribute('data-expect-held', 'true')

  // A wrong expectation breaks the check, and names the event.
  await row(page, 0).getByLabel('Expected outcome of event #0').selectOption('no-match')
  await expect(check(page)).toHaveAttribute('data-check', 'fail')
  await expect(check(page)).toContainText('1 of 2 outcomes as expected')
  await expect(row(page, 0)).toHaveAttribute('data-expect-held', 'false')

  // The teacher names the lesson and writes its task in the lessons panel.
  await page.getByRole('button', { name: 'Lessons', exact: true }).click()
  const write = panel(page).getByRole('region', { name: 'Write your own' })
  await write.getByLabel('Title').fill('My lesson')
  await write.getByLabel('Task').fill('Make only the hook write match.')
  await write.getByText('Expected outcomes and their notes (2)').click()
  await write.getByLabel('Note for event #0').fill('the hook write')
  await expect(panel(page).getByRole('region', { name: 'This document' }).getByRole('heading', { name: 'My lesson' })).toBeVisible()
  await expect(row(page, 0).getByTestId('expect-mark')).toHaveAttribute('title', /the hook write/)
})
