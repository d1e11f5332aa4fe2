import { describe, expect, it } from 'vitest'
import { build } from 'vite'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { APP_CSP, cspPlugin, cspTags, inlineCodeIn, renderCsp, securityHeaders } from './vite-csp'

/** The policy as directive -> sources, parsed back from the rendered string. */
function parse(policy: string): Map<string, string[]> {
  return new Map(policy.split('; ').map((d) => {
    const [name = '', ...values] = d.split(' ')
    return [name, values] as const
  }))
}

describe('the app policy', () => {
  it('renders every directive in order, separated by "; "', () => {
    expect(renderCsp({ 'default-src': ["'none'"], 'img-src': ["'self'", 'data:'] })).toBe("default-src 'none'; img-src 'self' data:")
    expect(renderCsp(APP_CSP)).toBe(
      "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    )
  })

  it('allows scripts and workers from the app only: no inline script, no eval, no blob:, no other host', () => {
    const p = parse(renderCsp(APP_CSP))
    expect(p.get('default-src')).toEqual(["'none'"])
    expect(p.get('script-src')).toEqual(["'self'"])
    expect(p.get('worker-src')).toEqual(["'self'"])
    expect(p.get('connect-src')).toEqual(["'self'"])
    // 'unsafe-inline' only for styles (Monaco's run-time <style> elements)
    for (const [name, values] of p) {
      expect(values.filter((v) => v === "'unsafe-eval'" || v === 'blob:' || v === '*' || /^https?:/.test(v)), name).toEqual([])
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'")
    }
  })

  it('leaves header-only directives out of the meta tag and puts them in the headers', () => {
    const meta = cspTags()[0]
    expect(meta).toMatchObject({ tag: 'meta', injectTo: 'head-prepend', attrs: { 'http-equiv': 'Content-Security-Policy' } })
    expect(String(meta?.attrs?.['content'])).not.toContain('frame-ancestors')
    const headers = securityHeaders()
    expect(headers['Content-Security-Policy']).toBe(`${renderCsp(APP_CSP)}; frame-ancestors 'none'`)
    expect(headers['Referrer-Policy']).toBe('no-referrer')
  })
})

describe('inlineCodeIn', () => {
  it('finds what the policy would refuse in a page', () => {
    expect(inlineCodeIn('<script type="module" crossorigin src="/assets/index.js"></script><script src="/a.js"> </script>')).toEqual([])
    expect(inlineCodeIn('<script>window.x = 1</script>')).toEqual(['inline <script>: window.x = 1'])
    expect(inlineCodeIn('<script type="module">import "/src/main.tsx"</script>')).toHaveLength(1)
    expect(inlineCodeIn('<body onload="go()">')).toEqual(['inline event handler: onload'])
    expect(inlineCodeIn('<a href="javascript:alert(1)">x</a>')).toEqual(['javascript: URL'])
  })

  it('flags style attributes only when style-src does not allow inline styles', () => {
    expect(inlineCodeIn('<div style="color:red"></div>')).toEqual([])
    expect(inlineCodeIn('<div style="color:red"></div>', { 'style-src': ["'self'"] })).toHaveLength(1)
  })
})

describe('cspPlugin in a real build', () => {
  const page = (body: string) => `<!doctype html><html><head><meta charset="UTF-8" /><title>t</title></head><body>${body}</body></html>`

  async function buildPage(html: string): Promise<string> {
    const root = mkdtempSync(join(tmpdir(), 'vite-csp-test-'))
    writeFileSync(join(root, 'index.html'), html)
    writeFileSync(join(root, 'main.js'), 'document.title = "ok"\n')
    await build({ root, configFile: false, logLevel: 'silent', plugins: [cspPlugin()], build: { outDir: join(root, 'out') } })
    return readFileSync(join(root, 'out', 'index.html'), 'utf8')
  }

  it('puts the policy, then the referrer rule, first in <head>', async () => {
    const html = await buildPage(page('<script type="module" src="/main.js"></script>'))
    const head = html.slice(html.indexOf('<head>') + '<head>'.length).trimStart()
    expect(head).toMatch(/^<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;self&#39;;[^"]*">\s*<meta name="referrer" content="no-referrer">/)
    // the charset declaration stays within the first 1024 bytes, where browsers look for it
    expect(Buffer.byteLength(html.slice(0, html.indexOf('<meta charset') + 30))).toBeLessThan(1024)
  })

  it('fails the build of a page with an inline script', async () => {
    await expect(buildPage(page('<script>window.x = 1</script>'))).rejects.toThrow(/Content Security Policy refuses:\n {2}inline <script>/)
  })
})
