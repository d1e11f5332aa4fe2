import type { Page } from '@playwright/test'
import { expect, results, runStatus } from './fixtures'

/**
 * Script payloads and the checks that none ran, shared by the hostile-input journeys (issue 9):
 * e2e/hostile-input.spec.ts (share links, imported rules) and e2e/hostile-files.spec.ts (event
 * files, refused files, pasted binary text).
 */

/** Every payload sets this window property (and opens a dialog) if it ever runs. */
export const FLAG = '__pwned'
export const run = (where: string) => `window.${FLAG}='${where}';alert('${where}')`
// No double quotes: values stay plain inside EQL strings and the field tree's JSON rendering.
export const img = (where: string) => `<img src=x onerror=${run(where)}>`
export const script = (where: string) => `<script>${run(where)}</script>`
export const svg = (where: string) => `<svg onload=${run(where)}>`
export const iframe = (where: string) => `<iframe src=javascript:${run(where)}></iframe>`

/** Hostile field name and values of the events in links and files. */
export const FIELD = svg('field name')
export const NAME = img('process.name')
export const ARGS = script('process.args')
export const HOST = iframe('host.name')

export const at = (s: number): string => `2024-05-02T10:00:${String(s).padStart(2, '0')}Z`

/** Collects dialogs (alert, confirm, prompt): a payload that ran would open one. */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  return dialogs
}

/**
 * Nothing from a payload became live: no inline event handler on any element, no script, frame
 * or object carrying the flag, no javascript:/data:/vbscript: URL in a link or source, and the
 * flag unset. Attributes that hold a payload as text (title, aria-label) are fine: they are text.
 */
export async function expectInert(page: Page, dialogs: readonly string[]): Promise<void> {
  const found = await page.evaluate((flag) => {
    const bad: string[] = []
    for (const el of document.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase()
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(`<${tag} ${a.name}=${a.value}>`)
        const url = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data'].includes(a.name)
        if (url && /^\s*(javascript|vbscript):/i.test(a.value)) bad.push(`<${tag} ${a.name}=${a.value}>`)
        // data: URLs in content elements (the page's own <link rel=icon href="data:,"> is not content)
        if (url && tag !== 'link' && /^\s*data:/i.test(a.value)) bad.push(`<${tag} ${a.name}=${a.value}>`)
      }
      if (['script', 'iframe', 'object', 'embed', 'frame', 'img', 'svg', 'video', 'audio', 'base', 'meta', 'link', 'style', 'form'].includes(tag) && el.outerHTML.includes(flag)) bad.push(el.outerHTML.slice(0, 120))
    }
    return { bad, flag: (window as unknown as Record<string, unknown>)[flag] ?? null }
  }, FLAG)
  expect(found.bad, 'live elements from a payload').toEqual([])
  expect(found.flag, 'the flag a payload would set').toBeNull()
  expect(dialogs, 'dialogs a payload would open').toEqual([])
}

export const idle = (page: Page) => expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 })

/**
 * Opens the page and waits until its first run is done and both editors are mounted: Monaco loads
 * after the first paint, and on the busy dev server that can take longer than a default wait.
 */
export async function openPage(page: Page, path = '/'): Promise<void> {
  await page.goto(path)
  await idle(page)
  for (const name of ['Rule query', 'Events']) await expect(page.getByLabel(name, { exact: true })).toBeVisible({ timeout: 30_000 })
}
export const matchCount = (page: Page) => page.getByTestId('match-count')
export const row = (page: Page, i: number) => results(page).locator(`[data-event-index="${i}"]`)

/** Opens event `i`'s field tree with every branch expanded. */
export async function fieldTree(page: Page, i: number) {
  await row(page, i).getByRole('button', { name: 'Fields' }).click()
  const tree = row(page, i).getByRole('tree', { name: `Fields of event ${i}` })
  await expect(tree).toBeVisible()
  const expand = tree.getByRole('button', { name: /^Expand / })
  while ((await expand.count()) > 0) await expand.first().click()
  return tree
}
