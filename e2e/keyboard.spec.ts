import type { Locator, Page } from '@playwright/test'
import { EXAMPLES } from '../src/examples'
import { expect, queryText, runStatus, setEvents, test } from './fixtures'
import { macosEvents } from './macos-events'

/**
 * Keyboard-only journeys: every feature reached with Tab / Shift+Tab / F6 and operated with
 * Enter, Space, arrows and Escape — no clicks. The only hook used is the events preload where
 * typing them is not the point. Focus is asserted where it should land (into a panel that
 * opens, back on its opener when it closes), and the screen-reader announcement after runs.
 */

const FIRST_RUN = { timeout: 30_000 }
const announcement = (page: Page) => page.getByTestId('run-announcement')
const queryBox = (page: Page) => page.getByRole('textbox', { name: 'Rule query', exact: true })
const eventsBox = (page: Page) => page.getByRole('textbox', { name: 'Events', exact: true })
const header = (page: Page) => page.getByRole('banner')
const headerButton = (page: Page, name: string) => header(page).getByRole('button', { name, exact: true })

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}): Promise<void> {
  await expect(target).toBeVisible()
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  await expect(target, `not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`).toBeFocused()
}

/** The element that has the focus is inside `container`. */
async function expectFocusInside(container: Locator): Promise<void> {
  await expect.poll(() => container.evaluate((el) => el.contains(document.activeElement) && el !== document.activeElement)).toBe(true)
}

/** The page's first run (and Monaco) is there: journeys start from the first-visit example. */
async function ready(page: Page): Promise<void> {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', FIRST_RUN)
  await expect(queryBox(page)).toBeVisible(FIRST_RUN)
}

test.describe.configure({ timeout: 90_000 })

test('the header by keyboard: language by arrows, settings and examples open, take focus and give it back', async ({ page }) => {
  await ready(page)
  // The first Tab stop is the language switch: arrows move between its radios.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('radio', { name: 'EQL', exact: true })).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('radio', { name: 'KQL', exact: true })).toBeChecked()
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('radio', { name: 'EQL', exact: true })).toBeChecked()

  // Rule settings: Enter opens, focus moves in, Escape closes and focus is back on the button.
  await tabTo(page, headerButton(page, 'Rule settings'))
  await page.keyboard.press('Enter')
  const settings = page.getByRole('dialog', { name: 'Rule settings' })
  await expectFocusInside(settings)
  await page.keyboard.press('Escape')
  await expect(settings).toHaveCount(0)
  await expect(headerButton(page, 'Rule settings')).toBeFocused()

  // Examples: open, Tab to an example, Enter opens it; the menu closes and focus returns.
  const example = EXAMPLES.find((e) => e.language === 'kql') ?? EXAMPLES[1]!
  await tabTo(page, headerButton(page, 'Examples'))
  await page.keyboard.press('Enter')
  const menu = page.getByRole('dialog', { name: 'Examples' })
  await expectFocusInside(menu)
  await tabTo(page, menu.getByRole('button', { name: example.title.replaceAll('`', '') }))
  await page.keyboard.press('Enter')
  await expect(menu).toHaveCount(0)
  await expect(headerButton(page, 'Examples')).toBeFocused()
  await expect.poll(() => queryText(page)).toBe(example.query)
  await expect(page.getByRole('radio', { name: example.language.toUpperCase(), exact: true })).toBeChecked()
  // the screen reader hears the new event set and the outcome over it, once settled
  await expect(announcement(page)).toHaveText(new RegExp(`^Loaded ${example.events.length} events?\\. .*match`))
})

test('the query editor by keyboard: type, run, hear the outcome and the error, and leave the editor', async ({ page }) => {
  await ready(page)
  await setEvents(page, macosEvents) // the events are not the point here
  await expect(announcement(page)).toHaveText(/^Loaded 3 events\. .*of 3 events/)
  await tabTo(page, queryBox(page))
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('process where process.name == "defaults')
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect.poll(() => queryText(page)).toBe('process where process.name == "defaults"')
  await expect(announcement(page)).toHaveText('2 of 3 events match')

  // an error is said once the typing settles, with its message
  await page.keyboard.press('End')
  await page.keyboard.type(' and')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'error')
  await expect(announcement(page)).toHaveText(/^Query error: \S/)
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace')
  await expect(announcement(page)).toHaveText('2 of 3 events match')

  // Tab inside the editor indents (it is a code editor)...
  const before = await queryText(page)
  await page.keyboard.press('Tab')
  await expect(queryBox(page)).toBeFocused()
  await expect.poll(() => queryText(page)).not.toBe(before)
  await page.keyboard.press('ControlOrMeta+z')
  await expect.poll(() => queryText(page)).toBe(before)
  // ...and the editor says how to leave it
  await expect(queryBox(page)).toHaveAccessibleDescription(/Ctrl\+M makes Tab move focus · F6 next pane/)

  // F6 goes to the next region (the events pane), Shift+F6 comes back
  await page.keyboard.press('F6')
  await expectFocusInside(page.getByRole('region', { name: 'Events pane', exact: true }))
  await page.keyboard.press('Shift+F6')
  await expectFocusInside(page.getByRole('region', { name: 'Query pane', exact: true }))
  await tabTo(page, queryBox(page))

  // Monaco's Ctrl+M: Tab now moves focus out of the editor instead of indenting
  await page.keyboard.press('Control+m')
  await page.keyboard.press('Tab')
  await expect(queryBox(page)).not.toBeFocused()
  expect(await queryText(page)).toBe(before)
})
