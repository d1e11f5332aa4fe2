import { PERIODIC_TASKS_KQL } from '../src/examples/periodic-tasks'
import { expect, queryText, results, runStatus, test } from './fixtures'

/**
 * Tuning a false positive out of a rule: from a matched event of the first-visit Login/Logout Hook
 * example, exclude one of its process.args values. The value joins the rule's JAMF list (one value
 * per line, as the list is written), the match count drops by one and that event no longer matches.
 */

test.describe.configure({ timeout: 60_000 })

const SCRIPT = '/private/var/tmp/.x.sh' // only event 1 (the LogoutHook on another Mac) has it

test('excluding a script path of a matched event flips that event and no other', async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 })
  const count = page.getByTestId('match-count')
  await expect(count).toHaveText(/^5 matches of 13 events/)

  const row = results(page).locator('[data-event-index="1"]')
  await expect(row).toHaveAttribute('data-match', 'true')
  await row.getByRole('button', { name: 'Fields' }).click()
  await row.getByRole('button', { name: `Exclude process.args ${SCRIPT}` }).click()

  const dialog = row.getByRole('dialog', { name: 'Exclude process.args' })
  // exact (the default) cannot join the case-insensitive `:` list: it adds its own clause
  await expect(dialog.getByTestId('exclusion-preview')).toHaveText(`and not process.args == "${SCRIPT}"`)
  await dialog.getByRole('radio', { name: 'Case-insensitive' }).check()
  await expect(dialog).toContainText('Adds to the existing list')
  await expect(dialog.getByTestId('exclusion-preview')).toHaveText(`"${SCRIPT}"`)
  await expect(dialog.getByTestId('exclusion-warning')).toContainText('other casings')
  await dialog.getByRole('radio', { name: 'Wildcard' }).check()
  await dialog.getByLabel('Wildcard pattern').fill('/private/*')
  await expect(dialog.getByTestId('exclusion-warning')).toContainText('"/private/anything"')
  await dialog.getByRole('radio', { name: 'Case-insensitive' }).check()
  await dialog.getByRole('button', { name: 'Add to query' }).click()

  await expect(count).toHaveText(/^4 matches of 13 events/)
  await expect(row).toHaveAttribute('data-match', 'false')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  for (const i of [0, 2, 3, 4]) await expect(results(page).locator(`[data-event-index="${i}"]`)).toHaveAttribute('data-match', 'true')
  // the value joined the JAMF list, one per line at the list's indentation
  expect(await queryText(page)).toContain(
    '"/Library/Application Support/JAMF/ManagementFrameworkScripts/loginhook.sh",\n' + `         "${SCRIPT}"\n       )`,
  )

  // one undo takes the exclusion back
  await page.getByLabel('Rule query', { exact: true }).focus()
  await page.keyboard.press('ControlOrMeta+Z')
  await expect(count).toHaveText(/^5 matches of 13 events/)
  await expect(row).toHaveAttribute('data-match', 'true')
  expect(await queryText(page)).not.toContain(SCRIPT)
})

test('KQL: a wildcard exclusion of a file path is added as `and not field: pattern`', async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 })
  await page.getByRole('button', { name: 'Examples', exact: true }).click()
  await page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: PERIODIC_TASKS_KQL.title.replaceAll('`', '') }).click()
  const count = page.getByTestId('match-count')
  await expect(count).toHaveText(/^7 matches of 13 events/)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')

  const row = results(page).locator('[data-event-index="2"]') // /private/etc/defaults/periodic.conf edited
  await expect(row).toHaveAttribute('data-match', 'true')
  await row.getByRole('button', { name: 'Fields' }).click()
  await row.getByRole('button', { name: 'Exclude file.path /private/etc/defaults/periodic.conf' }).click()
  const dialog = row.getByRole('dialog', { name: 'Exclude file.path' })
  await expect(dialog.getByTestId('exclusion-preview')).toHaveText('and not file.path: "/private/etc/defaults/periodic.conf"')
  await dialog.getByRole('radio', { name: 'Wildcard' }).check()
  await dialog.getByLabel('Wildcard pattern').fill('/private/etc/defaults/*')
  await expect(dialog.getByTestId('exclusion-preview')).toHaveText('and not file.path: /private/etc/defaults/*')
  await expect(dialog.getByTestId('exclusion-warning')).toContainText('"/private/etc/defaults/anything"')
  await dialog.getByRole('button', { name: 'Add to query' }).click()

  await expect(count).toHaveText(/^6 matches of 13 events/)
  await expect(row).toHaveAttribute('data-match', 'false')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  expect(await queryText(page)).toContain('periodic.conf) and not file.path: /private/etc/defaults/*')
})
