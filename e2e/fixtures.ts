import { expect, test as base, type Page } from '@playwright/test'

/**
 * Every test gets a guard that fails it on any request to another origin (the page must work
 * offline and leak nothing), on console errors, on uncaught page errors and on HTTP errors.
 */
export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin
      const issues: string[] = []
      page.on('request', (r) => {
        const url = r.url()
        if (!url.startsWith(origin + '/') && url !== origin && !url.startsWith('data:') && !url.startsWith('blob:')) issues.push(`off-origin request: ${url}`)
      })
      page.on('console', (m) => {
        if (m.type() === 'error') issues.push(`console error: ${m.text()}`)
      })
      page.on('pageerror', (e) => issues.push(`page error: ${e.message}`))
      page.on('response', (r) => {
        if (r.status() >= 400) issues.push(`HTTP ${r.status()}: ${r.url()}`)
      })
      await use()
      expect(issues, 'page guard').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

/** Replaces the query; callers then wait on `data-run-status` and on what the new run shows. */
export async function setQuery(page: Page, query: string): Promise<void> {
  await page.getByLabel('Rule query').fill(query)
}

/** Replaces the events text with NDJSON of `events`. */
export async function setEvents(page: Page, events: readonly object[]): Promise<void> {
  await page.getByLabel('Events', { exact: true }).fill(events.map((e) => JSON.stringify(e)).join('\n'))
}

export const runStatus = (page: Page) => page.getByTestId('run-status')
export const results = (page: Page) => page.getByRole('list', { name: 'Results' })
export const matches = (page: Page) => results(page).locator('[data-match="true"]')
