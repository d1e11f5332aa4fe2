import type { Page } from '@playwright/test'
import { buildSchema, compileExplainEql, compileExplainKql, excludedEvents } from '../src/engine'
import { EXAMPLES } from '../src/examples'
import { PERIODIC_TASKS_KQL } from '../src/examples/periodic-tasks'
import { expect, results, runStatus, test } from './fixtures'

/**
 * Match states on the first-visit example (Login/Logout Hook, current version): every row says
 * whether the rule matched it, did not, or matched it but for an exclusion. The JAMF events are
 * "excluded by" the rule's JAMF `not process.args : (...)` list, and the count line and "Why?" say
 * so. Expected numbers come from the example's data: matches from its labels, exclusions from the
 * engine's exclusion verdict run here in Node over the same events, cross-checked against the
 * events whose arguments name the JAMF scripts.
 */

test.describe.configure({ timeout: 60_000 })

const ex = EXAMPLES.find((e) => e.id === 'login-logout-hook')
if (!ex) throw new Error('no login-logout-hook example')
const events = ex.events.map((e) => e.event)
const matched = ex.events.flatMap((e, i) => (e.expect === 'match' ? [i] : []))
const schema = buildSchema({ ecs: true, events }).schema
const explainer = compileExplainEql(ex.query, { schema }).explainer
if (explainer === null) throw new Error('the example does not compile')
const excluded = excludedEvents(explainer, events)
const excludedIdx = excluded.map((e) => e.index)

/** The query text under the editor's hovered-span decoration. */
async function highlighted(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const model = window.__rp?.queryEditor?.getModel()
    const d = model?.getAllDecorations().find((x) => x.options.className === 'rp-hovered-span')
    return model && d ? model.getValueInRange(d.range) : null
  })
}

const row = (page: Page, i: number) => results(page).locator(`[role="listitem"][data-event-index="${i}"]`)

test('JAMF events are "excluded by" the JAMF clause; others matched or no match; the count says how many', async ({ page }) => {
  // the data agrees with itself: the events the engine excludes are the labelled non-matches whose arguments name the JAMF scripts
  const jamf = ex.events.flatMap((e, i) => (e.expect === 'no-match' && JSON.stringify(e.event).includes('JAMF/ManagementFrameworkScripts') ? [i] : []))
  expect(jamf.length).toBeGreaterThan(0)
  expect(excludedIdx).toEqual(jamf)

  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 })
  const count = page.getByTestId('match-count')
  const n = excludedIdx.length
  await expect(count).toHaveText(new RegExp(`^${matched.length} matches of ${events.length} events · ${n} excluded \\(${n} by the query\\) · `))
  await expect(page.getByTestId('excluded-count')).toHaveAttribute('data-by-query', String(n))

  for (let i = 0; i < events.length; i++) {
    const state = excludedIdx.includes(i) ? 'excluded-by-query' : matched.includes(i) ? 'matched' : 'no-match'
    await row(page, i).scrollIntoViewIfNeeded()
    await expect(row(page, i), `event #${i}`).toHaveAttribute('data-match-state', state)
  }

  // the badge names the clause compactly; its tooltip names the element that matched and the value seen
  for (const e of excluded) {
    const badge = row(page, e.index).getByTestId('match-state-badge')
    await expect(badge).toHaveText(/^excluded by not process\.args : \(…\)$/)
    const fired = e.exclusions[0]
    expect(fired?.field).toBe('process.args')
    const value = String(fired?.values[0])
    expect(value).toContain('JAMF')
    await expect(badge).toHaveAttribute('title', new RegExp(`^excluded by not process\\.args : \\(.*\\): process\\.args .*${escape(value)}.* matched ${escape(fired?.leaf.text ?? '')}`))
  }

  // pointing at a badge lights the JAMF clause in the editor
  const first = excludedIdx[0] as number
  await row(page, first).getByTestId('match-state-badge').hover()
  await expect.poll(() => highlighted(page)).toMatch(/^not process\.args :\s*\(\s*"Support\/JAMF[^]*\)$/)
  await page.getByTestId('match-count').hover()
  await expect.poll(() => highlighted(page)).toBeNull()

  // a matched row and a plain non-match carry no exclusion badge
  await expect(row(page, matched[0] as number).getByTestId('match-state-badge')).toHaveCount(0)

  // only the excluded ones: the list under the results, grouped by the exclusion that took them out
  const list = page.getByTestId('excluded-events')
  await expect(list).toHaveAttribute('data-count', String(n))
  await list.locator('summary').click()
  const group = list.getByRole('region', { name: /^Excluded by not process\.args :/ })
  await expect(group.getByRole('button')).toHaveText(excludedIdx.map((i) => `#${i}`))
  await group.getByRole('button', { name: `#${first}` }).click()
  await expect(row(page, first)).toHaveAttribute('aria-current', 'true')
})

test('selecting a JAMF event: "Why?" opens with the exclusion sentence', async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 })
  const target = excluded[0]
  if (!target) throw new Error('no excluded event')
  await expect(row(page, target.index)).toHaveAttribute('data-match-state', 'excluded-by-query')
  await row(page, target.index).locator('.event-index').click()

  const explain = page.getByTestId('explain')
  await expect(explain).toHaveAttribute('data-status', 'ready')
  const sentence = explain.getByTestId('explain-state')
  const fired = target.exclusions[0]
  await expect(sentence).toHaveText(new RegExp(`^Matched but excluded by \`not process\\.args : \\(…\\)\` \\(process\\.args "${escape(String(fired?.values[0]))}" matched ${escape(fired?.leaf.text ?? '')}\\)\\.$`))
  // it is the first thing under the heading
  const firstBelowHeading = await explain.evaluate((el) => el.querySelector('header')?.nextElementSibling?.getAttribute('data-testid') ?? null)
  expect(firstBelowHeading).toBe('explain-state')
  // in the tree, the excluding clause is the `not` over the JAMF list, labelled so
  const excluding = explain.locator('[data-testid="explain-node"][data-excludes="true"]')
  await expect(excluding).toHaveCount(1)
  await expect(excluding).toHaveAttribute('data-kind', 'not')
  await expect(excluding).toHaveAttribute('data-value', 'false')
  await expect(excluding).toContainText('excludes the event')

  // a matched event's explanation has no such sentence
  await row(page, matched[0] as number).locator('.event-index').click()
  await expect(explain).toHaveAttribute('data-outcome', 'true')
  await expect(explain.getByTestId('explain-state')).toHaveCount(0)
})

test('KQL: the Periodic Tasks rule excludes a deletion by its `not event.type:"deletion"`', async ({ page }) => {
  const kqlEvents = PERIODIC_TASKS_KQL.events.map((e) => e.event)
  const x = compileExplainKql(PERIODIC_TASKS_KQL.query, { schema: buildSchema({ ecs: true, events: kqlEvents }).schema }).explainer
  if (x === null) throw new Error('the KQL example does not compile')
  x.bindEvents(kqlEvents)
  const out = excludedEvents(x, kqlEvents)
  expect(out.length).toBeGreaterThan(0)
  const kqlMatched = PERIODIC_TASKS_KQL.events.flatMap((e, i) => (e.expect === 'match' ? [i] : []))

  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 })
  await page.getByRole('button', { name: 'Examples', exact: true }).click()
  await page.getByRole('dialog', { name: 'Examples' }).getByRole('button', { name: PERIODIC_TASKS_KQL.title.replaceAll('`', '') }).click()
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const n = out.length
  await expect(page.getByTestId('match-count')).toHaveText(
    new RegExp(`^${kqlMatched.length} matches of ${kqlEvents.length} events · ${n} excluded \\(${n} by the query\\) · `),
  )
  for (const e of out) {
    const hit = e.exclusions[0]
    await row(page, e.index).scrollIntoViewIfNeeded()
    await expect(row(page, e.index)).toHaveAttribute('data-match-state', 'excluded-by-query')
    await expect(row(page, e.index).getByTestId('match-state-badge')).toHaveText(`excluded by ${hit?.clause.text ?? ''}`)
  }
  await expect(row(page, kqlMatched[0] as number)).toHaveAttribute('data-match-state', 'matched')
})

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
