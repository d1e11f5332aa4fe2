import type { Page } from '@playwright/test'
import { EXAMPLES, type Example } from '../src/examples'
import { expect, runStatus, setQuery, test } from './fixtures'

/**
 * The examples library: a first visit opens the current Login/Logout Hook example with a guided
 * note per pane; dismissing the guide sticks across reloads; every example opens from the header
 * menu and gives the matches its labels expect; the document it replaced can be restored.
 * Expected counts come from the examples' own labels (src/examples), never written down here.
 */

const FIRST = 'login-logout-hook'

/**
 * A page load's first run: the worker loads the whole engine first, which on a busy machine (and
 * the dev server, which transforms it module by module) can take longer than a later run.
 */
const FIRST_RUN = { timeout: 30_000 }

const matchCount = (page: Page) => page.getByTestId('match-count')
const check = (page: Page) => page.getByTestId('lesson-check')
const menu = (page: Page) => page.getByRole('dialog', { name: 'Examples' })
const guideNotes = (page: Page) => page.getByRole('note', { name: /^Guide: / })
const queryText = (page: Page): Promise<string | undefined> => page.evaluate(() => window.__rp?.queryEditor?.getValue())

function example(id: string): Example {
  const ex = EXAMPLES.find((e) => e.id === id)
  if (!ex) throw new Error(`no example ${id}`)
  return ex
}

/** The menu shows titles with their `code` parts as code, so the accessible name has no backquotes. */
const titleText = (ex: Example): string => ex.title.replaceAll('`', '')

/**
 * The status line the labels call for: "5 matches of 13 events", or for a sequence query the
 * number of sequences (each labelled match event belongs to one sequence of as many events as
 * the query has stages).
 */
function expectedCount(ex: Example): RegExp {
  const matched = ex.events.filter((e) => e.expect === 'match').length
  const n = ex.events.length
  if (/^\s*sequence\b/.test(ex.query)) {
    const stages = ex.query.split('\n').filter((l) => /^\s*\[/.test(l)).length
    const k = matched / stages
    return new RegExp(`^${k} sequences? of ${n} events · `)
  }
  return new RegExp(`^${matched} match(es)? of ${n} events · `)
}

async function openExample(page: Page, ex: Example): Promise<void> {
  await page.getByRole('button', { name: 'Examples', exact: true }).click()
  await menu(page).getByRole('button', { name: titleText(ex) }).click()
  await expect(menu(page)).toHaveCount(0)
}

test.describe.configure({ timeout: 60_000 })

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', FIRST_RUN)
})

test('a first visit opens the Login/Logout Hook example with a guided note per pane and its expected matches', async ({ page }) => {
  const ex = example(FIRST)
  await expect(matchCount(page)).toHaveText(expectedCount(ex))
  await expect(check(page)).toHaveAttribute('data-check', 'pass')
  await expect(check(page)).toContainText(`${ex.events.length} of ${ex.events.length} outcomes as expected`)
  await expect(page.getByTestId('events-info')).toContainText(`${ex.events.length} events from example:${FIRST}`)
  // Monaco mounts after the first run: wait for the editor, then its text
  await expect.poll(() => queryText(page)).toBe(ex.query)

  const query = page.getByRole('region', { name: 'Query pane' })
  await expect(query.getByRole('note', { name: 'Guide: the rule' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Events pane' }).getByRole('note', { name: 'Guide: the events' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Results pane' }).getByRole('note', { name: 'Guide: the results' })).toBeVisible()

  // The document says what it teaches: its title, and its task when unfolded.
  const about = query.getByTestId('document-about')
  await expect(about).toContainText(titleText(ex))
  await about.locator('summary').click()
  await expect(about.getByTestId('document-task')).toHaveText((ex.notes ?? '').replaceAll('`', ''))
})

test('hiding the guide keeps it hidden after a reload; the Examples menu shows it again', async ({ page }) => {
  test.setTimeout(90_000) // two reloads, each with a first run
  await expect(guideNotes(page)).toHaveCount(3)
  // "Got it" hides one note at a time.
  await page.getByRole('note', { name: 'Guide: the events' }).getByRole('button', { name: 'Got it' }).click()
  await expect(guideNotes(page)).toHaveCount(2)
  await page.getByRole('note', { name: 'Guide: the rule' }).getByRole('button', { name: 'Hide guide' }).click()
  await expect(guideNotes(page)).toHaveCount(0)

  await page.reload()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', FIRST_RUN)
  await expect(matchCount(page)).toHaveText(expectedCount(example(FIRST)))
  await expect(page.getByTestId('document-about')).toBeVisible()
  await expect(guideNotes(page)).toHaveCount(0)

  await page.getByRole('button', { name: 'Examples', exact: true }).click()
  const guide = menu(page).getByRole('button', { name: 'Guide', exact: true })
  await expect(guide).toHaveAttribute('aria-pressed', 'false')
  await guide.click()
  await expect(guideNotes(page)).toHaveCount(3)
  await expect(guide).toHaveAttribute('aria-pressed', 'true')

  // Acknowledging every note one by one also ends the guide.
  await page.keyboard.press('Escape')
  await expect(menu(page)).toHaveCount(0)
  for (let left = 3; left > 0; left--) {
    await guideNotes(page).first().getByRole('button', { name: 'Got it' }).click()
    await expect(guideNotes(page)).toHaveCount(left - 1)
  }
  await page.reload()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', FIRST_RUN)
  await expect(guideNotes(page)).toHaveCount(0)
})

test('the menu lists every example with its language and severity', async ({ page }) => {
  await page.getByRole('button', { name: 'Examples', exact: true }).click()
  const items = menu(page).getByRole('listitem')
  await expect(items).toHaveCount(EXAMPLES.length)
  for (const [i, ex] of EXAMPLES.entries()) {
    const item = items.nth(i)
    await expect(item).toContainText(titleText(ex))
    await expect(item).toContainText(ex.language.toUpperCase())
    await expect(item).toContainText(ex.rule.severity)
  }
  await expect(menu(page).getByRole('button', { name: titleText(example(FIRST)) })).toHaveAttribute('aria-current', 'true')
})

for (const ex of EXAMPLES) {
  test(`opening ${ex.id} from the menu gives the matches its labels expect`, async ({ page }) => {
    await openExample(page, ex)
    await expect(page.getByTestId('events-info')).toContainText(`${ex.events.length} events from example:${ex.id}`)
    await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
    await expect(matchCount(page)).toHaveText(expectedCount(ex))
    await expect(check(page)).toContainText(`Check passed ✓ (${ex.events.length} of ${ex.events.length} outcomes as expected)`)
    await expect(page.getByRole('radio', { name: ex.language.toUpperCase(), exact: true })).toBeChecked()
    await expect(page.getByTestId('document-about')).toContainText(titleText(ex))
  })
}

test('Restore previous document brings back what an example replaced', async ({ page }) => {
  const mine = 'process where process.name == "defaults" and process.args == "WRITE"'
  await setQuery(page, mine)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(matchCount(page)).toHaveText(/^1 match of 13 events/)

  const kql = EXAMPLES.find((e) => e.language === 'kql')
  if (!kql) throw new Error('no KQL example')
  await openExample(page, kql)
  await expect(matchCount(page)).toHaveText(expectedCount(kql))
  await expect.poll(() => queryText(page)).toBe(kql.query)

  await page.getByRole('button', { name: 'Restore previous document' }).click()
  await expect.poll(() => queryText(page)).toBe(mine)
  await expect(page.getByRole('radio', { name: 'EQL', exact: true })).toBeChecked()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(matchCount(page)).toHaveText(/^1 match of 13 events/)
  await expect(page.getByTestId('document-about')).toContainText(titleText(example(FIRST)))
})
