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

/** Presses F6 (the region key) until the focus is in `region`: the way past the editors. */
async function f6To(page: Page, region: Locator): Promise<void> {
  for (let i = 0; i < 8; i++) {
    if (await region.evaluate((el) => el.contains(document.activeElement))) return
    await page.keyboard.press('F6')
  }
  await expectFocusInside(region)
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

/** Types the LoginHook-family query into the editor, by keyboard, over the preloaded events. */
async function typeDefaultsQuery(page: Page): Promise<void> {
  await setEvents(page, macosEvents)
  await tabTo(page, queryBox(page))
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('process where process.name == "defaults')
  await expect(announcement(page)).toHaveText('2 of 3 events match')
  // from here on Tab leaves the editors (Monaco's tab-focus mode) instead of indenting
  await page.keyboard.press('Control+m')
}

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
  const exclude = row.getByRole('button', { name: 'Exclude process.name defaults' })
  await tabTo(page, exclude)
  await page.keyboard.press('Enter')
  const popover = row.getByRole('dialog', { name: 'Exclude process.name' })
  await expect(popover.getByRole('radio', { name: 'Exact' })).toBeFocused()
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

test('the docked panels by keyboard: reference (search, insert), lessons, compare and rule take focus and give it back', async ({ page }) => {
  await ready(page)
  await typeDefaultsQuery(page)

  // Reference: focus lands in its search box; Insert puts the entry at the editor's cursor
  await tabTo(page, headerButton(page, 'Reference'), { back: true })
  await page.keyboard.press('Enter')
  const reference = page.getByRole('complementary', { name: 'Quick reference' })
  await expect(reference.getByRole('searchbox', { name: 'Search reference' })).toBeFocused()
  await page.keyboard.type('startsWith')
  await tabTo(page, reference.getByRole('article').first().getByRole('button', { name: 'Insert' }))
  await page.keyboard.press('Enter')
  await expect(queryBox(page)).toBeFocused()
  await expect.poll(() => queryText(page)).toContain('startsWith')
  await page.keyboard.press('Escape')
  await expect(reference).toHaveCount(0)
  await page.keyboard.press('ControlOrMeta+z')

  // Lessons, Compare and Rule: each opens with Enter, moves focus in, Escape returns to its button
  for (const [button, name] of [
    ['Lessons', 'Lessons'],
    ['Compare…', 'Compare versions'],
    ['Rule', 'Rule'],
  ] as const) {
    await tabTo(page, headerButton(page, button), { back: true })
    await page.keyboard.press('Enter')
    const panel = page.getByRole('complementary', { name, exact: true })
    await expectFocusInside(panel)
    await page.keyboard.press('Escape')
    await expect(panel).toHaveCount(0)
    await expect(headerButton(page, button)).toBeFocused()
  }

  // a lesson chosen by keyboard opens as the current lesson
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await expect(headerButton(page, 'Lessons')).toBeFocused()
  await page.keyboard.press('Enter')
  const lessons = page.getByRole('complementary', { name: 'Lessons', exact: true })
  await tabTo(page, lessons.getByRole('button', { name: /why == misses a lower-case loginhook/ }))
  await page.keyboard.press('Enter')
  await expect(lessons.getByRole('region', { name: 'Current lesson' })).toBeVisible()
})

test.describe('with the clipboard', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

  test('import, export and share by keyboard: focus moves in, stays in a modal, Escape returns it; New and Restore', async ({ page }) => {
    test.slow() // the share dialog's link code loads on first use
    await ready(page)

    // Import: modal, focus starts in it and Tab cycles inside it
    await tabTo(page, headerButton(page, 'Import rule'))
    await page.keyboard.press('Enter')
    const importDialog = page.getByRole('dialog', { name: /import/i })
    await expectFocusInside(importDialog)
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      await expectFocusInside(importDialog)
    }
    await page.keyboard.press('Escape')
    await expect(importDialog).toHaveCount(0)
    await expect(headerButton(page, 'Import rule')).toBeFocused()

    // Export
    await page.keyboard.press('Tab')
    await expect(headerButton(page, 'Export')).toBeFocused()
    await page.keyboard.press('Enter')
    const exportDialog = page.getByRole('dialog', { name: /export/i })
    await expectFocusInside(exportDialog)
    await page.keyboard.press('Shift+Tab')
    await expectFocusInside(exportDialog)
    await page.keyboard.press('Escape')
    await expect(exportDialog).toHaveCount(0)
    await expect(headerButton(page, 'Export')).toBeFocused()

    // Share: focus moves in once the dialog has loaded; Copy link by Enter says so
    await tabTo(page, headerButton(page, 'Share'))
    await page.keyboard.press('Enter')
    const share = page.getByRole('dialog', { name: 'Share' })
    await expect(share).toHaveAttribute('data-state', 'ready', FIRST_RUN)
    await expectFocusInside(share)
    await tabTo(page, share.getByRole('button', { name: 'Copy link' }))
    await page.keyboard.press('Enter')
    await expect(share.getByRole('status')).toHaveText('Link copied')
    await page.keyboard.press('Escape')
    await expect(share).toHaveCount(0)
    await expect(headerButton(page, 'Share')).toBeFocused()

    // New, then Restore brings the document back
    const before = await queryText(page)
    await tabTo(page, headerButton(page, 'New'), { back: true })
    await page.keyboard.press('Enter')
    await expect.poll(() => queryText(page)).toBe('')
    const restore = page.getByRole('button', { name: 'Restore previous document' })
    await tabTo(page, restore)
    await page.keyboard.press('Enter')
    await expect.poll(() => queryText(page)).toBe(before)
  })

  test('events by keyboard: typed into the events editor, picked with the file picker; splitter and exceptions', async ({ page }) => {
    await ready(page)
    await typeDefaultsQuery(page)

    // the events editor: select all and paste (the clipboard holds an event copied elsewhere)
    await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(macosEvents[0]))
    await tabTo(page, eventsBox(page))
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.press('ControlOrMeta+v')
    await expect(announcement(page)).toHaveText('Loaded 1 event. 1 of 1 event matches')

    // the file picker opens from the keyboard (Space on the focused file input)
    const picker = page.getByLabel('Upload events')
    await tabTo(page, picker)
    const chooser = page.waitForEvent('filechooser')
    await page.keyboard.press('Space')
    await (await chooser).setFiles({ name: 'two.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(macosEvents.slice(1).map((e) => JSON.stringify(e)).join('\n')) })
    await expect(announcement(page)).toHaveText('Loaded 2 events. 1 of 2 events matches')

    // the splitters move with the arrow keys
    const splitter = page.getByRole('separator', { name: 'Resize query and events panes' })
    await tabTo(page, splitter, { back: true })
    const size = Number(await splitter.getAttribute('aria-valuenow'))
    await page.keyboard.press('ArrowRight')
    await expect(splitter).toHaveAttribute('aria-valuenow', String(size + 5))
    await page.keyboard.press('ArrowLeft')
    await expect(splitter).toHaveAttribute('aria-valuenow', String(size))

    // the exceptions builder opens on its Name field and Escape gives focus back
    const add = page.getByRole('button', { name: 'Add exception' })
    await tabTo(page, add, { back: true })
    await page.keyboard.press('Enter')
    const form = page.getByRole('form', { name: 'New exception' })
    await expect(form.getByLabel('Name')).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(form).toHaveCount(0)
    await expect(add).toBeFocused()
  })
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

/** Focus is on a control, not dropped on the page's body (where Tab starts over from the top). */
async function expectFocusKept(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body)).toBe(true)
}

test('rule panel edit, a lesson, near misses and a sequence example by keyboard, focus never dropped', async ({ page }) => {
  await ready(page)
  // the rule panel: Edit opens the form in place, Cancel goes back, focus stays in the panel
  await tabTo(page, headerButton(page, 'Rule'))
  await page.keyboard.press('Enter')
  const rulePanel = page.getByRole('complementary', { name: 'Rule', exact: true })
  await tabTo(page, rulePanel.getByRole('button', { name: 'Edit', exact: true }))
  await page.keyboard.press('Enter')
  const form = rulePanel.getByRole('form', { name: 'Edit rule' })
  await expectFocusInside(form)
  await tabTo(page, form.getByRole('button', { name: 'Cancel' }))
  await page.keyboard.press('Enter')
  await expect(form).toHaveCount(0)
  await expectFocusInside(rulePanel)

  // a lesson: chosen with Enter, its hint with Enter; focus stays in the panel
  await page.keyboard.press('Escape')
  await tabTo(page, headerButton(page, 'Lessons'), { back: true })
  await page.keyboard.press('Enter')
  const lessons = page.getByRole('complementary', { name: 'Lessons', exact: true })
  await tabTo(page, lessons.getByRole('button', { name: /why == misses a lower-case loginhook/ }))
  await page.keyboard.press('Enter')
  const current = lessons.getByRole('region', { name: 'Current lesson' })
  await expect(current).toBeVisible()
  await expectFocusKept(page)
  await tabTo(page, current.getByRole('button', { name: 'Hint' }), { back: true })
  await page.keyboard.press('Enter')
  await expectFocusKept(page)
  await page.keyboard.press('Escape')
  await expect(lessons).toHaveCount(0)

  // near misses: the summary opens with Enter, an event's button reveals and selects it
  // (Tab would indent in the editors on the way: F6 goes past them to the results pane)
  const nearMisses = page.getByTestId('near-misses')
  await f6To(page, page.getByRole('region', { name: 'Results pane', exact: true }))
  await tabTo(page, nearMisses.locator('summary'))
  await page.keyboard.press('Enter')
  const miss = nearMisses.locator('button[data-near-miss]').first()
  await tabTo(page, miss)
  const index = await miss.getAttribute('data-near-miss')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('list', { name: 'Results' }).locator(`[data-event-index="${index}"]`).first()).toHaveAttribute('aria-current', 'true')
  await expectFocusKept(page)

  // a sequence example: its groups' events open with Enter as any event does
  const sequence = EXAMPLES.find((e) => /^\s*sequence\b/.test(e.query))!
  await f6To(page, header(page))
  await tabTo(page, headerButton(page, 'Examples'))
  await page.keyboard.press('Enter')
  const menu = page.getByRole('dialog', { name: 'Examples' })
  await tabTo(page, menu.getByRole('button', { name: sequence.title.replaceAll('`', '') }))
  await page.keyboard.press('Enter')
  await expect(announcement(page)).toHaveText(/sequences? match/)
  await f6To(page, page.getByRole('region', { name: 'Results pane', exact: true }))
  const stageEvent = page.getByRole('list', { name: 'Results' }).getByRole('button', { name: 'Fields' }).first()
  await tabTo(page, stageEvent)
  await page.keyboard.press('Enter')
  await expect(stageEvent).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByTestId('explain')).toBeVisible()
})
