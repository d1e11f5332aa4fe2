import type { Page } from '@playwright/test'
import { buildSchema, compileEql, eqlSettings, explainEql, parseEventsText, runEql } from '../src/engine'
import { EXAMPLES, type Example } from '../src/examples'
import { expect, queryText, results, runStatus, setQuery, test } from './fixtures'

/**
 * "Compare two rule versions side by side": on the current Login/Logout Hook example, compare with
 * the v7 version and see the events they disagree on — the number computed here by running the
 * engine over the example's events, never written down — then choose one and see it selected in
 * the results with each side's reason. Then pin, edit, and open the comparison from the baseline
 * bar with the pin as B.
 */

/** A page load's first run loads the whole engine in the worker (slow on the dev server). */
const FIRST_RUN = { timeout: 30_000 }

const panel = (page: Page) => page.getByRole('complementary', { name: 'Compare versions' })
const summary = (page: Page) => page.getByTestId('compare-summary')

function example(id: string): Example {
  const ex = EXAMPLES.find((e) => e.id === id)
  if (!ex) throw new Error(`no example ${id}`)
  return ex
}

/** The example's events as the page loads them (NDJSON of each labelled event). */
const eventsOf = (ex: Example) => parseEventsText(ex.events.map((e) => JSON.stringify(e.event)).join('\n')).events

/** Event indexes an EQL event query matches, as the worker would run it over these events. */
function matched(query: string, events: readonly unknown[]): Set<number> {
  const { schema } = buildSchema({ ecs: true, events })
  const { program } = compileEql(query, { schema, settings: eqlSettings({}) })
  const result = program ? runEql(program, events).result : null
  if (result?.kind !== 'events') throw new Error('expected an event query')
  return new Set(result.events.map((e) => e.index))
}

/** The clause that decides `query` for `event`, as the explain module names it. */
function decidingText(query: string, event: unknown, events: readonly unknown[]): string {
  const { schema } = buildSchema({ ecs: true, events })
  const { explanation } = explainEql(query, event, { schema, settings: eqlSettings({}) })
  if (explanation?.kind !== 'event') throw new Error('expected an event query')
  return explanation.deciding.text
}

test('compare the current Login/Logout Hook with its v7 version: the events they disagree on, and why', async ({ page }) => {
  const current = example('login-logout-hook')
  const v7 = example('login-logout-hook-v7')
  const events = eventsOf(current)
  const inA = matched(current.query, events)
  const inB = matched(v7.query, events)
  const differ = events.flatMap((_, i) => (inA.has(i) === inB.has(i) ? [] : [i]))
  expect(differ.length).toBeGreaterThan(0)

  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', FIRST_RUN)
  expect(await queryText(page)).toBe(current.query)

  await page.getByRole('button', { name: 'Compare…' }).click()
  await expect(panel(page)).toBeVisible()
  await panel(page).getByLabel('Compare with').selectOption(`example:${v7.id}`)
  await expect(panel(page).getByTestId('compare-panel')).toHaveAttribute('data-compare-status', 'idle')
  await expect(panel(page).getByTestId('compare-count-a')).toHaveAttribute('data-count', String(inA.size))
  await expect(panel(page).getByTestId('compare-count-b')).toHaveAttribute('data-count', String(inB.size))
  await expect(summary(page)).toHaveText(`They disagree on ${differ.length} events.`)
  // both queries side by side
  await expect(panel(page).getByLabel('Query A')).toHaveText(current.query)
  await expect(panel(page).getByLabel('Query B')).toHaveText(v7.query)

  const entries = panel(page).getByRole('list', { name: 'Events the versions disagree on' }).getByRole('button')
  await expect(entries).toHaveCount(differ.length)
  await expect(entries.first()).toHaveAttribute('data-compare-index', String(differ[0]))

  // choose the first disagreement: its row is selected in the results, and the entry says why
  const i = differ[0] ?? -1
  const event = events[i]
  const [yes, no, noQuery] = inA.has(i) ? (['a', 'b', v7.query] as const) : (['b', 'a', current.query] as const)
  const entry = entries.first()
  await entry.click()
  await expect(entry).toHaveAttribute('aria-current', 'true')
  await expect(results(page).locator(`[role="listitem"][data-event-index="${i}"]`)).toHaveAttribute('aria-current', 'true')
  await expect(entry.locator(`[data-side="${yes}"]`)).toContainText(`${yes.toUpperCase()}: match`)
  await expect(entry.locator(`[data-side="${no}"]`)).toContainText(`${no.toUpperCase()}: no match`)
  await expect(entry.locator(`[data-side="${no}"]`)).toContainText(decidingText(noQuery, event, events))

  // Escape closes the panel, as for the other docked panels
  await page.keyboard.press('Escape')
  await expect(panel(page)).toHaveCount(0)
})

test('pin the query, edit it, and compare side by side with the pin as B', async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', FIRST_RUN)
  const pinned = await queryText(page)
  await page.getByRole('button', { name: 'Pin baseline' }).click()

  const clause = 'process.args : ("LoginHook", "LogoutHook")'
  expect(pinned).toContain(clause)
  const edited = pinned.replace(clause, 'process.args in ("LoginHook", "LogoutHook")')
  await setQuery(page, edited)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const flips = page.getByTestId('baseline-flips')
  // the edit's run has finished once the line counts lost matches (it says "waiting" with no counts while running)
  await expect(flips).toHaveAttribute('data-lost', /^[1-9]\d*$/)
  const lost = Number(await flips.getAttribute('data-lost'))
  const gained = Number(await flips.getAttribute('data-gained'))

  // the header's Compare… also starts from the pin when nothing else was chosen
  await page.getByRole('button', { name: 'Compare…' }).click()
  await expect(panel(page).getByRole('heading', { name: /^B · Pinned baseline/ })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(panel(page)).toHaveCount(0)

  await page.getByRole('button', { name: 'Compare side by side' }).click()
  await expect(panel(page)).toBeVisible()
  await expect(panel(page).getByRole('heading', { name: /^B · Pinned baseline/ })).toBeVisible()
  await expect(panel(page).getByLabel('Query B')).toHaveText(pinned)
  await expect(panel(page).getByLabel('Query A')).toHaveText(edited)
  await expect(panel(page).getByTestId('compare-panel')).toHaveAttribute('data-compare-status', 'idle')
  // the comparison agrees with the baseline line: every flipped event is a disagreement
  await expect(summary(page)).toHaveAttribute('data-disagreements', String(lost + gained))
  await expect(panel(page).locator('[data-matched-by="b"]')).toHaveCount(lost)

  // Swap: the pin becomes the query in the editor (an ordinary edit: undo brings the edit back)
  await panel(page).getByRole('button', { name: 'Swap' }).click()
  await expect.poll(() => queryText(page)).toBe(pinned)
  await expect(panel(page).getByLabel('Query B')).toHaveText(edited)
  await expect(panel(page).getByTestId('compare-panel')).toHaveAttribute('data-compare-status', 'idle')
  await expect(summary(page)).toHaveAttribute('data-disagreements', String(lost + gained))
  await expect(panel(page).locator('[data-matched-by="a"]')).toHaveCount(lost)
  await page.getByLabel('Rule query', { exact: true }).focus()
  await page.keyboard.press('ControlOrMeta+Z')
  await expect.poll(() => queryText(page)).toBe(edited)
})
