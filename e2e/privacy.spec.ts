import type { Page } from '@playwright/test'
import { FIRST_VISIT_EXAMPLE } from '../src/examples/first-visit'
import { manyEvents } from './macos-events'
import { expect, queryText, runStatus, setQuery, test } from './fixtures'
import { savedDocumentText, storedData } from './stored-data'

/**
 * Privacy & storage (issue 9: pasted logs are sensitive): the page says what it keeps where, one
 * control clears everything it stored, and autosave can be turned off and on again. Each test
 * starts in a fresh browser context, so storage starts empty.
 */

const KEEP_WORK_KEY = 'rule-playground:keep-work'

async function openPrivacy(page: Page) {
  await page.getByRole('button', { name: 'Privacy' }).click()
  const dialog = page.getByRole('dialog', { name: 'Privacy & storage' })
  await expect(dialog).toBeVisible()
  return dialog
}

/** The first visit: the example's query with the guided notes showing. */
async function expectFirstVisit(page: Page): Promise<void> {
  await expect(page.getByTestId('guide-query')).toBeVisible()
  await expect.poll(() => queryText(page)).toBe(FIRST_VISIT_EXAMPLE.query)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
}

test.beforeEach(async ({ page }) => {
  test.setTimeout(60_000) // several reloads each, on a shared 2-core machine
  await page.goto('/')
  // the dev server's first load compiles the app: far slower than any later one
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 })
})

test('the dialog says what the page keeps where, and that links carry their data', async ({ page }) => {
  const dialog = await openPrivacy(page)
  const where = dialog.getByRole('region', { name: 'What this page keeps, and where' })
  await expect(where).toContainText('Nothing is sent anywhere.')
  await expect(where).toContainText("This browser's local storage")
  await expect(where).toContainText("This browser's IndexedDB (database rule-playground): large events")
  await expect(where).toContainText('anyone who has it can read it')
  await expect(dialog.getByRole('checkbox', { name: 'Keep my work in this browser' })).toBeChecked()
  // The destructive step asks first, with the keyboard on the safe choice; cancelling changes nothing.
  await dialog.getByRole('button', { name: 'Clear everything stored…' }).click()
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('group', { name: 'Confirm clearing' })).toHaveCount(0)
  await expect(dialog.getByRole('button', { name: 'Clear everything stored…' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)

  // What the dialog says holds: after an edit is saved, the page's storage has our keys and nothing else.
  await setQuery(page, 'process where true')
  await expect.poll(() => savedDocumentText(page)).toContain('process where true')
  const elsewhere = await page.evaluate(async () => ({
    otherKeys: Object.keys(localStorage).filter((k) => !k.startsWith('rule-playground:')),
    session: sessionStorage.length,
    cookies: document.cookie,
    caches: await caches.keys(),
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }))
  expect(elsewhere).toEqual({ otherKeys: [], session: 0, cookies: '', caches: [], workers: 0 })
})

test('Clear everything stored removes every key and the IndexedDB database; the page comes back as on a first visit', async ({ page }) => {
  test.setTimeout(90_000) // a 1.3 MB file streams in first, on a shared 2-core machine
  // A streamed file (over 1 MiB) is kept in IndexedDB; the query in localStorage.
  await page.getByLabel('Upload events').setInputFiles({ name: 'secret.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(manyEvents(6_000)) })
  await expect(page.getByTestId('events-info')).toHaveText('6,000 events from secret.ndjson', { timeout: 20_000 })
  await setQuery(page, 'process where user.name == "secret-analyst"')
  await expect.poll(() => savedDocumentText(page)).toContain('secret-analyst')
  await expect.poll(async () => Object.keys((await storedData(page)).blobs)).toHaveLength(1)

  const dialog = await openPrivacy(page)
  await dialog.getByRole('button', { name: 'Clear everything stored…' }).click()
  const confirm = dialog.getByRole('group', { name: 'Confirm clearing' })
  await expect(confirm).toContainText('the document on the page goes too')
  // What the next page finds before its own code runs: exactly what clearing left.
  await page.addInitScript(() => {
    const w = window as unknown as { __atStart?: Promise<{ keys: string[]; databases: string[] }> }
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('rule-playground:'))
    w.__atStart = indexedDB.databases().then((dbs) => ({ keys, databases: dbs.map((d) => d.name ?? '') }))
  })
  const reloaded = page.waitForEvent('load')
  await confirm.getByRole('button', { name: 'Clear everything', exact: true }).click()
  await reloaded
  expect(await page.evaluate(() => (window as unknown as { __atStart: Promise<unknown> }).__atStart)).toEqual({ keys: [], databases: [] })
  await expectFirstVisit(page)
  // The first visit saves its example again (not the old data); the database is not made again.
  const after = await storedData(page)
  expect(after).toMatchObject({ databases: [], blobs: {} })
  expect(JSON.stringify(after)).not.toContain('secret')
  await expect(page.getByTestId('events-info')).not.toContainText('secret.ndjson')

  // And a reload after that still has nothing of the old document (the example, saved by the first visit).
  await page.reload()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  expect(await queryText(page)).toBe(FIRST_VISIT_EXAMPLE.query)
  expect(JSON.stringify(await storedData(page))).not.toContain('secret')
})

test('Keep my work off: what was stored goes, edits are not kept across a reload; on again saves at once', async ({ page }) => {
  await setQuery(page, 'process where user.name == "kept-before"')
  await expect.poll(() => savedDocumentText(page)).toContain('kept-before')

  let dialog = await openPrivacy(page)
  const keep = dialog.getByRole('checkbox', { name: 'Keep my work in this browser' })
  await keep.uncheck()
  await expect(dialog.getByTestId('keep-work-state')).toHaveText(/^Off: nothing of your work is stored/)
  await expect.poll(() => storedData(page)).toEqual({ keys: { [KEEP_WORK_KEY]: 'off' }, databases: [], blobs: {} })
  await page.keyboard.press('Escape')

  await setQuery(page, 'process where user.name == "typed-while-off"')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await page.reload() // page-hide would save, were autosave on
  await expectFirstVisit(page)
  expect(await storedData(page)).toEqual({ keys: { [KEEP_WORK_KEY]: 'off' }, databases: [], blobs: {} })

  // The choice survives the reload; turning it back on saves the page's document at once.
  dialog = await openPrivacy(page)
  await expect(keep).not.toBeChecked()
  await keep.check()
  await expect.poll(async () => Object.keys((await storedData(page)).keys).sort()).toEqual(['rule-playground:document', 'rule-playground:layouts'].sort())
  await page.keyboard.press('Escape')
  await setQuery(page, 'process where user.name == "saved-again"')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await page.reload()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  expect(await queryText(page)).toBe('process where user.name == "saved-again"')
})

test('autosave turned off in one tab stops in the other tabs of the page too', async ({ page, context }) => {
  test.setTimeout(90_000) // two pages load
  const other = await context.newPage()
  await other.goto('/')
  await expect(runStatus(other)).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 })

  // (a background tab gets no animation frames, which Playwright's actions wait for: each tab comes to the front)
  await page.bringToFront()
  const dialog = await openPrivacy(page)
  await dialog.getByRole('checkbox', { name: 'Keep my work in this browser' }).uncheck()
  await expect.poll(() => storedData(page)).toEqual({ keys: { [KEEP_WORK_KEY]: 'off' }, databases: [], blobs: {} })

  // The other tab's edit and its page-hide flush write nothing back.
  await other.bringToFront()
  await setQuery(other, 'process where user.name == "other-tab"')
  await expect(runStatus(other)).toHaveAttribute('data-run-status', 'idle')
  await other.close({ runBeforeUnload: true })
  expect(await storedData(page)).toEqual({ keys: { [KEEP_WORK_KEY]: 'off' }, databases: [], blobs: {} })
})
