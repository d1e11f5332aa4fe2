import { gzipSync } from 'node:zlib'
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, setEvents, setQuery, test } from './fixtures'
import { ARGS, at, expectInert, openPage, FIELD, fieldTree, HOST, idle, img, matchCount, NAME, script, svg, watchDialogs } from './hostile-payloads'

/**
 * Hostile and unusable event files (issue 9): events come from compromised machines, so field
 * names, values and file names carry script payloads that must show as text, small files read
 * into the editor and large ones streamed alike. Files the tab cannot hold (1 GB) or that are not
 * text (gzip, PNG) are refused with a message before they are read, the events at hand stay, and
 * the page keeps answering (src/state/file-admission.ts). Pasted binary text gives problems.
 */

// Cold starts: the dev server transforms the worker and the engine on the first load.
test.slow()

const PLAIN_EVENTS = [
  { '@timestamp': at(1), event: { category: 'process' }, host: { name: 'mbp-1' }, process: { name: 'bash' } },
  { '@timestamp': at(2), event: { category: 'process' }, host: { name: 'mbp-2' }, process: { name: 'zsh' } },
]

const fileEvents = (n: number): string =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({ '@timestamp': at(i % 60), event: { category: 'process' }, process: { name: i === 0 ? NAME : `p${i}`, args: [ARGS] }, [FIELD]: script(`value ${i % 10}`), host: { name: HOST } }),
  ).join('\n')

const upload = (page: Page) => page.locator('.events-upload input[type="file"]')

test('event files with hostile names, field names and values load as text, small and streamed', async ({ page }) => {
  const dialogs = watchDialogs(page)
  await openPage(page)
  await setQuery(page, 'process where true')
  // small: into the editor; its name shows next to the events
  const small = `${img('file name')}.ndjson`
  await upload(page).setInputFiles({ name: small, mimeType: 'application/x-ndjson', buffer: Buffer.from(fileEvents(3)) })
  await expect(page.getByTestId('events-info')).toHaveText(`3 events from ${small}`, { timeout: 30_000 })
  // the run over these events has reported (a report arriving later re-renders the rows)
  await expect(matchCount(page)).toHaveText(/^3 matches of 3 events/)
  await idle(page)
  const tree = await fieldTree(page, 0)
  for (const text of [FIELD, NAME, ARGS, HOST, script('value 0')]) await expect(tree).toContainText(text)
  await expectInert(page, dialogs)

  // large (over 1 MiB): streamed into the worker, rows and field trees from there
  const big = `${svg('big file name')}.ndjson`
  const text = fileEvents(6000)
  expect(text.length).toBeGreaterThan(1 << 20)
  await upload(page).setInputFiles({ name: big, mimeType: 'application/x-ndjson', buffer: Buffer.from(text) })
  await expect(page.getByTestId('events-info')).toHaveText(`6,000 events from ${big}`, { timeout: 30_000 })
  await idle(page)
  await expect(matchCount(page)).toHaveText(/^6,000 matches of 6,000 events/)
  await expect(await fieldTree(page, 0)).toContainText(NAME)
  await expectInert(page, dialogs)
})

test('a 1 GB file, a gzip and a PNG are refused with a message; the events stay and the page answers', async ({ page }) => {
  await openPage(page)
  await setQuery(page, 'process where true')
  await setEvents(page, PLAIN_EVENTS)
  await expect(matchCount(page)).toHaveText(/^2 matches of 2 events/)
  await idle(page)
  const note = page.getByTestId('events-note')
  const info = page.getByTestId('events-info')

  // A sparse 1 GB file: nothing is written to disk, and the page must not read it.
  const dir = mkdtempSync(join(tmpdir(), 'rp-hostile-'))
  try {
    const huge = join(dir, 'day.ndjson')
    const fd = openSync(huge, 'w')
    ftruncateSync(fd, 1 << 30)
    closeSync(fd)
    await upload(page).setInputFiles(huge)
    await expect(note).toContainText('day.ndjson is 1.07 GB; the playground loads up to 500.0 MB')
    await expect(note).toContainText('Split the file')
    await expect(page.getByTestId('events-load')).toHaveCount(0)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  await expect(info).toHaveText('2 events')
  await expect(matchCount(page)).toHaveText(/^2 matches of 2 events/)

  await upload(page).setInputFiles({ name: 'events.ndjson.gz', mimeType: 'application/gzip', buffer: gzipSync(fileEvents(50)) })
  await expect(note).toHaveText(/^events\.ndjson\.gz looks like a gzip file: decompress it first/)
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  await upload(page).setInputFiles({ name: 'screenshot.png', mimeType: 'image/png', buffer: png })
  await expect(note).toHaveText(/^screenshot\.png looks like a PNG image, not a text file\. Your current events are kept\./)
  await expect(info).toHaveText('2 events')

  // the page still answers: a query edit runs over the kept events
  await setQuery(page, 'process where process.name == "zsh"')
  await expect(matchCount(page)).toHaveText(/^1 match of 2 events/)
  await idle(page)
})

test('pasted binary-ish text (NULs, control bytes, lone surrogates) gives problems, not a crash', async ({ page }) => {
  await openPage(page)
  await setQuery(page, 'any where true')
  const text = ['\u0000\u0001\u0002PK\u0003\u0004\u001f\u008b garbage', '{"a":"\ud800 lone"}', '\ud83d{"b":1}', '{"ok":1}', '\u0000'.repeat(5000)].join('\n')
  await page.evaluate((t) => window.__rp?.eventsEditor?.setValue(t), text)
  await expect(page.getByTestId('events-problem-count')).toContainText('3 lines could not be read')
  await expect(page.getByTestId('events-info')).toHaveText('2 events')
  // without @timestamp no event can match an EQL query; what counts is that both were read
  await expect(matchCount(page)).toHaveText(/of 2 events/)
  await idle(page)
})
