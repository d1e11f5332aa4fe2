import { FIRST_VISIT_EXAMPLE } from '../src/examples/first-visit'
import { expect, queryText, results, runStatus, setQuery, test } from './fixtures'
import type { Page } from '@playwright/test'

/**
 * Near misses and clause coverage on the first-visit example (the Login/Logout Hook rule): the
 * events its JAMF exclusion keeps out miss by that one clause, and a clause no event satisfies is
 * marked dead in the editor.
 */

/** The example's JAMF events, which the rule must not report. */
const JAMF = FIRST_VISIT_EXAMPLE.events.flatMap((e, i) => (e.expect === 'no-match' && JSON.stringify(e.event).includes('JAMF') ? [i] : []))

/** Each clause's coverage as the editor's decorations carry it: hover text and dead label. */
async function coverageLabels(page: Page): Promise<{ text: string; hover: string; label: string; dead: boolean }[]> {
  return page.evaluate(() => {
    const model = window.__rp?.queryEditor?.getModel()
    if (!model) return []
    return model
      .getAllDecorations()
      .filter((d) => d.options.inlineClassName?.includes('rp-clause-covered') === true)
      .map((d) => {
        const hover = d.options.hoverMessage
        const value = hover === null || hover === undefined ? '' : Array.isArray(hover) ? hover.map((h) => h.value).join('\n') : hover.value
        return { text: model.getValueInRange(d.range), hover: value, label: d.options.after?.content ?? '', dead: d.options.after?.inlineClassName?.includes('rp-coverage-dead') === true }
      })
  })
}

test('near misses list the JAMF events that only the exclusion keeps out; a click selects one, pointing at it lights its clause', async ({ page }) => {
  expect(JAMF.length).toBeGreaterThan(1)
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const nearMisses = page.getByTestId('near-misses')
  await nearMisses.locator('summary').click()
  const exclusion = nearMisses.getByRole('region', { name: /^Near misses failing not process\.args :/ })
  await expect(exclusion.getByRole('button')).toHaveText(JAMF.map((i) => `#${i}`))
  await expect(exclusion.locator('.near-miss-clause')).toContainText('ManagementFrameworkScripts/logouthook.sh')

  // Pointing at an event lights the clause it fails in the editor.
  const first = JAMF[0] ?? -1
  await exclusion.getByRole('button', { name: `#${first}`, exact: true }).hover()
  const query = await queryText(page)
  await expect
    .poll(() =>
      page.evaluate(() => {
        const model = window.__rp?.queryEditor?.getModel()
        return model?.getAllDecorations().filter((d) => d.options.className === 'rp-hovered-span').map((d) => model.getValueInRange(d.range)) ?? []
      }),
    )
    .toEqual([query.slice(query.indexOf('not process.args'), query.lastIndexOf(')') + 1)])

  // A click selects it in the results.
  await exclusion.getByRole('button', { name: `#${first}`, exact: true }).click()
  await expect(results(page).locator(`[data-event-index="${first}"]`)).toHaveClass(/is-selected/)
})

test('clause coverage labels each clause in the editor and marks a clause no event satisfies as dead', async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const count = FIRST_VISIT_EXAMPLE.events.length
  await expect.poll(async () => (await coverageLabels(page)).find((c) => c.text === 'process.name == "defaults"')?.hover).toContain(`true for ${count} events`)
  expect((await coverageLabels(page)).filter((c) => c.dead)).toEqual([])

  const nearMisses = page.getByTestId('near-misses')
  await nearMisses.locator('summary').click()
  const query = await queryText(page)
  await setQuery(page, `${query.trimEnd()} and process.name == "nothing"`)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(results(page).locator('[data-match="true"]')).toHaveCount(0)
  await expect.poll(async () => (await coverageLabels(page)).filter((c) => c.dead).map((c) => c.text)).toEqual(['process.name == "nothing"'])
  expect((await coverageLabels(page)).find((c) => c.dead)?.label).toContain('dead: 0 events')
  await expect(page.getByTestId('query-editor').locator('.rp-coverage-dead').first()).toBeVisible()
  // The list stayed open through the edit: the events the rule matched before now miss by the new clause.
  const wereMatches = FIRST_VISIT_EXAMPLE.events.flatMap((e, i) => (e.expect === 'match' ? [`#${i}`] : []))
  await expect(nearMisses.getByRole('region', { name: 'Near misses failing process.name == "nothing"' }).getByRole('button')).toHaveText(wereMatches)
})

test('with near misses and an explanation open, the results view switch keeps its size and can be clicked', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const nearMisses = page.getByTestId('near-misses')
  await nearMisses.locator('summary').click()
  const exclusion = nearMisses.getByRole('region', { name: /^Near misses failing not process\.args :/ })
  await exclusion.getByRole('button', { name: `#${JAMF[0] ?? -1}`, exact: true }).click()
  await expect(page.getByTestId('explain')).toHaveAttribute('data-status', 'ready')
  // The panel's other parts once squeezed the switch (overflow: hidden) to nothing under them.
  const alerts = page.getByRole('group', { name: 'Results view' }).getByRole('button', { name: 'Alerts', exact: true })
  const box = await alerts.boundingBox()
  expect(box?.height ?? 0).toBeGreaterThan(12)
  await alerts.click()
  await expect(alerts).toHaveAttribute('aria-pressed', 'true')
})
