import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { configureGuideMarkdown, guideTree, type GuideNode } from './guide-tree'
import { safeHref } from './safe-href'

/**
 * Issue 9: the obfuscated forms of script URLs and raw HTML that filters commonly miss (entities,
 * control characters and whitespace inside the scheme, reference-style links, autolinks, HTML
 * split across Markdown constructs), through the guide's parser and the link check. Complements
 * guide-tree.test.ts and safe-href.test.ts, which hold the plain cases.
 */

const md = configureGuideMarkdown(MarkdownIt)

function all(nodes: readonly GuideNode[]): GuideNode[] {
  return nodes.flatMap((n) => (n.kind === 'element' ? [n, ...all(n.children)] : [n]))
}
const links = (nodes: readonly GuideNode[]): string[] => all(nodes).flatMap((n) => (n.kind === 'element' && n.tag === 'a' ? [n.href ?? ''] : []))
const textOf = (nodes: readonly GuideNode[]): string => nodes.map((n) => (n.kind === 'text' ? n.text : n.kind === 'image' ? n.alt : textOf(n.children))).join('')

/** Script-bearing URL spellings a browser would still run or load. */
const SCRIPT_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'jav&#x61;script:alert(1)',
  'jav&#97;script:alert(1)',
  '&#106;avascript:alert(1)',
  'java%73cript:alert(1)',
  'java\tscript:alert(1)',
  ' javascript:alert(1)',
  '\u0001javascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'livescript:alert(1)',
]

describe('a hostile investigation guide', () => {
  it.each(SCRIPT_URLS)('never links %j, inline, by reference, or as an image', (url) => {
    const tree = guideTree(md, `[inline](${url})\n\n[by ref][r]\n\n![pic](${url})\n\n[r]: ${url}\n`)
    expect(links(tree)).toEqual([])
    expect(all(tree).some((n) => n.kind === 'element' && (n.tag as string) === 'img')).toBe(false)
    expect(JSON.stringify(tree)).not.toMatch(/"href":"(?!https?:|mailto:)/)
  })

  it('keeps autolinks to script schemes as text', () => {
    const tree = guideTree(md, '<javascript:alert(1)> and <vbscript:x> and <data:text/html,x>')
    expect(links(tree)).toEqual([])
    expect(textOf(tree)).toContain('<javascript:alert(1)>')
  })

  it('shows raw HTML split across Markdown constructs as text', () => {
    const source = ['<scr', 'ipt>alert(1)</script>', '', '* <img src=x', '  onerror=alert(1)>', '', '> <svg/onload=alert(1)>', '', '| a | <iframe srcdoc="<script>alert(1)</script>"> |', '|---|---|', '| 1 | 2 |'].join('\n')
    const tree = guideTree(md, source)
    const text = textOf(tree)
    expect(text).toContain('<svg/onload=alert(1)>')
    expect(text).toContain('onerror=alert(1)>')
    expect(text).toContain('<iframe srcdoc="<script>alert(1)</script>">')
    // only the allow-listed tags, never one named by the source
    const tags = new Set(all(tree).flatMap((n) => (n.kind === 'element' ? [n.tag as string] : [])))
    for (const tag of ['script', 'img', 'svg', 'iframe']) expect(tags.has(tag)).toBe(false)
  })

  it('keeps an http(s) link whose text is a payload, the payload as text', () => {
    const tree = guideTree(md, '[<img src=x onerror=alert(1)>](https://example.org/x "<script>t</script>")')
    expect(links(tree)).toEqual(['https://example.org/x'])
    expect(textOf(tree)).toBe('<img src=x onerror=alert(1)>')
    // no attribute but href survives: the title is dropped
    expect(JSON.stringify(tree)).not.toContain('<script>t</script>')
  })
})

describe('safeHref on obfuscated script URLs', () => {
  it.each(SCRIPT_URLS)('refuses %j', (url) => {
    expect(safeHref(url)).toBeNull()
    expect(safeHref(url, { mailto: true })).toBeNull()
  })

  it('normalises what it keeps, so a link cannot smuggle quotes or spaces', () => {
    expect(safeHref('https://example.org/"><script>x</script>')).toBe('https://example.org/%22%3E%3Cscript%3Ex%3C/script%3E')
  })
})
