import { FIRST_VISIT_EXAMPLE } from '../src/examples/first-visit'
import { expect, runStatus, test } from './fixtures'

/** The page's frame: panes side by side or stacked, resizable, themed, and its shortcuts. */

test('wide screens put the three panes side by side, and their sizes survive a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(page.locator('main.workspace')).toHaveAttribute('data-layout', 'wide')
  const query = page.getByRole('region', { name: 'Query pane', exact: true })
  const events = page.getByRole('region', { name: 'Events pane', exact: true })
  const before = await query.boundingBox()
  const eventsBox = await events.boundingBox()
  expect(before && eventsBox && eventsBox.x > before.x + before.width - 1).toBe(true)

  // Drag the first separator 200 px to the right: the query pane grows.
  const separator = page.getByRole('separator').first()
  const s = await separator.boundingBox()
  if (!s || !before) throw new Error('no layout boxes')
  await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2)
  await page.mouse.down()
  await page.mouse.move(s.x + s.width / 2 + 200, s.y + s.height / 2, { steps: 5 })
  await page.mouse.up()
  await expect.poll(async () => (await query.boundingBox())?.width ?? 0).toBeGreaterThan(before.width + 150)
  const dragged = (await query.boundingBox())?.width ?? 0

  await page.reload()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect.poll(async () => Math.round((await query.boundingBox())?.width ?? 0)).toBe(Math.round(dragged))
})

test('a narrow screen stacks the panes', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 900 })
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(page.locator('main.workspace')).toHaveAttribute('data-layout', 'stacked')
  const boxes = await Promise.all(['Query pane', 'Events pane', 'Results pane'].map((name) => page.getByRole('region', { name, exact: true }).boundingBox()))
  const [q, e, r] = boxes
  if (!q || !e || !r) throw new Error('a pane is missing')
  expect(e.y).toBeGreaterThanOrEqual(q.y + q.height - 1)
  expect(r.y).toBeGreaterThanOrEqual(e.y + e.height - 1)
  expect(q.width).toBeGreaterThan(550)
})

test('the theme follows the system colour scheme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/')
  const html = page.locator('html')
  await expect(html).toHaveAttribute('data-theme', 'light')
  const lightBg = await page.locator('.app').evaluate((el) => getComputedStyle(el).backgroundColor)
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(html).toHaveAttribute('data-theme', 'dark')
  await expect.poll(() => page.locator('.app').evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(lightBg)
})

test('the header: language switch re-runs, settings close on Escape, Share is there', async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(page.getByRole('button', { name: 'Share' })).toBeEnabled()

  // The example is EQL; as KQL it does not parse, and the error replaces the results.
  await page.getByRole('radio', { name: 'KQL' }).check()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'error')
  await page.getByRole('radio', { name: 'EQL' }).check()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')

  await page.getByRole('button', { name: 'Rule settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rule settings' })
  await expect(dialog.getByLabel('Timestamp field')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Rule settings' })).toHaveAttribute('aria-expanded', 'false')
})

test('Ctrl+Enter runs at once and Ctrl+S opens no save dialog', async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const prevented = await page.evaluate(() => {
    const e = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true })
    document.body.dispatchEvent(e)
    return e.defaultPrevented
  })
  expect(prevented).toBe(true)
  // In the query editor Ctrl+Enter runs instead of inserting a line (Monaco's own binding).
  await page.getByRole('textbox', { name: 'Rule query', exact: true }).focus()
  const before = await page.evaluate(() => window.__rp?.queryEditor?.getValue() ?? null)
  expect(before).toContain('process where')
  await page.keyboard.press('Control+Enter')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  // the first-visit example: as many matches as its events labelled match
  const expected = FIRST_VISIT_EXAMPLE.events.filter((e) => e.expect === 'match').length
  await expect(page.getByTestId('match-count')).toHaveText(new RegExp(`^${expected} match`))
  expect(await page.evaluate(() => window.__rp?.queryEditor?.getValue() ?? null)).toBe(before)
})
