import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { manyEvents } from './macos-events'
import { expect, queryText, runStatus, setEvents, setQuery, test } from './fixtures'
import { savedDocumentText, storedData } from './stored-data'

/**
 * No data loss (issue 9): autosave survives a reload in the middle of a run, a worker stopped by
 * the watchdog, and a full storage quota (reported, with a copy to download that opens again);
 * large event sets are kept in IndexedDB, not in localStorage. Each test starts in a fresh
 * browser context, so storage starts empty.
 */

const matchCount = (page: Page) => page.getByTestId('match-count')
const eventsInfo = (page: Page) => page.getByTestId('events-info')

/** Loads `n` generated events as a streamed file (over 1 MiB: the page keeps it whole in IndexedDB). */
async function uploadMany(page: Page, n: number): Promise<string> {
  const text = manyEvents(n)
  await page.getByLabel('Upload events').setInputFiles({ name: 'many.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(text) })
  await expect(eventsInfo(page)).toHaveText(`${n.toLocaleString('en-US')} events from many.ndjson`, { timeout: 20_000 })
  return text
}

test.beforeEach(async ({ page }) => {
  test.setTimeout(90_000) // files of megabytes stream in, and slow runs, on a shared 2-core machine
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 })
})

/** A query that runs for hundreds of milliseconds over 12,000 events: 200 distinct wildcard scans of every command line. */
const SLOW_QUERY = `process where ${Array.from({ length: 200 }, (_, i) => `process.command_line : "*${i}*q*${i}*z*"`).join(' or ')}`

test('a reload while a run is in flight restores the document, the edit typed just before included', async ({ page }) => {
  await uploadMany(page, 12_000)
  await page.getByLabel('Time limit (ms)').fill('60000') // the slow run must not be stopped by the watchdog
  await setQuery(page, SLOW_QUERY)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'running')

  // While the slow run is in flight, an edit and at once a reload (one task of the page): the
  // edit's run waits behind the slow one and the debounced save has not run, so only the
  // page-hide flush can keep the edit.
  const edited = 'process where process.name : "*work*" and process.pid > 10003'
  await page
    .evaluate((q) => {
      window.__rp?.queryEditor?.setValue(q)
      location.reload()
    }, edited)
    .catch((e: unknown) => {
      // the reload may tear the evaluation down before it answers: the expected end of it
      if (!/context was destroyed|navigat/i.test(String(e))) throw e
    })

  await expect(eventsInfo(page)).toHaveText('12,000 events from many.ndjson', { timeout: 20_000 })
  await expect.poll(() => queryText(page)).toBe(edited)
  await expect(matchCount(page)).toHaveText(/^5,998 matches of 12,000 events/, { timeout: 20_000 })
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
})

test('a run stopped by the watchdog (worker restarted) keeps the query and events on the page and in storage', async ({ page }) => {
  const text = await uploadMany(page, 12_000)
  const query = 'process where process.name : "*zz*" or process.command_line : "*q*q*"'
  await setQuery(page, query)
  await expect(matchCount(page)).toHaveText(/^0 matches of 12,000 events/, { timeout: 20_000 })

  await page.getByLabel('Time limit (ms)').fill('1')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'error')
  await expect(page.getByTestId('results-error').getByRole('alert')).toContainText(/^The query ran longer than 1 ms and was stopped/)

  // On the page: nothing lost.
  expect(await queryText(page)).toBe(query)
  await expect(eventsInfo(page)).toHaveText('12,000 events from many.ndjson')
  // In storage: the document and the file, whole.
  await expect.poll(() => savedDocumentText(page)).toContain('*q*q*')
  const stored = await storedData(page)
  expect(Object.entries(stored.blobs)).toEqual([[expect.stringMatching(/^events-file:/), Buffer.byteLength(text)]])

  // A reload restores both (the time limit is the page's, back to its default).
  await page.reload()
  await expect(eventsInfo(page)).toHaveText('12,000 events from many.ndjson', { timeout: 20_000 })
  expect(await queryText(page)).toBe(query)
  await expect(matchCount(page)).toHaveText(/^0 matches of 12,000 events/, { timeout: 20_000 })
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
})

test.describe('a full storage quota', () => {
  test.beforeEach(async ({ page }) => {
    // Every write of ours fails as a full quota does, in localStorage and in IndexedDB.
    await page.addInitScript(() => {
      const full = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      const setItem = Storage.prototype.setItem
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('rule-playground:')) throw full()
        setItem.call(this, key, value)
      }
      IDBObjectStore.prototype.put = function () {
        throw full()
      }
    })
    await page.reload()
    await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  })

  test('is reported with a copy to download, which opens again as the same document', async ({ page }) => {
    const events = [{ '@timestamp': '2026-11-02T09:14:03Z', event: { category: 'process' }, process: { name: 'defaults', args: ['write', 'LoginHook'] } }, { '@timestamp': '2026-11-02T09:14:05Z', event: { category: 'process' }, process: { name: 'sh' } }]
    await setEvents(page, events)
    await setQuery(page, 'process where process.args == "LoginHook"')
    await expect(matchCount(page)).toHaveText(/^1 match of 2 events/)

    const banner = page.getByTestId('storage-problem')
    await expect(banner).toContainText("this browser's storage for the page is full")
    const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Download a copy' }).click()])
    expect(download.suggestedFilename()).toMatch(/\.rule-playground\.json$/)
    const path = await download.path()
    const copy = JSON.parse(await readFile(path, 'utf8')) as { format: string; document: { query: string; language: string; events: { where: string; text: string } } }
    expect(copy.format).toBe('rule-playground-document')
    expect(copy.document).toMatchObject({ query: 'process where process.args == "LoginHook"', language: 'eql', events: { where: 'inline' } })
    expect(copy.document.events.text.split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(events)

    // Start afresh, then open the copy: the same document and matches.
    await page.getByRole('button', { name: 'New', exact: true }).click()
    await expect.poll(() => queryText(page)).toBe('')
    await page.getByRole('button', { name: 'Privacy' }).click()
    await page.getByRole('dialog', { name: 'Privacy & storage' }).getByLabel('Open a copy…').setInputFiles(path)
    await expect(page.getByRole('dialog', { name: 'Privacy & storage' })).toHaveCount(0)
    await expect.poll(() => queryText(page)).toBe('process where process.args == "LoginHook"')
    await expect(matchCount(page)).toHaveText(/^1 match of 2 events/)
  })

  test('a file that is not a copy is refused with a message, and the document stays', async ({ page }) => {
    await setQuery(page, 'process where true')
    await page.getByRole('button', { name: 'Privacy' }).click()
    const dialog = page.getByRole('dialog', { name: 'Privacy & storage' })
    await dialog.getByLabel('Open a copy…').setInputFiles({ name: 'events.json', mimeType: 'application/json', buffer: Buffer.from('{"process":{"name":"sh"}}') })
    await expect(dialog.getByRole('alert')).toHaveText(/^This file is not a copy downloaded from Rule Playground/)
    expect(await queryText(page)).toBe('process where true')
  })
})

test('events over the inline limit are kept in IndexedDB, not in localStorage', async ({ page }) => {
  const text = manyEvents(5_500) // over INLINE_EVENTS_LIMIT (1,000,000 characters), typed as text
  expect(text.length).toBeGreaterThan(1_000_000)
  await setEvents(page, text.split('\n').map((line) => JSON.parse(line) as object)) // the same NDJSON again
  await expect(eventsInfo(page)).toHaveText(/^5,500 events/, { timeout: 20_000 })
  await setQuery(page, 'process where process.pid == 10007')
  await expect(matchCount(page)).toHaveText(/^1 match of 5,500 events/, { timeout: 20_000 })

  await expect.poll(async () => Object.values((await storedData(page)).blobs)).toEqual([text.length])
  const stored = await storedData(page)
  const [blobKey] = Object.keys(stored.blobs)
  const saved = JSON.parse(stored.keys['rule-playground:document'] ?? '{}') as { documentId: string; events: unknown }
  expect(blobKey).toBe(`events:${saved.documentId}`)
  expect(saved.events).toEqual({ where: 'blob', key: blobKey, length: text.length })
  // localStorage holds the document without its events: a few kB, none of the events' text.
  const inLocalStorage = Object.values(stored.keys).join('')
  expect(inLocalStorage.length).toBeLessThan(20_000)
  expect(inLocalStorage).not.toContain('mdworker')

  await page.reload()
  await expect(eventsInfo(page)).toHaveText(/^5,500 events/, { timeout: 20_000 })
  await expect(matchCount(page)).toHaveText(/^1 match of 5,500 events/, { timeout: 20_000 })
})
