import type { Locator, Page } from '@playwright/test'
import { LAUNCH_DAEMON_DEPRECATED } from '../src/examples/launch-daemon-deprecated'
import { expect, queryText, results, runStatus, setQuery, test } from './fixtures'

/**
 * Expected outcomes as tests, on the examples (every event of an example is marked "should match"
 * or "should not match"): breaking the query fails the check naming the events it broke, a click
 * on a failure selects its event and scrolls the list to it, and fixing the query passes again;
 * marks follow their events when the events text is edited; and in a sequence result the events
 * in no sequence are listed (collapsed), selectable and explained like any other.
 */

test.describe.configure({ timeout: 60_000 })

const check = (page: Page) => page.getByTestId('lesson-check')
const row = (page: Page, index: number) => results(page).locator(`[role="listitem"][data-event-index="${index}"]`)
const idle = (page: Page) => expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 })

/** `data-event-index` of every row matching `selector` (the example's list is small: all rendered). */
async function indexesOf(rows: Locator): Promise<number[]> {
  const all = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-event-index') ?? e.getAttribute('data-event'))))
  return all.sort((a, b) => a - b)
}

/**
 * Each row's mark, by event index ('' when the row is unmarked). The list is virtualized, so it is
 * scrolled through a screen at a time (each scroll waits two frames for the rows to render).
 */
async function marksByRow(page: Page): Promise<Record<number, string>> {
  return Object.fromEntries(await scrollThrough(page, '[role="listitem"][data-event-index]'))
}

/** [event index, mark] of every row matching `selector`, scrolling the whole list through. */
async function scrollThrough(page: Page, selector: string): Promise<Map<number, string>> {
  const list = results(page)
  const found = new Map<number, string>()
  for (let top = 0; ; ) {
    await list.evaluate(
      (el, t) =>
        new Promise((done) => {
          el.scrollTo({ top: t })
          requestAnimationFrame(() => requestAnimationFrame(done))
        }),
      top,
    )
    const pairs = await list
      .locator(selector)
      .evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-event-index')), e.getAttribute('data-expect') ?? ''] as const))
    for (const [i, m] of pairs) found.set(i, m)
    const { scrollHeight, clientHeight } = await list.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }))
    top += Math.max(1, clientHeight)
    if (top >= scrollHeight) break
  }
  return found
}

/** The event count the match count line states. */
async function eventCount(page: Page): Promise<number> {
  const m = /of ([\d,]+) events/.exec((await page.getByTestId('match-count').textContent()) ?? '')
  return Number(m?.[1]?.replaceAll(',', '') ?? NaN)
}

async function eventsText(page: Page): Promise<string> {
  await expect(page.getByLabel('Events', { exact: true })).toBeVisible()
  return page.evaluate(() => window.__rp?.eventsEditor?.getValue() ?? '')
}

async function setEventsText(page: Page, text: string): Promise<void> {
  const viaHook = await page.evaluate((t) => {
    const editor = window.__rp?.eventsEditor
    editor?.setValue(t)
    return editor !== undefined
  }, text)
  if (!viaHook) await page.getByLabel('Events', { exact: true }).fill(text)
}

test('breaking a marked outcome fails the check naming its events; a click shows the event; the fix passes', async ({ page }) => {
  await page.goto('/')
  await idle(page)
  await expect(check(page)).toHaveAttribute('data-check', 'pass')
  await expect(check(page)).toContainText('Check passed')

  // Drop the JAMF exclusion list from the query.
  const original = await queryText(page)
  const broken = original.replace(/\s+and\s+not\s+process\.args\s*:\s*\([^)]*\)\s*$/, '\n')
  expect(broken).not.toBe(original)
  await setQuery(page, broken)
  await idle(page)
  await expect(check(page)).toHaveAttribute('data-check', 'fail')

  // What must fail, read from the page: events marked "should not match" that the run now matches.
  const expected = await indexesOf(results(page).locator('[role="listitem"][data-match="true"][data-expect="no-match"]'))
  expect(expected.length).toBeGreaterThan(0)
  const failures = check(page).getByTestId('check-failure')
  expect(await indexesOf(failures)).toEqual(expected)
  for (const i of expected) await expect(check(page).locator(`[data-event="${i}"]`)).toHaveText(`#${i} ✗`)

  // Push the last failing row out of view (open the field trees above it, scroll to the top), then click its failure.
  const target = expected[expected.length - 1] ?? -1
  for (let i = 0; i < target; i++) await row(page, i).getByRole('button', { name: 'Fields' }).click()
  await results(page).evaluate((el) => el.scrollTo({ top: 0 }))
  await expect(row(page, 0)).toBeInViewport()
  await expect(row(page, target)).not.toBeInViewport()
  await check(page).locator(`[data-event="${target}"]`).click()
  await expect(row(page, target)).toHaveAttribute('aria-current', 'true')
  await expect(row(page, target)).toBeInViewport()

  await setQuery(page, original)
  await idle(page)
  await expect(check(page)).toHaveAttribute('data-check', 'pass')
  await expect(failures).toHaveCount(0)

  // Any outcome, on demand: each one shows its event too.
  await check(page).getByRole('button', { name: 'All outcomes' }).click()
  await expect(check(page).getByTestId('check-held')).toHaveCount(await results(page).locator('[role="listitem"][data-expect]').count())
  await check(page).locator('[data-event="0"]').click()
  await expect(row(page, 0)).toHaveAttribute('aria-current', 'true')
  await expect(row(page, 0)).toBeInViewport()
})

test('marks follow their events when an event is inserted above them, and a deleted one is kept until dropped', async ({ page }) => {
  await page.goto('/')
  await idle(page)
  await expect(check(page)).toHaveAttribute('data-check', 'pass')
  const count = page.getByTestId('match-count')
  const n = await eventCount(page)
  const before = await marksByRow(page)
  expect(Object.keys(before)).toHaveLength(n)

  // A new event at the top: every marked event moves down by one, and its mark with it.
  const text = await eventsText(page)
  const inserted = { '@timestamp': '2024-06-04T12:00:00.000Z', event: { category: ['process'], type: ['start'] }, host: { os: { type: 'macos' } }, process: { name: 'ls', args: ['ls'] } }
  await setEventsText(page, `${JSON.stringify(inserted)}\n${text}`)
  await expect(count).toContainText(`of ${n + 1} events`)
  await idle(page)
  await expect(check(page)).toHaveAttribute('data-check', 'pass')
  const after = await marksByRow(page)
  expect(Object.keys(after)).toHaveLength(n + 1)
  expect(after[0]).toBe('')
  for (let i = 0; i < n; i++) expect(after[i + 1], `mark of event #${i}, now #${i + 1}`).toBe(before[i])

  // Delete the (marked) last event: its mark is not moved to another event nor lost, but named.
  const lines = (await eventsText(page)).split('\n').filter((l) => l.trim() !== '')
  await setEventsText(page, lines.slice(0, -1).join('\n'))
  await expect(count).toContainText(`of ${n} events`)
  await idle(page)
  await expect(check(page)).toHaveAttribute('data-check', 'fail')
  const lost = check(page).getByTestId('check-lost')
  await expect(lost).toHaveCount(1)
  await expect(lost).toContainText(`the event expected ${before[n - 1] === 'match' ? 'to match' : 'not to match'} at #${n} was edited or deleted`)
  await lost.getByRole('button', { name: /^Drop the mark/ }).click()
  await expect(check(page)).toHaveAttribute('data-check', 'pass')

  // Edit a marked event in place: its mark is lost too, and the user can put it back on the edited event.
  const now = (await eventsText(page)).split('\n').filter((l) => l.trim() !== '')
  const edited = { ...(JSON.parse(now[1] ?? '{}') as object), labels: { reviewed: 'yes' } }
  await setEventsText(page, [now[0], JSON.stringify(edited), ...now.slice(2)].join('\n'))
  await idle(page)
  await expect(check(page)).toHaveAttribute('data-check', 'fail')
  await expect(lost).toHaveCount(1)
  await expect(row(page, 1)).not.toHaveAttribute('data-expect', /.*/)
  await lost.getByRole('button', { name: 'Mark #1 instead' }).click()
  await expect(check(page)).toHaveAttribute('data-check', 'pass')
  await expect(row(page, 1)).toHaveAttribute('data-expect', before[0] ?? 'missing')
})

test('sequence results list the events in no sequence, collapsed; one selected is explained', async ({ page }) => {
  await page.goto('/')
  await idle(page)
  await page.getByRole('button', { name: 'Examples', exact: true }).click()
  await page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: LAUNCH_DAEMON_DEPRECATED.title.replaceAll('`', '') }).click()
  await idle(page)
  await expect(check(page)).toHaveAttribute('data-check', 'pass')
  const total = LAUNCH_DAEMON_DEPRECATED.events.length
  await expect(page.getByTestId('match-count')).toContainText(`of ${total} events`)

  // The events in a sequence, then the head of the others: together, every event once.
  const grouped = new Set((await scrollThrough(page, '[role="group"] [data-event-index]')).keys())
  expect(grouped.size).toBeGreaterThan(0)
  // scrolled through: the head closes the list
  const toggle = page.getByTestId('outside-toggle')
  await expect(toggle).toHaveText(`▸ Not in any sequence (${total - grouped.size})`)
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const outside = results(page).locator('.results-sizer > [role="listitem"][data-event-index]')
  await expect(outside.first()).toBeVisible()
  const shown = [...(await scrollThrough(page, '.results-sizer > [role="listitem"][data-event-index]')).keys()].sort((a, b) => a - b)
  expect(shown).toHaveLength(total - grouped.size)
  for (const i of shown) expect(grouped.has(i), `#${i} is in a sequence`).toBe(false)

  // Such a row behaves like any other: marked, selectable, explained.
  const first = shown[shown.length - 1] ?? -1 // the list was left scrolled to its end
  const target = row(page, first)
  await expect(target).toHaveAttribute('data-expect', 'no-match')
  await expect(target).toHaveAttribute('data-expect-held', 'true')
  await target.locator('.event-index').click()
  await expect(target).toHaveAttribute('aria-current', 'true')
  const explain = page.getByTestId('explain')
  await expect(explain).toHaveAttribute('data-status', 'ready')
  await expect(explain).toContainText(`Event #${first}`)

  // Close the group, then break the sequences (a 1 ms maxspan): a failure's event now is in no
  // sequence, and clicking the failure opens the group and scrolls to it.
  await results(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  const original = await queryText(page)
  const broken = original.replace(/maxspan=1m\b/, 'maxspan=1ms')
  expect(broken).not.toBe(original)
  await setQuery(page, broken)
  await idle(page)
  await expect(check(page)).toHaveAttribute('data-check', 'fail')
  const failure = check(page).getByTestId('check-failure').last()
  const missed = Number(await failure.getAttribute('data-event'))
  await results(page).evaluate((el) => el.scrollTo({ top: 0 }))
  await failure.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const revealed = results(page).locator(`.results-sizer > [role="listitem"][data-event-index="${missed}"]`)
  await expect(revealed).toHaveAttribute('aria-current', 'true')
  await expect(revealed).toBeInViewport()
  await expect(revealed).toHaveAttribute('data-expect-held', 'false')

  await setQuery(page, original)
  await idle(page)
  await expect(check(page)).toHaveAttribute('data-check', 'pass')
})
