import type { Page } from '@playwright/test'
import { expect, results, runStatus, setEvents, test } from './fixtures'

/**
 * Exception items travel with the rule: a Kibana export holding a rule and its exception list is
 * imported through the Import dialog (which says what came with the rule), the rule runs with the
 * item applied, and a share link opened in a fresh browser brings the item along: same count, the
 * same event excepted, the item listed.
 */

// Cold starts (dev server transforming the link code, a second browser context) need more than 30 s.
test.slow()

const at = (s: number): string => `2024-05-02T10:00:${String(s).padStart(2, '0')}Z`
/** Three osascript runs on Macs: one from the JAMF agent (the exception takes it out), two others. */
const EVENTS = [
  { '@timestamp': at(1), event: { category: 'process' }, host: { os: { type: 'macos' } }, process: { name: 'osascript', parent: { name: 'jamf' } } },
  { '@timestamp': at(2), event: { category: 'process' }, host: { os: { type: 'macos' } }, process: { name: 'osascript', parent: { name: 'bash' } } },
  { '@timestamp': at(3), event: { category: 'process' }, host: { os: { type: 'macos' } }, process: { name: 'osascript', parent: { name: 'Terminal' } } },
]

/** A detection engine export: the rule naming its list, the list, one item, the summary. */
const EXPORT = [
  { rule_id: 'osa-1', name: 'Osascript run', type: 'query', language: 'kuery', query: 'process.name:osascript', risk_score: 21, severity: 'low', description: 'd',
    exceptions_list: [{ id: 'so-jamf', list_id: 'jamf-scripts', type: 'detection', namespace_type: 'single' }] },
  { list_id: 'jamf-scripts', name: 'JAMF scripts', type: 'detection', namespace_type: 'single', description: 'management agent' },
  { item_id: 'jamf-1', list_id: 'jamf-scripts', name: 'JAMF agent', type: 'simple', namespace_type: 'single', description: 'd', os_types: ['macos'],
    entries: [{ field: 'process.parent.name', operator: 'included', type: 'match', value: 'jamf' }] },
  { exported_count: 3, exported_rules_count: 1, exported_exception_list_count: 1, exported_exception_list_item_count: 1 },
].map((l) => JSON.stringify(l)).join('\n')

const idle = (page: Page) => expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 })
const count = (page: Page) => page.getByTestId('match-count')
const row = (page: Page, i: number) => results(page).locator(`[data-event-index="${i}"]`)
const section = (page: Page) => page.getByTestId('exceptions')

/** What both pages must show: 2 of 3 match, event 0 excepted by the item, the item listed. */
async function expectExcepted(page: Page): Promise<void> {
  await idle(page)
  await expect(count(page)).toHaveText(/^2 matches of 3 events/)
  await expect(row(page, 0)).toHaveAttribute('data-match-state', 'excluded-by-exception')
  await expect(row(page, 1)).toHaveAttribute('data-match', 'true')
  await expect(section(page).getByRole('heading', { name: 'Exceptions (1)' })).toBeVisible()
  const item = section(page).getByTestId('exception-item')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('JAMF agent')
  await expect(item).toContainText('process.parent.name is "jamf"')
}

test('an imported rule brings its exception list, and a share link carries the item to a fresh browser', async ({ page, browser }) => {
  await page.goto('/')
  await idle(page)
  await setEvents(page, EVENTS)
  await idle(page)

  await page.getByRole('button', { name: 'Import rule' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import rule' })
  await dialog.getByLabel('Rule to import').fill(EXPORT)
  await expect(dialog.getByTestId('import-format')).toContainText('1 rule')
  const came = dialog.getByTestId('import-exceptions')
  await expect(came).toContainText('1 exception item comes with the rule')
  await expect(came).toContainText("from list 'JAMF scripts'")
  await dialog.getByRole('button', { name: 'Open' }).click()
  await expect(dialog).toBeHidden()
  await expectExcepted(page)

  // Removing the item brings the event back: the count above was the item's doing.
  await section(page).getByRole('button', { name: 'Remove exception JAMF agent' }).click()
  await expect(count(page)).toHaveText(/^3 matches of 3 events/)
  // import again rather than relying on an undo: the journey is about what an import brings
  await page.getByRole('button', { name: 'Import rule' }).click()
  await dialog.getByLabel('Rule to import').fill(EXPORT)
  await expect(dialog.getByTestId('import-exceptions')).toBeVisible()
  await dialog.getByRole('button', { name: 'Open' }).click()
  await expectExcepted(page)

  // Export: TOML says the items are not in it and where they go; the Kibana export carries them.
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const exportDialog = page.getByRole('dialog', { name: 'Export' })
  await exportDialog.getByRole('radio', { name: 'detection-rules TOML' }).check()
  await expect(exportDialog.getByTestId('export-exceptions')).toContainText('Exception items are not included')
  await expect(exportDialog.getByTestId('export-exceptions')).toContainText('Kibana rule JSON export')
  await exportDialog.getByRole('radio', { name: 'Kibana rule JSON' }).check()
  const kibana = exportDialog.getByRole('textbox', { name: 'Kibana rule JSON' })
  await expect(kibana).toHaveValue(/"exceptions_list":\[\{"id":"so-jamf","list_id":"jamf-scripts"/)
  await expect(kibana).toHaveValue(/"item_id":"jamf-1"/)
  await exportDialog.getByRole('button', { name: 'Close' }).click()
  await expect(exportDialog).toBeHidden()

  await page.getByRole('button', { name: 'Share', exact: true }).click()
  const share = page.getByRole('dialog', { name: 'Share' })
  await expect(share).toHaveAttribute('data-state', 'ready', { timeout: 30_000 })
  await expect(share.getByTestId('share-link-length')).toContainText('and the exception item')
  // only the fields the query uses: the item's field and the OS field must stay in the events
  await share.getByLabel('Keep only the fields the query uses').check()
  await expect(share.getByTestId('share-kept-fields')).toContainText('process.parent.name')
  await expect(share).toHaveAttribute('data-state', 'ready')
  const link = await share.getByLabel('Share link').inputValue()
  expect(link).toMatch(/#v1\./)

  // A new context has empty storage: only the link can bring the document and its exceptions.
  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  await other.goto(link)
  await expectExcepted(other)
  await fresh.close()
})
