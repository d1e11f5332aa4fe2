import type { Locator, Page } from '@playwright/test'
import { expect, runStatus, setEvents } from './fixtures'
import { macosEvents } from './macos-events'

/**
 * Helpers of the keyboard-only journeys (keyboard.spec.ts, keyboard-panels.spec.ts): moving the
 * focus with Tab and F6 only, and asserting where it is.
 */

export const FIRST_RUN = { timeout: 30_000 }
export const announcement = (page: Page) => page.getByTestId('run-announcement')
export const queryBox = (page: Page) => page.getByRole('textbox', { name: 'Rule query', exact: true })
export const eventsBox = (page: Page) => page.getByRole('textbox', { name: 'Events', exact: true })
export const header = (page: Page) => page.getByRole('banner')
export const headerButton = (page: Page, name: string) => header(page).getByRole('button', { name, exact: true })

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}): Promise<void> {
  await expect(target).toBeVisible()
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  await expect(target, `not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`).toBeFocused()
}

/** Presses F6 (the region key) until the focus is in `region`: the way past the editors. */
export async function f6To(page: Page, region: Locator): Promise<void> {
  for (let i = 0; i < 8; i++) {
    if (await region.evaluate((el) => el.contains(document.activeElement))) return
    await page.keyboard.press('F6')
  }
  await expectFocusInside(region)
}

/** The element that has the focus is inside `container`. */
export async function expectFocusInside(container: Locator): Promise<void> {
  await expect.poll(() => container.evaluate((el) => el.contains(document.activeElement) && el !== document.activeElement)).toBe(true)
}

/** The page's first run (and Monaco) is there: journeys start from the first-visit example. */
export async function ready(page: Page): Promise<void> {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', FIRST_RUN)
  await expect(queryBox(page)).toBeVisible(FIRST_RUN)
}

/** Types the LoginHook-family query into the editor, by keyboard, over the preloaded events. */
export async function typeDefaultsQuery(page: Page): Promise<void> {
  await setEvents(page, macosEvents)
  await tabTo(page, queryBox(page))
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('process where process.name == "defaults')
  await expect(announcement(page)).toHaveText('2 of 3 events match')
  // from here on Tab leaves the editors (Monaco's tab-focus mode) instead of indenting
  await page.keyboard.press('Control+m')
}

/** Focus is on a control, not dropped on the page's body (where Tab starts over from the top). */
export async function expectFocusKept(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body)).toBe(true)
}

/** Opens the quick reference from its header button by keyboard; focus lands in its search box. */
export async function openReferenceByKeyboard(page: Page): Promise<Locator> {
  await tabTo(page, headerButton(page, 'Reference'), { back: true })
  await page.keyboard.press('Enter')
  const reference = page.getByRole('complementary', { name: 'Quick reference' })
  await expect(reference.getByRole('searchbox', { name: 'Search reference' })).toBeFocused()
  return reference
}

/** Opens Exclude… for `process.name defaults` in `row` by keyboard; focus lands in its popover. */
export async function openExcludeByKeyboard(page: Page, row: Locator): Promise<{ exclude: Locator; popover: Locator }> {
  const exclude = row.getByRole('button', { name: 'Exclude process.name defaults' })
  await tabTo(page, exclude)
  await page.keyboard.press('Enter')
  const popover = row.getByRole('dialog', { name: 'Exclude process.name' })
  await expect(popover.getByRole('radio', { name: 'Exact' })).toBeFocused()
  return { exclude, popover }
}
