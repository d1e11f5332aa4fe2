import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { configureGuideMarkdown, guideTree, type GuideNode } from './guide-tree'

const md = configureGuideMarkdown(MarkdownIt)

/** Every node of a tree, depth first. */
function all(nodes: readonly GuideNode[]): GuideNode[] {
  return nodes.flatMap((n) => (n.kind === 'element' ? [n, ...all(n.children)] : [n]))
}
const textOf = (nodes: readonly GuideNode[]): string =>
  nodes.map((n) => (n.kind === 'text' ? n.text : n.kind === 'image' ? n.alt : textOf(n.children))).join('')
const tags = (nodes: readonly GuideNode[]): string[] => all(nodes).flatMap((n) => (n.kind === 'element' ? [n.tag] : []))
const links = (nodes: readonly GuideNode[]): string[] => all(nodes).flatMap((n) => (n.kind === 'element' && n.tag === 'a' ? [n.href ?? ''] : []))

describe('guideTree', () => {
  it('parses with raw HTML off (html tokens are also shown as text, should that change)', () => {
    expect(md.options.html).toBe(false)
    expect(md.options.linkify).toBe(false)
  })

  it('renders headings (demoted under the panel), lists, code and safe links', () => {
    const tree = guideTree(md, '# Triage\n\n## Steps\n\n1. Check `process.args`\n2. See [the docs](https://example.org/a?b=1)\n\n```\nps -ef\n```\n')
    expect(tags(tree)).toEqual(['h3', 'h4', 'ol', 'li', 'code', 'li', 'a', 'pre', 'code'])
    expect(textOf(tree)).toContain('Triage')
    expect(links(tree)).toEqual(['https://example.org/a?b=1'])
  })

  it('keeps a hostile guide as text: no script, no image, no javascript: link, no iframe', () => {
    const hostile = [
      '## Investigate',
      '<script>alert(1)</script>',
      '',
      'Look <img src=x onerror="alert(2)"> here.',
      '',
      '[x](javascript:alert(1)) and [y](JAVASCRIPT:alert(3)) and [d](data:text/html,hi) and [rel](/local)',
      '',
      '![img](http://evil/x.png)',
      '',
      '<iframe src="https://evil.example/"></iframe>',
    ].join('\n')
    const tree = guideTree(md, hostile)
    const text = textOf(tree)
    expect(text).toContain('<script>alert(1)</script>')
    expect(text).toContain('<img src=x onerror="alert(2)">')
    expect(text).toContain('[x](javascript:alert(1))')
    expect(text).toContain('<iframe src="https://evil.example/"></iframe>')
    // the image is its alt text and nothing of it can be fetched
    expect(all(tree).filter((n) => n.kind === 'image')).toEqual([{ kind: 'image', alt: 'img' }])
    expect(links(tree)).toEqual([])
    expect(tags(tree)).not.toContain('img')
    expect(JSON.stringify(tree)).not.toContain('evil/x.png')
  })

  it('links autolinks and mailto:, but not bare URLs or other schemes', () => {
    const tree = guideTree(md, 'See <https://example.org/x> and <mailto:soc@example.org> or [f](file:///etc/passwd) or [v](vbscript:x) or https://bare.example/')
    expect(links(tree)).toEqual(['https://example.org/x', 'mailto:soc@example.org'])
    expect(textOf(tree)).toContain('[f](file:///etc/passwd)')
  })

  it('drops table alignment (no inline styles) and keeps the cells', () => {
    const tree = guideTree(md, '| a | b |\n|:--|--:|\n| 1 | 2 |\n')
    expect(tags(tree)).toEqual(['table', 'thead', 'tr', 'th', 'th', 'tbody', 'tr', 'td', 'td'])
    expect(JSON.stringify(tree)).not.toContain('style')
  })

  it('gives nothing for an empty guide and keeps a list start', () => {
    expect(guideTree(md, '')).toEqual([])
    expect(all(guideTree(md, '3. three\n4. four\n')).find((n) => n.kind === 'element' && n.tag === 'ol')).toMatchObject({ start: 3 })
  })
})
