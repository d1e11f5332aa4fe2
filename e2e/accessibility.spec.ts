import type { Page } from '@playwright/test'
import { expectAccessible } from './axe'
import { expect, results, runStatus, setEvents, setQuery, test } from './fixtures'
import { benignRead, hookShell, loginHook, macosEvents } from './macos-events'

/**
 * axe-core on the page states journeys do not end in (issue 9): every journey's final state is
 * checked by the guard in fixtures.ts; this walks the rest — dialogs, popovers, docked panels,
 * banners, error states — and checks each in the light AND the dark theme (colour contrast
 * differs), then on a narrow screen. What is checked and why: docs/accessibility.md.
 */

// Many states per test, each checked twice, on the dev server of a shared machine.
test.describe.configure({ timeout: 120_000 })
const FIRST_RUN = { timeout: 30_000 }

/** Checks the current state in both colour schemes, waiting until the page and Monaco follow each. */
async function checkBothThemes(page: Page, state: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme)
    // Monaco's theme is `vs` / `vs-dark`: no editor may still wear the other one.
    await expect(page.locator(scheme === 'dark' ? '.monaco-editor.vs' : '.monaco-editor.vs-dark')).toHaveCount(0)
    await expectAccessible(page, `${state} (${scheme})`)
  }
}

async function firstVisit(page: Page): Promise<void> {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', FIRST_RUN)
  await expect(page.getByTestId('query-editor').locator('.monaco-editor')).toBeVisible()
}

test('first visit, examples menu, rule settings (EQL and KQL), empty document', async ({ page }) => {
  await firstVisit(page)
  await expect(page.getByRole('note', { name: 'Guide: the rule' })).toBeVisible()
  await checkBothThemes(page, 'first visit with the guide open')

  await page.getByRole('button', { name: 'Examples', exact: true }).click()
  await expect(page.getByRole('dialog', { name: 'Examples' })).toBeVisible()
  await checkBothThemes(page, 'examples menu open')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Examples' })).toHaveCount(0)

  await page.getByRole('button', { name: 'Rule settings' }).click()
  await expect(page.getByRole('dialog', { name: 'Rule settings' })).toBeVisible()
  await checkBothThemes(page, 'rule settings open (EQL)')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'New', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Restore previous document' })).toBeVisible()
  await checkBothThemes(page, 'empty document')

  await page.getByRole('radio', { name: 'KQL', exact: true }).check()
  await page.getByRole('button', { name: 'Rule settings' }).click()
  await expect(page.getByRole('dialog', { name: 'Rule settings' })).toBeVisible()
  await checkBothThemes(page, 'rule settings open (KQL, mappings table)')
})

test('parse error with markers, results error, events problems list', async ({ page }) => {
  await firstVisit(page)
  await setQuery(page, 'process where process.name ==')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'error')
  await expect(page.getByRole('list', { name: 'Problems' })).toBeVisible()
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached()
  await checkBothThemes(page, 'parse error with markers and the problems list')

  await setEvents(page, macosEvents)
  await setQuery(page, 'process where process.pid == "abc"')
  await expect(page.getByTestId('results-error')).toHaveAttribute('data-code', 'EQL2015')
  await checkBothThemes(page, 'results error (a search Elasticsearch would refuse)')

  await setQuery(page, 'process where process.name == "sh"')
  await page.getByLabel('Upload events').setInputFiles({
    name: 'mac.ndjson',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from([...macosEvents.map((e) => JSON.stringify(e)), '{"broken": '].join('\n')),
  })
  await expect(page.getByRole('list', { name: 'Event problems' }).getByRole('listitem')).toHaveCount(1)
  await expect(page.getByTestId('match-count')).toHaveText(/^1 match of 3 events · /)
  await checkBothThemes(page, 'events problems list')
})

test('results: a sequence with its stages, a field tree open', async ({ page }) => {
  await firstVisit(page)
  await setEvents(page, [loginHook, benignRead, hookShell])
  await setQuery(page, 'sequence by host.name\n  [process where process.args == "LoginHook"]\n  [process where process.name == "sh"]')
  await expect(page.getByTestId('match-count')).toHaveText(/^1 sequence\b/)
  const first = results(page).locator('[data-match="true"]').first()
  await first.getByRole('button', { name: 'Fields' }).click()
  await expect(first.getByRole('tree')).toBeVisible()
  await checkBothThemes(page, 'sequence results with a field tree open')
})

test('share dialog with each option', async ({ page }) => {
  await firstVisit(page)
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Share' })
  await expect(dialog).toHaveAttribute('data-state', 'ready')
  await checkBothThemes(page, 'share dialog')

  await dialog.getByLabel('Keep only the fields the query uses').check()
  await expect(dialog.getByTestId('share-kept-fields')).toBeVisible()
  await checkBothThemes(page, 'share dialog, keeping only the query fields')
  await dialog.getByLabel('Keep only the fields the query uses').uncheck()

  const redact = dialog.getByRole('list', { name: 'Values found in the events' }).getByRole('checkbox').first()
  await redact.check()
  await expect(dialog).toHaveAttribute('data-state', 'ready')
  await checkBothThemes(page, 'share dialog, redacting a value')

  await dialog.getByLabel('Leave the events out').check()
  await expect(dialog).toHaveAttribute('data-state', 'ready')
  await checkBothThemes(page, 'share dialog, events left out')
})

test('the link problem banner', async ({ page }) => {
  await page.goto('/#v9.AAAAAAAA')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', FIRST_RUN)
  await expect(page.getByTestId('link-problem')).toContainText('newer version')
  await checkBothThemes(page, 'link problem banner')
})

test('rule import and export dialogs, every export format', async ({ page }) => {
  await firstVisit(page)
  await page.getByRole('button', { name: 'Import rule' }).click()
  const imports = page.getByRole('dialog', { name: 'Import rule' })
  await expect(imports).toBeVisible()
  await checkBothThemes(page, 'import dialog')
  const esql = JSON.stringify({ rule_id: 'q', name: 'An ES|QL rule', type: 'esql', language: 'esql', query: 'FROM logs-* | LIMIT 1', risk_score: 21, severity: 'low' })
  await imports.getByLabel('Rule to import').fill(esql)
  await expect(imports).toContainText('cannot be opened here')
  await expect(imports.getByRole('button', { name: 'Open' })).toBeDisabled()
  await checkBothThemes(page, 'import dialog explaining a rule it cannot open')
  await page.keyboard.press('Escape')
  await expect(imports).toHaveCount(0)

  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const exports = page.getByRole('dialog', { name: 'Export' })
  for (const format of ['detection-rules TOML', 'Kibana rule JSON', 'Elasticsearch request', 'Test file']) {
    await exports.getByRole('radio', { name: format }).check()
    await expect(exports.getByRole('textbox', { name: format })).not.toHaveValue('')
    await checkBothThemes(page, `export dialog: ${format}`)
  }
})

test('rule panel: view, edit form with an error, investigation guide', async ({ page }) => {
  await firstVisit(page)
  await page.getByRole('button', { name: 'Rule', exact: true }).click()
  const panel = page.getByRole('complementary', { name: 'Rule' })
  await expect(panel.getByTestId('rule-panel')).toBeVisible()
  await checkBothThemes(page, 'rule panel')

  await panel.getByRole('button', { name: 'Edit' }).click()
  const form = panel.getByRole('form', { name: 'Edit rule' })
  await form.getByLabel('Interval').fill('5 minutes')
  await expect(form.getByRole('alert')).toBeVisible()
  await checkBothThemes(page, 'rule edit form with an invalid field')

  await form.getByLabel('Interval').fill('5m')
  await form.getByLabel('Investigation guide').fill('## Triage\n\n1. Check the **parent** process\n2. See [the docs](https://example.org)\n\n`code`')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(panel.getByRole('region', { name: 'Investigation guide' }).getByRole('heading', { name: 'Triage' })).toBeVisible()
  await checkBothThemes(page, 'rule panel with an investigation guide')
})

test('docked panels: quick reference, lessons, compare', async ({ page }) => {
  await firstVisit(page)
  await page.getByRole('button', { name: 'Reference', exact: true }).click()
  const reference = page.getByRole('complementary', { name: 'Quick reference' })
  await expect(reference.getByRole('searchbox', { name: 'Search reference' })).toBeVisible()
  await checkBothThemes(page, 'quick reference')

  await page.getByRole('button', { name: 'Lessons', exact: true }).click()
  const lessons = page.getByRole('complementary', { name: 'Lessons' })
  await expect(lessons).toBeVisible()
  await checkBothThemes(page, 'lessons list')
  await lessons.getByRole('button', { name: /why == misses a lower-case loginhook/ }).click()
  await expect(page.getByTestId('lesson-check')).toHaveAttribute('data-check', 'fail')
  await checkBothThemes(page, 'a lesson open, its check failing')

  await page.getByRole('button', { name: 'Compare…' }).click()
  const compare = page.getByRole('complementary', { name: 'Compare versions' })
  await compare.getByLabel('Compare with').selectOption('example:login-logout-hook-v7')
  await expect(compare.getByTestId('compare-panel')).toHaveAttribute('data-compare-status', 'idle')
  await checkBothThemes(page, 'compare panel')
})

test('near misses and an explanation open', async ({ page }) => {
  await firstVisit(page)
  const nearMisses = page.getByTestId('near-misses')
  await nearMisses.locator('summary').click()
  await expect(nearMisses.getByRole('region').first()).toBeVisible()
  await page.locator('[role="listitem"][data-event-index="5"] .event-index').click()
  await expect(page.getByTestId('explain')).toHaveAttribute('data-status', 'ready')
  await checkBothThemes(page, 'near misses and an explanation open')
})

test('the alerts view with an alert open', async ({ page }) => {
  await firstVisit(page)
  await page.getByRole('group', { name: 'Results view' }).getByRole('button', { name: 'Alerts', exact: true }).click()
  const view = page.getByTestId('alerts-view')
  await expect(view).toHaveAttribute('data-alerts-status', 'idle', FIRST_RUN)
  const alert = view.getByTestId('alert').first()
  await alert.getByRole('button', { expanded: false }).first().click()
  await alert.getByTestId('alert-document').locator('summary').first().click()
  await expect(alert.getByTestId('alert-document')).toBeVisible()
  await checkBothThemes(page, 'alerts view with an alert open')
})

test('exceptions: the exclude popover, the builder with an item', async ({ page }) => {
  await firstVisit(page)
  const row = results(page).locator('[data-event-index="1"]')
  await row.getByRole('button', { name: 'Fields' }).click()
  await expect(row.getByRole('tree')).toBeVisible()
  await row.getByRole('button', { name: /^Exclude process\.args / }).first().click()
  const popover = row.getByRole('dialog', { name: 'Exclude process.args' })
  await expect(popover).toBeVisible()
  await checkBothThemes(page, 'exclude popover')

  await popover.getByRole('button', { name: /^Add as exception: / }).click()
  const section = page.getByTestId('exceptions')
  await expect(section.getByRole('heading', { name: 'Exceptions (1)' })).toBeVisible()
  await section.getByRole('button', { name: 'Add exception' }).click()
  await expect(section.getByRole('group', { name: 'Entry 1' }).first()).toBeVisible()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await checkBothThemes(page, 'exceptions builder with an item and a new one')
})

test('the storage banner when autosave fails', async ({ page }) => {
  // A full storage quota, the browser's own error: every save fails, the banner says so.
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError')
    }
  })
  await firstVisit(page)
  await setQuery(page, 'process where true')
  await expect(page.getByTestId('storage-problem')).toBeVisible()
  await checkBothThemes(page, 'storage banner')
})

test('a narrow screen: stacked panes, the header wrapped, a dialog open', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await firstVisit(page)
  await expect(page.locator('main.workspace')).toHaveAttribute('data-layout', 'stacked')
  await checkBothThemes(page, 'narrow screen')
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  await expect(page.getByRole('dialog', { name: 'Share' })).toHaveAttribute('data-state', 'ready')
  await checkBothThemes(page, 'narrow screen, share dialog')
})
