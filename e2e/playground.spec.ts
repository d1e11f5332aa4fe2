import { benignRead, hookShell, loginHook, macosEvents, manyEvents } from './macos-events'
import { expect, matches, results, runStatus, setEvents, setQuery, test } from './fixtures'

/**
 * Journeys through the real page, store, worker and engine: what a detection engineer does when
 * testing a rule against sample events.
 */

const LOGIN_HOOK_RULE = 'process where process.name == "defaults" and process.args == "LoginHook"'

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  // The page starts with an example; its first run proves the worker answered at all.
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
})

test('an EQL rule matches the LoginHook event, through the engine worker', async ({ page }) => {
  await setEvents(page, macosEvents)
  await setQuery(page, LOGIN_HOOK_RULE)
  await expect(page.getByTestId('match-count')).toHaveText(/^1 match of 3 events · /)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(matches(page)).toHaveCount(1)
  const item = matches(page).first()
  await expect(item).toHaveAttribute('data-event-index', '0')
  await expect(item).toContainText('LoginHook')
  await expect(item).toContainText('process.name')
  // The run happened in a same-origin module worker, not on the page.
  expect(page.workers().map((w) => new URL(w.url()).origin)).toContain(new URL(page.url()).origin)

  // Widening the rule matches the benign read too; the list follows the latest edit.
  await setQuery(page, 'process where process.name == "defaults"')
  await expect(page.getByTestId('match-count')).toHaveText(/^2 matches/)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(matches(page)).toHaveCount(2)
  await expect(matches(page).nth(1)).toHaveAttribute('data-event-index', '1')
})

test('a syntax error shows a diagnostic with its position and no stale results', async ({ page }) => {
  await setEvents(page, macosEvents)
  await setQuery(page, LOGIN_HOOK_RULE)
  await expect(page.getByTestId('match-count')).toHaveText(/^1 match of 3 events · /)

  await setQuery(page, 'process where process.name ==')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'error')
  // the problems list under the query editor (its Monaco markers: e2e/editor.spec.ts)
  const diagnostics = page.getByRole('list', { name: 'Problems' }).getByRole('listitem')
  await expect(diagnostics.first()).toHaveAttribute('data-code', /^EQL1/)
  await expect(diagnostics.first()).toContainText(/^EQL1\d{3} 1:\d+ \S/)
  await expect(results(page)).toHaveCount(0)
  await expect(page.getByTestId('match-count')).toHaveCount(0)

  // Fixing the query brings results back and clears the diagnostic.
  await setQuery(page, LOGIN_HOOK_RULE)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(matches(page)).toHaveCount(1)
  await expect(page.getByRole('list', { name: 'Problems' })).toHaveCount(0)
})

test('a sequence is shown as a group with its join key', async ({ page }) => {
  await setEvents(page, [loginHook, benignRead, hookShell])
  await setQuery(page, 'sequence by host.name\n  [process where process.args == "LoginHook"]\n  [process where process.name == "sh"]')
  await expect(page.getByTestId('match-count')).toHaveText(/^1 sequence\b/)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const group = results(page).locator('[data-group-index="0"]')
  await expect(group).toContainText('join keys: host.name: "mbp-042"')
  await expect(group.locator('[data-match="true"]')).toHaveCount(2)
  await expect(group.locator('[data-match="true"]').nth(0)).toHaveAttribute('data-event-index', '0')
  await expect(group.locator('[data-match="true"]').nth(1)).toHaveAttribute('data-event-index', '2')
})

test('uploading an events file replaces the events; a bad line is reported and the rest kept', async ({ page }) => {
  await setQuery(page, 'process where process.name == "sh"')
  await page.getByLabel('Upload events').setInputFiles({
    name: 'mac.ndjson',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from([...macosEvents.map((e) => JSON.stringify(e)), '{"broken": '].join('\n')),
  })
  await expect(page.getByTestId('events-info')).toHaveText('3 events from mac.ndjson')
  await expect(page.getByRole('list', { name: 'Event problems' }).getByRole('listitem')).toHaveText([/^line 4: /])
  await expect(page.getByTestId('match-count')).toHaveText(/^1 match of 3 events · /)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(matches(page).first()).toHaveAttribute('data-event-index', '2')
})

test('the watchdog stops a run over the time limit, then the next edit works', async ({ page }) => {
  const N = 40_000
  await page.getByLabel('Upload events').setInputFiles({ name: 'many.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(manyEvents(N)) })
  await setQuery(page, 'process where process.name : "*zz*" or process.command_line : "*q*q*"')
  await expect(page.getByTestId('match-count')).toHaveText(/^0 matches of 40,000 events · /, { timeout: 20_000 })

  // A real run over 40k events takes tens of ms, never 2: the watchdog stops it.
  await page.getByLabel('Time limit (ms)').fill('2')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'error')
  // (the results' alert: Monaco adds role=alert live regions of its own for screen readers)
  await expect(page.getByTestId('results-error').getByRole('alert')).toContainText(/^The query ran longer than 2 ms and was stopped/)
  await expect(results(page)).toHaveCount(0)

  // Back to a sane limit: the restarted worker has the events again and answers.
  await page.getByLabel('Time limit (ms)').fill('10000')
  await setQuery(page, 'process where process.pid == 10007')
  await expect(page.getByTestId('match-count')).toHaveText(/^1 match of 40,000 events · /, { timeout: 20_000 })
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(matches(page).first()).toHaveAttribute('data-event-index', '7')
  await expect(page.getByTestId('results-error')).toHaveCount(0)
})
