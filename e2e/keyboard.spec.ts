import type { Locator, Page } from '@playwright/test'
import { EXAMPLES } from '../src/examples'
import { expect, queryText, runStatus, setEvents, test } from './fixtures'
import { announcement, expectFocusInside, f6To, headerButton, openExcludeByKeyboard, openReferenceByKeyboard, queryBox, ready, tabTo, typeDefaultsQuery } from './keyboard-helpers'
import { macosEvents } from './macos-events'

/**
 * Keyboard-only journeys (here the header, the query editor, the results and visible focus; the
 * panels, dialogs and events in keyboard-panels.spec.ts): every feature reached with Tab,
 * Shift+Tab and F6 and operated with Enter, Space, arrows and Escape — no clicks. The only hook used is the events preload where
 * typing them is not the point. Focus is asserted where it should land (into a panel that
 * opens, back on its opener when it closes), and the screen-reader announcement after runs.
 */

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

test('the results by keyboard: open an event, its fields, Why?, Exclude…, a mark, the baseline and the alerts', async ({ page }) => {
  await ready(page)
  await typeDefaultsQuery(page)
  const row = page.getByRole('list', { name: 'Results' }).locator('[data-event-index="0"]')

  // Enter on Fields opens the field tree and selects the event: Why? explains it
  const fields = row.getByRole('button', { name: 'Fields' })
  await tabTo(page, fields)
  await page.keyboard.press('Enter')
  await expect(fields).toHaveAttribute('aria-expanded', 'true')
  await expect(row.getByRole('tree')).toBeVisible()
  await expect(page.getByTestId('explain')).toHaveAttribute('data-status', 'ready')
  await expect(page.getByTestId('explain').getByRole('heading').first()).toContainText('Event #0')

  // Exclude…: the popover takes focus, Escape gives it back to the button
  const { exclude, popover } = await openExcludeByKeyboard(page, row)
  await page.keyboard.press('Escape')
  await expect(popover).toHaveCount(0)
  await expect(exclude).toBeFocused()

  // an expected outcome is marked with the arrow keys on its select
  const mark = row.getByLabel('Expected outcome of event #0')
  await tabTo(page, mark)
  await page.keyboard.press('ArrowDown')
  await expect(mark).toHaveValue('match')
  await expect(row).toHaveAttribute('data-expect-held', 'true')

  // Why? closes from its own button
  await tabTo(page, page.getByRole('button', { name: 'Close explanation' }))
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('explain')).toHaveCount(0)

  // pin the baseline, show only matches (Space on the checkbox), then the alerts view and back
  await tabTo(page, page.getByRole('button', { name: 'Pin baseline' }), { back: true })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Unpin' })).toBeVisible()
  await tabTo(page, page.getByLabel('Only matches'))
  await page.keyboard.press('Space')
  await expect(page.getByLabel('Only matches')).toBeChecked()
  const view = page.getByRole('group', { name: 'Results view' })
  await tabTo(page, view.getByRole('button', { name: 'Alerts', exact: true }), { back: true })
  await page.keyboard.press('Enter')
  await expect(view.getByRole('button', { name: 'Alerts', exact: true })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('alerts-summary')).toBeVisible()
  await page.keyboard.press('Shift+Tab')
  await expect(view.getByRole('button', { name: 'Events', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(view.getByRole('button', { name: 'Events', exact: true })).toHaveAttribute('aria-pressed', 'true')
})

test('Escape closes one layer at a time: the Exclude popover first, then the docked panel', async ({ page }) => {
  await ready(page)
  await typeDefaultsQuery(page)
  const reference = await openReferenceByKeyboard(page)

  const row = page.getByRole('list', { name: 'Results' }).locator('[data-event-index="0"]')
  // F6 from the panel to the results pane, then Tab to the event's fields
  await f6To(page, page.getByRole('region', { name: 'Results pane', exact: true }))
  const fields = row.getByRole('button', { name: 'Fields' })
  await tabTo(page, fields)
  await page.keyboard.press('Enter')
  const { exclude, popover } = await openExcludeByKeyboard(page, row)

  // the first Escape is the popover's: the panel behind it stays open
  await page.keyboard.press('Escape')
  await expect(popover).toHaveCount(0)
  await expect(exclude).toBeFocused()
  await expect(reference).toBeVisible()
  // the next one closes the panel
  await page.keyboard.press('Escape')
  await expect(reference).toHaveCount(0)
})

/** The focused element draws a visible ring: an outline (or a box shadow) that is not none. */
async function expectVisibleFocus(target: Locator, ring: Locator = target): Promise<void> {
  await expect(target).toBeFocused()
  const style = await ring.evaluate((el) => {
    const cs = getComputedStyle(el)
    return { outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth), shadow: cs.boxShadow }
  })
  expect(style.outline !== 'none' && style.width >= 2 || style.shadow !== 'none', `focus ring: ${JSON.stringify(style)}`).toBe(true)
}

for (const scheme of ['light', 'dark'] as const) {
  test(`focus is visible on every kind of control, ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await ready(page)
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme)
    // radio (the ring is on its label), button, editor, splitter, list row button, select, checkbox
    await page.keyboard.press('Tab')
    await expectVisibleFocus(page.getByRole('radio', { name: 'EQL', exact: true }), page.locator('.language-switch label').first())
    await page.keyboard.press('Tab')
    await expectVisibleFocus(headerButton(page, 'Rule settings'))
    await tabTo(page, queryBox(page))
    await expectVisibleFocus(queryBox(page), page.getByTestId('query-editor'))
    await page.keyboard.press('Control+m')
    const splitter = page.getByRole('separator').first()
    await tabTo(page, splitter)
    await expectVisibleFocus(splitter)
    const firstRow = page.getByRole('list', { name: 'Results' }).getByRole('listitem').first()
    await tabTo(page, firstRow.getByRole('button', { name: 'Fields' }))
    await expectVisibleFocus(firstRow.getByRole('button', { name: 'Fields' }))
    await page.keyboard.press('Tab')
    await expectVisibleFocus(firstRow.getByRole('combobox'))
    await tabTo(page, page.getByLabel('Only matches'), { back: true })
    await expectVisibleFocus(page.getByLabel('Only matches'))
  })
}
