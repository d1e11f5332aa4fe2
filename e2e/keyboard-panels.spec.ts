import type { Page } from '@playwright/test'
import { EXAMPLES } from '../src/examples'
import { expect, queryText, test } from './fixtures'
import { FIRST_RUN, announcement, eventsBox, expectFocusInside, expectFocusKept, f6To, header, headerButton, openReferenceByKeyboard, queryBox, ready, tabTo, typeDefaultsQuery } from './keyboard-helpers'
import { macosEvents } from './macos-events'

/**
 * Keyboard-only journeys through the docked panels, the dialogs, the events and the rule panel
 * (helpers and rules: keyboard-helpers.ts, keyboard.spec.ts). No clicks; events are preloaded
 * through the hook where typing them is not the point.
 */
test.describe.configure({ timeout: 90_000 })

test('the docked panels by keyboard: reference (search, insert), lessons, compare and rule take focus and give it back', async ({ page }) => {
  await ready(page)
  await typeDefaultsQuery(page)

  // Reference: focus lands in its search box; Insert puts the entry at the editor's cursor
  const reference = await openReferenceByKeyboard(page)
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
