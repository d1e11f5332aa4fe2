/**
 * The app under test: built with Vite into a folder of the bench's own, opened in Chromium with
 * the probes installed before the app's scripts, and ready (Monaco's query editor mounted, the
 * first run idle) before anything is measured, so start-up is never in a figure.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { PROBE_SCRIPT } from './page-probes'
import { call, waitIdle } from './page-calls'

/** `vite build --outDir dir` of the project at `root` (unminified for profiling); throws when it fails. */
export function buildApp(root: string, dir: string, minify = true): void {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js')
  const args = [vite, 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn', ...(minify ? [] : ['--minify', 'false'])]
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal ?? '?'})`)
}

/**
 * Chromium as playwright.config.ts picks it (CHROMIUM_PATH, else Debian's, else Playwright's
 * own), headless, with eager measureUserAgentSpecificMemory.
 */
export function launchBrowser(): Promise<Browser> {
  const envPath = process.env['CHROMIUM_PATH']
  const executablePath = envPath === 'playwright' ? undefined : envPath || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
  const args = ['--enable-blink-features=ForceEagerMeasureMemory']
  if (executablePath) args.push('--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run')
  return chromium.launch({ headless: true, ...(executablePath ? { executablePath } : {}), args })
}

/** A fresh page (first visit, no saved document) of the app at `origin`, ready and idle. */
export async function openApp(browser: Browser, origin: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  await context.addInitScript(PROBE_SCRIPT)
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) problems.push(`off-origin request ${r.url()}`)
  })
  await page.goto(origin + '/')
  // A function, not a string: Playwright evals a string predicate in the page, which the built
  // app's Content Security Policy refuses (no 'unsafe-eval'); page.evaluate of a string is exempt.
  await page.waitForFunction(() => window.__rp?.queryEditor != null && (window as { __bench?: unknown }).__bench != null, undefined, { timeout: 60_000 })
  await waitIdle(page)
  const language = await page.getByRole('radiogroup', { name: 'Rule language' }).getAttribute('data-language')
  if (language !== 'eql') {
    await page.getByRole('radiogroup', { name: 'Rule language' }).getByText('EQL', { exact: true }).click()
    await waitIdle(page)
  }
  const isolated = await call<boolean>(page, 'self.crossOriginIsolated')
  if (!isolated) process.stderr.write('note: the page is not cross-origin isolated; the heap measure will be missing\n')
  if (problems.length > 0) throw new Error(`the page failed to start: ${problems.join('; ')}`)
  return page
}
