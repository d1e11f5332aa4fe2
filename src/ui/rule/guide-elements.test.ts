import MarkdownIt from 'markdown-it'
import { createElement, Fragment } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { guideElements } from './guide-elements'
import { configureGuideMarkdown, guideTree } from './guide-tree'

const md = configureGuideMarkdown(MarkdownIt)
const html = (source: string): string => renderToStaticMarkup(createElement(Fragment, null, ...guideElements(guideTree(md, source))))

describe('guideElements', () => {
  it('turns a hostile guide into escaped text: no element or attribute of its own reaches the page', () => {
    const out = html([
      '# Triage', '', '<script>alert(1)</script>', '', 'a <img src=x onerror=alert(2)> b', '',
      '[x](javascript:alert(1)) ![img](http://evil/x.png)', '', '<iframe src="http://evil/"></iframe>', '',
      '| a |', '|:-:|', '| 1 |', '', '[ok](https://example.org/) <a href="javascript:alert(3)">raw</a>',
    ].join('\n'))
    expect(out).toContain('<h3>Triage</h3>')
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(out).toContain('&lt;img src=x onerror=alert(2)&gt;')
    expect(out).toContain('&lt;iframe')
    expect(out).not.toMatch(/<(img|script|iframe)\b/)
    // the page's own tags (escaped text has no raw '<'): allow-listed names, no style or handler
    const tags = out.match(/<[a-z][^>]*>/g) ?? []
    expect(new Set(tags.map((t) => /^<([a-z0-9]+)/.exec(t)?.[1]))).toEqual(new Set(['h3', 'p', 'a', 'span', 'table', 'thead', 'tr', 'th', 'tbody', 'td']))
    expect(tags.filter((t) => /\s(style|on\w+)=/.test(t))).toEqual([])
    expect(tags.filter((t) => t.startsWith('<a ')).map((t) => /href="([^"]*)"/.exec(t)?.[1])).toEqual(['https://example.org/'])
    expect(out).toContain('<a href="https://example.org/" target="_blank" rel="noopener noreferrer">ok</a>')
    expect(out).toContain('<span class="guide-image" title="Image not loaded">img</span>')
  })
})
