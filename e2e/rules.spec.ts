import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, runStatus, setEvents, test } from './fixtures'

/**
 * Rule import and export through the header's dialogs: a seed documentation page pasted and
 * opened over the user's events, one rule picked from a Kibana export of two, and the TOML and
 * test-file exports. The seed page is read at run time from ../shared (never copied here).
 */

const SEEDS = join('..', 'shared', 'seeds')

/** The Markdown page of the Login/Logout Hook rule (the one starting with front matter). */
function loginHookMarkdown(): string {
  for (const file of readdirSync(SEEDS).sort()) {
    const text = readFileSync(join(SEEDS, file), 'utf8')
    if (text.startsWith('---') && text.includes('# Persistence via Login or Logout Hook')) return text
  }
  throw new Error(`no Login/Logout Hook Markdown page in ${SEEDS}`)
}

const at = (s: number): string => `2024-05-02T10:00:${String(s).padStart(2, '0')}Z`
/** A `defaults write ... LoginHook` the rule catches, and a benign `defaults read`. */
const EVENTS = [
  { '@timestamp': at(1), event: { category: ['process'], type: ['start'] }, process: { name: 'defaults', args: ['defaults', 'write', 'com.apple.loginwindow', 'LoginHook', '/tmp/x.sh'] } },
  { '@timestamp': at(2), event: { category: ['process'], type: ['start'] }, process: { name: 'defaults', args: ['defaults', 'read', 'com.apple.loginwindow'] } },
]

const queryText = (page: Page): Promise<string | undefined> => page.evaluate(() => window.__rp?.queryEditor?.getValue())
const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import rule' })

async function importText(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Import rule' }).click()
  await expect(importDialog(page)).toBeVisible()
  await importDialog(page).getByLabel('Rule to import').fill(text)
}

// The first load compiles the worker and the engine; on a busy 2-core machine that alone can take
// longer than the default 10 s of an expectation.
test.setTimeout(60_000)

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 })
  await setEvents(page, EVENTS)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
})

test('a seed documentation page pasted into Import opens over the current events and runs', async ({ page }) => {
  const page0 = loginHookMarkdown()
  await importText(page, page0)
  const dialog = importDialog(page)
  await expect(dialog.getByTestId('import-format')).toContainText('Rule documentation page')
  await expect(dialog.getByLabel('Rule to open')).toContainText('Persistence via Login or Logout Hook')
  await dialog.getByRole('button', { name: 'Open' }).click()
  await expect(dialog).toBeHidden()

  await expect.poll(() => queryText(page)).toMatch(/^process where event\.type == "start" and\n/)
  expect(await queryText(page)).toContain('process.args in ("LoginHook", "LogoutHook")')
  await expect(page.getByRole('radio', { name: 'EQL', exact: true })).toBeChecked()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  // the events were kept: the write is caught, the read is not
  await expect(page.getByTestId('match-count')).toHaveText(/^1 match of 2 events/)

  // The document before the import stays restorable.
  await expect(page.getByRole('button', { name: 'Restore previous document' })).toBeVisible()
})

test('a Kibana export of two rules: pick the second and open it', async ({ page }) => {
  const ndjson = [
    { rule_id: 'r-1', name: 'First rule', type: 'query', language: 'kuery', query: 'process.name:bash', risk_score: 21, severity: 'low' },
    { rule_id: 'r-2', name: 'Second rule', type: 'eql', language: 'eql', query: 'process where process.args == "write"', risk_score: 47, severity: 'medium' },
    { exported_count: 2, exported_rules_count: 2, missing_rules: [], missing_rules_count: 0 },
  ].map((r) => JSON.stringify(r)).join('\n')
  await importText(page, ndjson)
  const dialog = importDialog(page)
  await expect(dialog.getByTestId('import-format')).toContainText('2 rules')
  await dialog.getByRole('radio', { name: /Second rule/ }).check()
  await expect(dialog.getByLabel('Rule to open')).toContainText('process where process.args == "write"')
  await dialog.getByRole('button', { name: 'Open' }).click()
  await expect.poll(() => queryText(page)).toBe('process where process.args == "write"')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(page.getByTestId('match-count')).toHaveText(/^1 match of 2 events/)
})

test('a rule file picked in the dialog is read and opened', async ({ page }) => {
  const toml = [
    '[metadata]', 'maturity = "production"', '', '[rule]', 'name = "Defaults writes"', 'type = "eql"', 'language = "eql"',
    'risk_score = 21', 'severity = "low"', "query = '''", 'process where process.args == "write"', "'''", '',
  ].join('\n')
  await page.getByRole('button', { name: 'Import rule' }).click()
  const dialog = importDialog(page)
  await dialog.getByLabel('Rule file').setInputFiles({ name: 'defaults.toml', mimeType: 'application/toml', buffer: Buffer.from(toml) })
  await expect(dialog.getByLabel('Rule to import')).toHaveValue(toml)
  await expect(dialog.getByTestId('import-format')).toContainText('detection-rules TOML')
  await dialog.getByRole('button', { name: 'Open' }).click()
  await expect.poll(() => queryText(page)).toBe('process where process.args == "write"\n')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(page.getByTestId('match-count')).toHaveText(/^1 match of 2 events/)
})

test('a rule file dropped on the dialog is the rule, not events for the page', async ({ page }) => {
  await page.getByRole('button', { name: 'Import rule' }).click()
  const dialog = importDialog(page)
  const rule = JSON.stringify({ rule_id: 'd', name: 'Dropped rule', type: 'eql', language: 'eql', query: 'process where process.args == "write"', risk_score: 21, severity: 'low' })
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer()
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }))
    return dt
  }, rule)
  await dialog.getByLabel('Rule to import').dispatchEvent('drop', { dataTransfer })
  await expect(dialog.getByLabel('Rule to import')).toHaveValue(rule)
  await expect(dialog.getByLabel('Rule to open')).toContainText('Dropped rule')
  await dialog.getByRole('button', { name: 'Open' }).click()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  // the page's own drop handler (events) did not take the file: the two events are still there
  await expect(page.getByTestId('match-count')).toHaveText(/^1 match of 2 events/)
})

test('an ES|QL rule is explained, not opened, and the pasted text survives closing the dialog', async ({ page }) => {
  const esql = JSON.stringify({ rule_id: 'q', name: 'An ES|QL rule', type: 'esql', language: 'esql', query: 'FROM logs-* | LIMIT 1', risk_score: 21, severity: 'low' })
  await importText(page, esql)
  const dialog = importDialog(page)
  await expect(dialog).toContainText('cannot be opened here')
  await expect(dialog.getByRole('button', { name: 'Open' })).toBeDisabled()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await page.getByRole('button', { name: 'Import rule' }).click()
  await expect(importDialog(page).getByLabel('Rule to import')).toHaveValue(esql)
})

test('export: TOML holds the rule, the test file is one suite with cases, and it downloads', async ({ page }) => {
  await importText(page, loginHookMarkdown())
  await importDialog(page).getByRole('button', { name: 'Open' }).click()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(page.getByTestId('match-count')).toHaveText(/^1 match of 2 events/)
  const query = (await queryText(page)) ?? ''

  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByRole('radio', { name: 'detection-rules TOML' }).check()
  const toml = dialog.getByRole('textbox', { name: 'detection-rules TOML' })
  await expect(toml).toHaveValue(/name = "Persistence via Login or Logout Hook"/)
  expect(await toml.inputValue()).toContain(query.split('\n')[0] ?? '?')
  await expect(toml).toHaveValue(/risk_score = 47/)

  await dialog.getByRole('radio', { name: 'Elasticsearch request' }).check()
  await expect(dialog.getByRole('textbox', { name: 'Elasticsearch request' })).toHaveValue(/^POST <index>\/_eql\/search\n/)

  await dialog.getByRole('radio', { name: 'Test file' }).check()
  const test = dialog.getByRole('textbox', { name: 'Test file' })
  await expect(test).toHaveValue(/\[\[cases\]\]/)
  await expect(test).toHaveValue(/events_ndjson = '''/)
  // nothing marked as expected: the test pins the one event the rule matches now (by position)
  await expect(test).toHaveValue(/expected_event_ids = \[ "0" \]/)
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()])
  expect(download.suggestedFilename()).toBe('persistence-via-login-or-logout-hook.test.toml')
  const saved = await download.path()
  expect(readFileSync(saved, 'utf8')).toContain('[[cases]]')
})

test('export of a KQL query that does not parse shows the problem instead of a request', async ({ page }) => {
  await page.getByRole('radio', { name: 'KQL', exact: true }).check()
  await importText(page, 'process.name:(bash or')
  await importDialog(page).getByRole('button', { name: 'Open' }).click()
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByTestId('export-missing')).toContainText('No rule metadata')
  await dialog.getByRole('radio', { name: 'Elasticsearch request' }).check()
  await expect(dialog.getByRole('list', { name: 'Export problems' })).toContainText(/KQL\d+/)
  await expect(dialog.getByRole('textbox', { name: 'Elasticsearch request' })).toHaveValue('')
  await expect(dialog.getByRole('button', { name: 'Download' })).toBeDisabled()
})
