import type { Locator, Page } from '@playwright/test'
import { LAUNCH_DAEMON_DEPRECATED as LAUNCH } from '../src/examples/launch-daemon-deprecated'
import { expect, queryText, results, runStatus, test } from './fixtures'

/**
 * Kibana-style exception items on the first-visit Login/Logout Hook example (5 of its 13 events
 * match): an item made from a matched event's value takes that event out without touching the
 * query; editing it to "is not" flips which events it takes; removing it brings them back; an item
 * built by hand, keyboard only, with a wildcard; and a value AND-ed into an existing item narrows it.
 */

test.describe.configure({ timeout: 90_000 })

const SCRIPT = '/private/var/tmp/.x.sh' // only event 1 (the LogoutHook on another Mac) has it
const NAME = `process.args: ${SCRIPT}` // the default name of an item made from that value

const section = (page: Page) => page.getByTestId('exceptions')
const count = (page: Page) => page.getByTestId('match-count')
const row = (page: Page, i: number) => results(page).locator(`[data-event-index="${i}"]`)

async function firstVisit(page: Page): Promise<void> {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 })
  await expect(count(page)).toHaveText(/^5 matches of 13 events/)
  await expect(section(page).getByRole('heading', { name: 'Exceptions (0)' })).toBeVisible()
}

/** Opens the Exclude… popover of one value of a matched event's fields. */
async function excludePopover(page: Page, event: number, field: string, value: string): Promise<Locator> {
  const r = row(page, event)
  await expect(r).toHaveAttribute('data-match', 'true')
  await r.getByRole('button', { name: 'Fields' }).click()
  await expect(r.getByRole('tree')).toBeVisible()
  // the tree opens on the matched fields: open the branches above any other field
  const parts = field.split('.')
  for (let i = 1; i < parts.length; i++) {
    const expand = r.getByRole('button', { name: `Expand ${parts.slice(0, i).join('.')}`, exact: true })
    if (await expand.isVisible()) await expand.click()
  }
  await r.getByRole('button', { name: `Exclude ${field} ${value}` }).click()
  return r.getByRole('dialog', { name: `Exclude ${field}` })
}

test('an exception from a matched value takes that event out; editing and removing it flip events back', async ({ page }) => {
  await firstVisit(page)
  const before = await queryText(page)

  const dialog = await excludePopover(page, 1, 'process.args', SCRIPT)
  await dialog.getByRole('button', { name: `Add as exception: process.args is ${SCRIPT}` }).click()

  await expect(count(page)).toHaveText(/^4 matches of 13 events/)
  await expect(section(page).getByRole('heading', { name: 'Exceptions (1)' })).toBeVisible()
  const item = section(page).getByTestId('exception-item')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText(NAME)
  await expect(item).toContainText(`process.args is "${SCRIPT}"`)
  await expect(item.getByTestId('exception-count')).toHaveText('excepts 1 event')
  // the row says why it no longer matches; the query itself is untouched
  await expect(row(page, 1)).toHaveAttribute('data-match-state', 'excluded-by-exception')
  await expect(row(page, 1)).toContainText(`excluded by exception ${NAME}`)
  await expect(row(page, 0)).toHaveAttribute('data-match-state', 'matched')
  expect(await queryText(page)).toBe(before)

  // "is not": now every other match lacks that value, and event 1 is back
  await section(page).getByRole('button', { name: `Edit exception ${NAME}` }).click()
  const form = section(page).getByRole('form', { name: `Edit exception ${NAME}` })
  const entry = form.getByRole('group', { name: 'Entry 1' })
  await expect(entry.getByLabel('Field')).toHaveValue('process.args')
  await expect(entry.getByLabel('Value')).toHaveValue(SCRIPT)
  await entry.getByLabel('Operator').selectOption('is not')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form).toHaveCount(0)

  await expect(count(page)).toHaveText(/^1 match of 13 events/)
  await expect(item).toContainText(`process.args is not "${SCRIPT}"`)
  await expect(item.getByTestId('exception-count')).toHaveText('excepts 4 events')
  await expect(row(page, 1)).toHaveAttribute('data-match-state', 'matched')
  for (const i of [0, 2, 3, 4]) await expect(row(page, i)).toHaveAttribute('data-match-state', 'excluded-by-exception')

  await section(page).getByRole('button', { name: `Remove exception ${NAME}` }).click()
  await expect(count(page)).toHaveText(/^5 matches of 13 events/)
  await expect(section(page).getByRole('heading', { name: 'Exceptions (0)' })).toBeVisible()
  await expect(section(page).getByTestId('exception-item')).toHaveCount(0)
  for (const i of [0, 1, 2, 3, 4]) await expect(row(page, i)).toHaveAttribute('data-match-state', 'matched')
})

test('an item built with the keyboard alone: a wildcard entry, then a value AND-ed into it narrows it', async ({ page }) => {
  await firstVisit(page)
  const add = section(page).getByRole('button', { name: 'Add exception' })

  // Escape cancels and gives focus back
  await add.focus()
  await page.keyboard.press('Enter')
  const form = section(page).getByRole('form', { name: 'New exception' })
  await expect(form.getByLabel('Name')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(form).toHaveCount(0)
  await expect(add).toBeFocused()

  await page.keyboard.press('Enter')
  await expect(form.getByLabel('Name')).toBeFocused()
  await page.keyboard.type('Shared updater')
  // saving without a field says so at the field, and goes there
  await page.keyboard.press('Enter')
  const entry = form.getByRole('group', { name: 'Entry 1' })
  const field = entry.getByLabel('Field')
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription('Enter a field.')
  await expect(entry.getByLabel('Value')).toHaveAccessibleDescription('Enter a value.')
  await expect(field).toBeFocused()
  // the field offers the loaded events' field names (the query editor's completion list)
  await expect(form.locator('datalist option[value="process.args"]')).toHaveCount(1)
  await page.keyboard.type('process.args')
  await expect(field).not.toHaveAttribute('aria-invalid')
  await page.keyboard.press('Tab')
  await expect(entry.getByLabel('Operator')).toBeFocused()
  await page.keyboard.type('matches') // a closed select picks the option its typed text starts
  await expect(entry.getByLabel('Operator')).toHaveValue('matches')
  await page.keyboard.press('Tab')
  await expect(entry.getByLabel('Value')).toBeFocused()
  await page.keyboard.type('/Users/Shared/*')
  await page.keyboard.press('Enter')
  await expect(form).toHaveCount(0)

  // events 0, 2 and 3 run /Users/Shared/.updater.sh
  await expect(count(page)).toHaveText(/^2 matches of 13 events/)
  const item = section(page).getByTestId('exception-item')
  await expect(item).toContainText('process.args matches "/Users/Shared/*"')
  await expect(item.getByTestId('exception-count')).toHaveText('excepts 3 events')
  for (const i of [0, 2, 3]) await expect(row(page, i)).toHaveAttribute('data-match-state', 'excluded-by-exception')

  // AND the JAMF parent of event 4 into it: no /Users/Shared event has that parent, so it excepts none
  const dialog = await excludePopover(page, 4, 'process.parent.name', 'jamf')
  await dialog.getByRole('button', { name: 'Add to exception Shared updater' }).click()
  await expect(item).toContainText('AND process.parent.name is "jamf"')
  await expect(count(page)).toHaveText(/^5 matches of 13 events/)
  await expect(item.getByTestId('exception-count')).toHaveText('excepts no event')

  // a value the field's type refuses: the problem shows at that entry of the item
  await section(page).getByRole('button', { name: 'Edit exception Shared updater' }).click()
  const edit = section(page).getByRole('form', { name: 'Edit exception Shared updater' })
  await expect(edit.getByRole('group', { name: 'Entry 2' }).getByLabel('Field')).toHaveValue('process.parent.name')
  await edit.getByRole('button', { name: 'AND: add an entry' }).click()
  const third = edit.getByRole('group', { name: 'Entry 3' })
  await expect(third.getByLabel('Field')).toBeFocused()
  await third.getByLabel('Field').fill('process.pid')
  await third.getByLabel('Value').fill('not-a-number')
  await edit.getByRole('button', { name: 'Save' }).click()
  const entries = item.getByRole('list', { name: 'Entries of Shared updater' }).locator(':scope > li')
  await expect(entries).toHaveCount(3)
  await expect(entries.nth(2)).toContainText('process.pid is "not-a-number"')
  await expect(entries.nth(2).locator('[data-code="EXC002"]')).toHaveAttribute('data-severity', 'error')
  await expect(entries.nth(0).locator('[data-code]')).toHaveCount(0)
  // Elasticsearch would refuse the whole search: no result, so nothing to count
  await expect(item.getByTestId('exception-count')).toHaveText('not counted: the run has no result')

  await section(page).getByRole('button', { name: 'Remove exception Shared updater' }).click()
  await expect(section(page).getByRole('heading', { name: 'Exceptions (0)' })).toBeVisible()
  await expect(section(page).getByRole('button', { name: 'Add exception' })).toBeFocused()
  await expect(count(page)).toHaveText(/^5 matches of 13 events/)
})

test('in a sequence, an excepted event is never seen: its sequence is lost with it', async ({ page }) => {
  await firstVisit(page)
  await page.getByRole('button', { name: 'Examples', exact: true }).click()
  await page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: LAUNCH.title }).click()
  // from the example's own labels: two events per sequence
  const n = LAUNCH.events.length
  const sequences = LAUNCH.events.filter((e) => e.expect === 'match').length / 2
  await expect(count(page)).toHaveText(new RegExp(`^${sequences} sequences of ${n} events`))
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')

  // the plist write that starts the first sequence (the load 12 s later completes it)
  const PLIST = '/Library/LaunchDaemons/com.apple.sysupdate.helper.plist'
  const dialog = await excludePopover(page, 0, 'file.path', PLIST)
  await dialog.getByRole('button', { name: `Add as exception: file.path is ${PLIST}` }).click()

  await expect(count(page)).toHaveText(new RegExp(`^${sequences - 1} sequences of ${n} events`))
  const item = section(page).getByTestId('exception-item')
  await expect(item.getByTestId('exception-count')).toHaveText('excepts 1 event')
  await expect(section(page).getByTestId('exceptions-lost')).toHaveText('1 more event lost its sequence: another event of it was excepted.')
})
