import type { BrowserContext, Page } from '@playwright/test'

/**
 * The page guard's rules as functions, so they can be tested themselves (e2e/csp.spec.ts) and
 * used on pages a journey opens beyond the fixture's own `page`.
 */

/** Why a request to `url` from a page served at `origin` leaks, or null when it stays home. */
export function offOriginIssue(url: string, origin: string): string | null {
  // data: and blob: never leave the browser; anything else must be the page's own origin.
  if (url.startsWith('data:') || url.startsWith('blob:')) return null
  let target: string
  try {
    target = new URL(url).origin
  } catch {
    return `unparsable request URL: ${url}`
  }
  return target === origin ? null : `off-origin request: ${url}`
}

/** A Content Security Policy violation as the page reported it (securitypolicyviolation event). */
export type Violation = { readonly directive: string; readonly blockedURI: string }

declare global {
  interface Window {
    __cspViolations?: Violation[]
  }
}

/**
 * Records every CSP violation of the context's pages in `window.__cspViolations`. An init script
 * runs before the page's own scripts (and is exempt from its policy), so nothing is missed.
 */
export async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: Violation[] = (window.__cspViolations = [])
    document.addEventListener('securitypolicyviolation', (e) => seen.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI }))
  })
}

/** The violations recorded so far in `page` (see recordViolations). */
export function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => window.__cspViolations ?? [])
}

/**
 * Watches `page` as the fixtures' guard does (off-origin requests, console errors, page errors,
 * HTTP errors) and returns the live list of what it saw. Chromium reports each CSP refusal as a
 * console error, so a policy violation lands here too.
 */
export function watchPage(page: Page, origin: string): string[] {
  const issues: string[] = []
  page.on('request', (r) => {
    const issue = offOriginIssue(r.url(), origin)
    if (issue !== null) issues.push(issue)
  })
  page.on('console', (m) => {
    if (m.type() === 'error') issues.push(`console error: ${m.text()}`)
  })
  page.on('pageerror', (e) => issues.push(`page error: ${e.message}`))
  page.on('response', (r) => {
    if (r.status() >= 400) issues.push(`HTTP ${r.status()}: ${r.url()}`)
  })
  return issues
}
