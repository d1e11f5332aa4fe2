import { readFileSync } from 'node:fs'
import { parse } from 'smol-toml'
import { expect, results, runStatus, setEvents, setQuery, test } from './fixtures'

/**
 * The seed rules, typed into the real page over their example events: the page must show exactly
 * the matches our fixtures expect (src/fixtures/{eql,kql}/seeds.toml, which `npm run conformance`
 * checks against the engine alone). Expectations are read from those files, not repeated here.
 */

interface SeedCase {
  readonly name: string
  readonly language: 'eql' | 'kql'
  readonly query: string
  readonly expected_event_ids: readonly string[]
}

const SEEDS = [
  ['src/fixtures/eql/seeds.toml', 'seed login hook (in version)'],
  ['src/fixtures/eql/seeds.toml', 'seed login hook (current version)'],
  ['src/fixtures/eql/seeds.toml', 'seed launchdaemon sequence (deprecated)'],
  ['src/fixtures/eql/seeds.toml', 'seed launchdaemon sequence (successor)'],
  ['src/fixtures/eql/seeds.toml', 'seed periodic tasks'],
  ['src/fixtures/eql/seeds.toml', 'seed directoryservice plugin'],
  ['src/fixtures/kql/seeds.toml', 'seed periodic tasks (kql)'],
  ['src/fixtures/kql/seeds.toml', 'seed directoryservice plugin (kql)'],
] as const

function seedCase(file: string, name: string): SeedCase {
  const suite = parse(readFileSync(file, 'utf8')) as unknown as { cases: SeedCase[] }
  const found = suite.cases.find((c) => c.name === name)
  if (!found) throw new Error(`no case "${name}" in ${file}`)
  return found
}

const events = readFileSync('src/fixtures/eql/events/seeds.ndjson', 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { id: string })
const idAt = (index: string | null): string => events[Number(index)]?.id ?? `?${index}`

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
})

for (const [file, name] of SEEDS) {
  const c = seedCase(file, name)
  const sequence = /^\s*sequence\b/.test(c.query)
  test(`${c.language.toUpperCase()} ${name}: the page shows the expected matches`, async ({ page }) => {
    await page.getByRole('radio', { name: c.language.toUpperCase(), exact: true }).check()
    await setEvents(page, events)
    await setQuery(page, c.query)
    await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
    if (sequence) {
      // sequences of two stages: the ids list every sequence's events in order
      const count = c.expected_event_ids.length / 2
      await expect(page.getByTestId('match-count')).toHaveText(new RegExp(`^${count} sequences? `))
      const shown = results(page).locator('[role="group"] [data-event-index]')
      await expect(shown).toHaveCount(c.expected_event_ids.length)
      const ids = (await shown.evaluateAll((els) => els.map((e) => e.getAttribute('data-event-index')))).map(idAt)
      expect(ids).toEqual(c.expected_event_ids)
    } else {
      const n = c.expected_event_ids.length
      await expect(page.getByTestId('match-count')).toHaveText(new RegExp(`^${n} match(es)? of ${events.length} events`))
      await page.getByLabel('Only matches').check()
      const shown = results(page).locator('[data-match="true"]')
      await expect(shown).toHaveCount(n)
      const ids = (await shown.evaluateAll((els) => els.map((e) => e.getAttribute('data-event-index')))).map(idAt)
      expect([...ids].sort()).toEqual([...c.expected_event_ids].sort())
    }
  })
}
