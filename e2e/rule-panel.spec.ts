import type { Page } from '@playwright/test'
import { LOGIN_HOOK_CURRENT } from '../src/examples/login-hook-current'
import { exampleRule } from '../src/examples/to-document'
import { expect, runStatus, setQuery, test } from './fixtures'

/**
 * The rule panel (issue 7): the first-visit example's metadata as the example defines it (read
 * from src/examples, never written down here), editing its schedule and a KQL rule's type with
 * the edits surviving a reload and reaching the TOML export, and a hostile investigation guide
 * shown as text: the guard fails the test on any console error or request off the origin.
 */

// The first load compiles the worker and the engine; on the dev server that can take a while.
test.setTimeout(60_000)
const FIRST_RUN = { timeout: 30_000 }

const panel = (page: Page) => page.getByRole('complementary', { name: 'Rule' })
const form = (page: Page) => panel(page).getByRole('form', { name: 'Edit rule' })

async function openPanel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Rule', exact: true }).click()
  await expect(panel(page).getByTestId('rule-panel')).toBeVisible()
}

test('the first-visit example shows its metadata, and an edited interval survives a reload', async ({ page }) => {
  const rule = exampleRule(LOGIN_HOOK_CURRENT)
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', FIRST_RUN)
  await openPanel(page)
  const p = panel(page)
  await expect(p.getByTestId('rule-name')).toHaveText(rule.name)
  await expect(p.getByTestId('rule-severity')).toContainText(rule.severity ?? '?')
  await expect(p.getByTestId('rule-risk-score')).toContainText(String(rule.riskScore ?? '?'))
  const techniques = (rule.threat ?? []).flatMap((t) => t.technique ?? [])
  expect(techniques.length).toBeGreaterThan(0)
  for (const technique of techniques) {
    const link = p.getByRole('link', { name: technique.id, exact: true })
    await expect(link).toHaveAttribute('href', `https://attack.mitre.org/techniques/${technique.id}/`)
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    await expect(link).toHaveAttribute('target', '_blank')
  }
  await expect(p.getByTestId('rule-interval')).toHaveText(rule.interval ?? '?')
  await expect(p.getByTestId('rule-type')).toHaveText('eql')
  await expect(p.getByRole('region', { name: 'Investigation guide' })).toContainText('No investigation guide.')

  await p.getByRole('button', { name: 'Edit' }).click()
  const interval = form(page).getByLabel('Interval')
  await interval.fill('5 minutes')
  await expect(form(page).getByRole('alert')).toHaveText('The interval looks like 5m (s, m, h or d).')
  await expect(form(page).getByRole('button', { name: 'Save' })).toBeDisabled()
  // closing the panel (Escape) keeps what was typed in the form
  await page.keyboard.press('Escape')
  await expect(panel(page)).toHaveCount(0)
  await openPanel(page)
  await expect(form(page).getByLabel('Interval')).toHaveValue('5 minutes')
  // an EQL query makes an eql rule: no other type is offered
  await expect(form(page).getByLabel('Rule type').locator('option')).toHaveText(['eql'])
  await interval.fill('15m')
  // the example has no investigation guide: write one
  await form(page).getByLabel('Investigation guide').fill('## Triage\n\n1. Check the **parent** process\n')
  await form(page).getByRole('button', { name: 'Save' }).click()
  await expect(p.getByTestId('rule-interval')).toHaveText('15m')
  await expect(p.getByTestId('rule-guide').getByRole('heading', { name: 'Triage' })).toBeVisible()
  await expect(p.getByTestId('rule-guide').locator('li strong')).toHaveText('parent')

  await page.reload()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', FIRST_RUN)
  await openPanel(page)
  await expect(panel(page).getByTestId('rule-interval')).toHaveText('15m')
  await expect(panel(page).getByTestId('rule-name')).toHaveText(rule.name)
  await expect(panel(page).getByRole('heading', { name: 'Triage' })).toBeVisible()
})

test('a KQL query described as a threshold rule keeps its type after a reload and exports it', async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', FIRST_RUN)
  await page.getByRole('button', { name: 'New', exact: true }).click()
  await setQuery(page, 'event.category : "authentication"') // a KQL query switches the language
  await expect(page.getByRole('radio', { name: 'KQL', exact: true })).toBeChecked()
  await openPanel(page)
  await panel(page).getByRole('button', { name: 'Describe this rule' }).click()
  const f = form(page)
  await expect(f.getByLabel('Rule type').locator('option')).toHaveText(['query', 'threshold', 'new_terms'])
  await expect(f.getByRole('button', { name: 'Save' })).toBeDisabled() // no name yet
  await f.getByLabel('Name').fill('Many logons')
  await f.getByLabel('Rule type').selectOption('threshold')
  await f.getByLabel('Group by fields').fill('host.name, user.name')
  await f.getByLabel('Threshold', { exact: true }).fill('5')
  await f.getByLabel('Risk score').fill('101')
  await expect(f.getByRole('alert')).toHaveText('Risk score is a whole number from 0 to 100.')
  await f.getByLabel('Risk score').fill('73')
  await f.getByRole('button', { name: 'Save' }).click()
  await expect(panel(page).getByTestId('rule-type')).toHaveText('threshold')
  await expect(panel(page).getByTestId('rule-threshold')).toContainText('host.name, user.name')

  await page.reload()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', FIRST_RUN)
  await openPanel(page)
  await expect(panel(page).getByTestId('rule-type')).toHaveText('threshold')
  await expect(panel(page).getByTestId('rule-name')).toHaveText('Many logons')

  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByRole('radio', { name: 'detection-rules TOML' }).check()
  const toml = dialog.getByRole('textbox', { name: 'detection-rules TOML' })
  await expect(toml).toHaveValue(/type = "threshold"/)
  await expect(toml).toHaveValue(/\[rule\.threshold\]\nfield = \[ "host\.name", "user\.name" \]\nvalue = 5/)
  await expect(toml).toHaveValue(/risk_score = 73/)
})

const HOSTILE_TOML = [
  '[metadata]', 'maturity = "development"', '', '[rule]', 'name = "Hostile guide"', 'type = "eql"', 'language = "eql"',
  'risk_score = 99', 'severity = "critical"', 'description = "<b>not bold</b>"',
  'references = ["javascript:alert(1)", "https://example.org/ref"]',
  "query = '''", 'process where process.args == "write"', "'''",
  "note = '''", '## Triage steps', '', '<script>window.__pwned = 1</script>', '',
  'Look <img src=x onerror="window.__pwned = 2"> here.', '', '[click](javascript:alert(1))', '',
  '![tracker](http://evil.example/x.png)', '', '<iframe src="http://evil.example/"></iframe>', "'''", '',
].join('\n')

test('an imported rule with a hostile investigation guide shows it as text and runs nothing', async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', FIRST_RUN)
  await page.getByRole('button', { name: 'Import rule' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import rule' })
  await dialog.getByLabel('Rule to import').fill(HOSTILE_TOML)
  await expect(dialog.getByTestId('import-format')).toContainText('detection-rules TOML')
  await dialog.getByRole('button', { name: 'Open' }).click()
  await expect(dialog).toBeHidden()

  await openPanel(page)
  const p = panel(page)
  await expect(p.getByTestId('rule-name')).toHaveText('Hostile guide')
  const guide = p.getByTestId('rule-guide')
  await expect(guide.getByRole('heading', { name: 'Triage steps' })).toBeVisible()
  await expect(guide).toContainText('<script>window.__pwned = 1</script>')
  await expect(guide).toContainText('<img src=x onerror="window.__pwned = 2">')
  await expect(guide).toContainText('[click](javascript:alert(1))')
  await expect(guide).toContainText('<iframe src="http://evil.example/"></iframe>')
  await expect(guide).toContainText('tracker')
  await expect(p.getByText('<b>not bold</b>')).toBeVisible()
  await expect(p.locator('img, script, iframe')).toHaveCount(0)
  await expect(guide.getByRole('link')).toHaveCount(0)
  // only the http(s) reference is a link
  await expect(p.getByRole('region', { name: 'References' }).getByRole('link')).toHaveText(['https://example.org/ref'])
  await expect(p.getByText('javascript:alert(1)', { exact: true })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
})
