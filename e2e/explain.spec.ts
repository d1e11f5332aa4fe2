import type { Page } from '@playwright/test'
import { expect, matches, results, runStatus, setEvents, setQuery, test } from './fixtures'
import { benignRead, hookShell, loginHook } from './macos-events'

/**
 * Explain: on the first-visit example (Login/Logout Hook), select an event the JAMF exclusion
 * list rejects and see the tree say false with the exclusion deciding (highlighted in the query
 * editor too); point at another clause and the editor follows; select a matched event: true.
 */

const explain = (page: Page) => page.getByTestId('explain')
const deciding = (page: Page) => explain(page).locator('[data-testid="explain-node"][data-deciding="true"]')
const rootNode = (page: Page) => explain(page).getByTestId('explain-node').first()

/** The query text under the editor's hovered-span decoration (what the results link highlights). */
async function highlighted(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const model = window.__rp?.queryEditor?.getModel()
    const d = model?.getAllDecorations().find((x) => x.options.className === 'rp-hovered-span')
    return model && d ? model.getValueInRange(d.range) : null
  })
}

async function select(page: Page, index: number): Promise<void> {
  await page.locator(`[role="listitem"][data-event-index="${index}"] .event-index`).click()
}

test('a JAMF event excluded by the not-list: false, the exclusion deciding; a matched event: true', async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(matches(page)).toHaveCount(5)

  // #5: the JAMF login hook split at "Application Support"; its second half is in the list.
  const excluded = page.locator('[role="listitem"][data-event-index="5"]')
  await expect(excluded).toHaveAttribute('data-match', 'false')
  await select(page, 5)
  await expect(explain(page)).toHaveAttribute('data-status', 'ready')
  await expect(explain(page)).toHaveAttribute('data-outcome', 'false')
  await expect(explain(page).getByRole('heading')).toContainText('Event #5: excluded by the query')
  await expect(rootNode(page)).toHaveAttribute('data-value', 'false')

  // A `not` is decided by its operand: the exclusion list, which held for this event.
  await expect(deciding(page)).toHaveCount(1)
  await expect(deciding(page)).toHaveAttribute('data-kind', 'match')
  await expect(deciding(page)).toHaveAttribute('data-value', 'true')
  await expect(deciding(page)).toContainText('Support/JAMF/ManagementFrameworkScripts/loginhook.sh')
  await expect(deciding(page)).toContainText('process.args =')
  const notNode = explain(page).locator('[data-testid="explain-node"][data-kind="not"]')
  await expect(notNode).toHaveAttribute('data-value', 'false')

  // The deciding clause is highlighted in the editor while the explanation is shown (the pointer
  // rests on the heading: the list shrinks for the tree, which may appear under the pointer)...
  await page.getByRole('heading', { name: /Why\?/ }).hover()
  await expect.poll(() => highlighted(page)).toMatch(/^process\.args :\s*\(\s*"Support\/JAMF/)
  // ...pointing at another clause highlights that one, leaving gives the highlight back.
  const osClause = explain(page).getByTestId('explain-node').filter({ hasText: 'host.os.type == "macos"' }).last()
  await osClause.hover()
  await expect.poll(() => highlighted(page)).toBe('host.os.type == "macos"')
  await page.getByRole('heading', { name: /Why\?/ }).hover()
  await expect.poll(() => highlighted(page)).toMatch(/^process\.args :\s*\(\s*"Support\/JAMF/)

  // #0 is the attack itself: everything holds.
  await select(page, 0)
  await expect(explain(page).getByRole('heading')).toContainText('Event #0: matches')
  await expect(explain(page)).toHaveAttribute('data-outcome', 'true')
  await expect(rootNode(page)).toHaveAttribute('data-value', 'true')
  await expect(notNode).toHaveAttribute('data-value', 'true')
  await expect(explain(page).locator('[data-testid="explain-node"][data-value="false"]')).toHaveCount(1) // the list inside the not

  // Closing the explanation clears the selection and the highlight.
  await page.getByRole('button', { name: 'Close explanation' }).click()
  await expect(explain(page)).toHaveCount(0)
  // (the list grows back under the pointer, whose hit chips link clauses of their own)
  await page.mouse.move(0, 0)
  await expect.poll(() => highlighted(page)).toBeNull()
})

test('a sequence event: each stage with its tree and join key, and whether it completed a sequence', async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await setEvents(page, [loginHook, benignRead, hookShell])
  await setQuery(page, 'sequence by host.name with maxspan=1m\n  [process where process.args == "LoginHook"]\n  [process where process.name == "sh"]')
  await expect(page.getByTestId('match-count')).toHaveText(/^1 sequence of 3 events/)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')

  // the second stage's event (the shell the hook ran)
  await results(page).getByRole('group', { name: 'Sequence 1' }).locator('[data-event-index="2"] .event-index').click()
  await expect(explain(page)).toHaveAttribute('data-status', 'ready')
  await expect(explain(page)).toHaveAttribute('data-outcome', 'true')
  const stages = explain(page).getByTestId('explain-stage')
  await expect(stages).toHaveCount(2)
  await expect(stages.nth(0)).toHaveAttribute('data-fills', 'false')
  await expect(stages.nth(1)).toHaveAttribute('data-fills', 'true')
  await expect(stages.nth(1)).toContainText('host.name = "mbp-042"')
  await expect(stages.nth(0).getByTestId('explain-node').first()).toHaveAttribute('data-value', 'false')
  await expect(explain(page).getByTestId('explain-sequence-verdict')).not.toBeEmpty()
})
