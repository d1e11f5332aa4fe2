/**
 * The built app's Content Security Policy, as data, and the Vite plugin that writes it into the
 * built index.html. The policy travels with the files as a <meta> tag, so it holds on any static
 * host, including one that sends no headers; docs/security.md says why each directive is there and
 * which headers a host should add (a meta policy cannot carry frame-ancestors or reporting).
 *
 * Build only: the dev server needs inline scripts (React refresh) and eval-based source maps.
 */
import type { HtmlTagDescriptor, Plugin } from 'vite'

export type CspPolicy = Readonly<Record<string, readonly string[]>>

/**
 * As tight as the app allows. Everything not named falls back to default-src 'none' (frames,
 * media, manifests, prefetches). The exceptions, each confirmed against the built app:
 * - style-src 'unsafe-inline': Monaco writes <style> elements at run time (theme colours, token
 *   classes, decorations); without it the editor has no colours, cursor or squiggles.
 * - img-src data:: Monaco's stylesheet draws small icons as data: SVG; the page's icon is `data:,`.
 * Scripts and workers come from the app's own files only: no inline script, no eval, no blob:
 * workers (Vite emits each worker as a file and Monaco is given a factory, so it never falls back
 * to a blob: worker).
 */
export const APP_CSP: CspPolicy = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'worker-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
}

/**
 * Directives a browser ignores in a <meta> policy (CSP3 §3.3: frame-ancestors, report-uri,
 * sandbox); only a response header can carry them.
 */
export const HEADER_ONLY: CspPolicy = {
  'frame-ancestors': ["'none'"],
}

/** `name value value; name value` in the policy's own order. */
export function renderCsp(policy: CspPolicy): string {
  return Object.entries(policy)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ')
}

/** The headers a host serving the build should send (vite preview sends them). */
export function securityHeaders(policy: CspPolicy = APP_CSP): Record<string, string> {
  return {
    'Content-Security-Policy': renderCsp({ ...policy, ...HEADER_ONLY }),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  }
}

/**
 * What in a built page the policy would refuse: inline scripts (a <script> without src), inline
 * event handlers, javascript: URLs, and style attributes unless style-src allows them. The plugin
 * fails the build on any, so a change that adds one is caught at build time, not by a user's
 * blank page.
 */
export function inlineCodeIn(html: string, policy: CspPolicy = APP_CSP): string[] {
  const found: string[] = []
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1] ?? ''
    if (!/\ssrc\s*=/i.test(attrs) && (m[2] ?? '').trim() !== '') found.push(`inline <script>: ${(m[2] ?? '').trim().slice(0, 60)}`)
  }
  for (const m of html.matchAll(/<[a-z][^>]*?\s(on[a-z]+)\s*=/gi)) found.push(`inline event handler: ${m[1]}`)
  const inlineStyles = (policy['style-src'] ?? policy['default-src'] ?? []).includes("'unsafe-inline'")
  if (!inlineStyles) for (const m of html.matchAll(/<[a-z][^>]*?\sstyle\s*=/gi)) found.push(`style attribute: ${m[0].slice(0, 60)}`)
  if (/\b(?:href|src|action)\s*=\s*["']?\s*javascript:/i.test(html)) found.push('javascript: URL')
  return found
}

/** The tags the plugin puts first in <head>: the policy, then the referrer rule. */
export function cspTags(policy: CspPolicy = APP_CSP): HtmlTagDescriptor[] {
  return [
    // First in <head>: a meta policy governs only what the parser meets after it.
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: renderCsp(policy) }, injectTo: 'head-prepend' },
    // A share link's data sits in the URL fragment, which no Referer carries; this also keeps the
    // path and query out of requests made by outbound links (they carry rel=noreferrer as well).
    { tag: 'meta', attrs: { name: 'referrer', content: 'no-referrer' }, injectTo: 'head-prepend' },
  ]
}

/** Adds the policy to the built index.html and refuses a build whose page the policy would break. */
export function cspPlugin(policy: CspPolicy = APP_CSP): Plugin {
  return {
    name: 'rule-playground-csp',
    apply: 'build',
    transformIndexHtml: {
      // after Vite has written its own script and link tags, so the check sees the final page
      order: 'post',
      handler(html) {
        const found = inlineCodeIn(html, policy)
        if (found.length > 0) throw new Error(`index.html has code the Content Security Policy refuses:\n  ${found.join('\n  ')}`)
        return cspTags(policy)
      },
    },
  }
}
