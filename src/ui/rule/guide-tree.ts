import type { default as MarkdownItCallable, MarkdownIt, Token } from 'markdown-it'
import { safeHref } from './safe-href'

/**
 * The investigation guide (the rule's `note`, Markdown) as a small tree of allow-listed elements,
 * which GuideView turns into React elements. The guide comes from imported rule files, so it is
 * untrusted: markdown-it runs with raw HTML off (`<script>` stays text), links are kept only for
 * absolute http(s) and mailto: URLs, images become their alt text (an <img> would fetch from
 * another origin), and no attribute but a checked `href` and a list's `start` survives (no inline
 * styles, not even table alignment). Going through tokens instead of markdown-it's HTML string
 * means nothing is ever parsed as HTML by the page.
 */

/** The elements a guide may contain; headings are demoted so they sit under the panel's own. */
export type GuideTag =
  | 'p' | 'h3' | 'h4' | 'h5' | 'h6' | 'ul' | 'ol' | 'li' | 'blockquote' | 'pre' | 'code'
  | 'strong' | 'em' | 's' | 'a' | 'hr' | 'br' | 'table' | 'thead' | 'tbody' | 'tr' | 'th' | 'td'

export type GuideNode =
  | { readonly kind: 'text'; readonly text: string }
  /** an image, shown as its alt text and never loaded */
  | { readonly kind: 'image'; readonly alt: string }
  | { readonly kind: 'element'; readonly tag: GuideTag; readonly children: GuideNode[]; readonly href?: string; readonly start?: number }

const KEPT: ReadonlySet<string> = new Set(['p', 'ul', 'ol', 'li', 'blockquote', 'code', 'strong', 'em', 's', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td'])
const HEADINGS: Readonly<Record<string, GuideTag>> = { h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6', h5: 'h6', h6: 'h6' }

/**
 * The markdown-it settings of the guide: raw HTML as text, safe links only. No linkify: a bare URL
 * inside text that was meant as raw HTML (`<iframe src="…">`) would otherwise become a link;
 * written links and `<https://…>` autolinks still are.
 */
export function configureGuideMarkdown(Markdown: typeof MarkdownItCallable): MarkdownIt {
  const md = new Markdown({ html: false, linkify: false, typographer: false, breaks: false })
  // A link markdown-it refuses stays literal text: `[x](javascript:alert(1))` is shown as written.
  md.validateLink = (url: string) => safeHref(url, { mailto: true }) !== null
  return md
}

function tagOf(token: Token): GuideTag | null {
  const heading = HEADINGS[token.tag]
  if (heading !== undefined) return heading
  return KEPT.has(token.tag) ? (token.tag as GuideTag) : null
}

/** Appends tokens to `root`; a stack of child lists follows markdown-it's open/close nesting. */
function walk(tokens: readonly Token[], root: GuideNode[]): void {
  const stack: GuideNode[][] = [root]
  const top = (): GuideNode[] => stack[stack.length - 1] ?? root
  for (const token of tokens) {
    if (token.nesting === -1) {
      if (stack.length > 1) stack.pop()
      continue
    }
    if (token.nesting === 1) {
      const element = openElement(token)
      if (element === null) stack.push(top()) // not kept (a hidden paragraph, an unsafe link): its content joins the parent
      else {
        top().push(element)
        stack.push(element.children)
      }
      continue
    }
    leaf(token, top())
  }
}

function openElement(token: Token): (GuideNode & { kind: 'element' }) | null {
  if (token.hidden) return null
  if (token.type === 'link_open') {
    const href = safeHref(String(token.attrGet('href') ?? ''), { mailto: true })
    return href === null ? null : { kind: 'element', tag: 'a', children: [], href }
  }
  const tag = tagOf(token)
  if (tag === null) return null
  const start = Number(token.attrGet('start'))
  return tag === 'ol' && Number.isInteger(start) && start > 0 ? { kind: 'element', tag, children: [], start } : { kind: 'element', tag, children: [] }
}

function leaf(token: Token, into: GuideNode[]): void {
  switch (token.type) {
    case 'inline':
      walk(token.children ?? [], into)
      return
    case 'text':
      into.push({ kind: 'text', text: token.content })
      return
    case 'softbreak':
      into.push({ kind: 'text', text: '\n' })
      return
    case 'hardbreak':
      into.push({ kind: 'element', tag: 'br', children: [] })
      return
    case 'hr':
      into.push({ kind: 'element', tag: 'hr', children: [] })
      return
    case 'code_inline':
      into.push({ kind: 'element', tag: 'code', children: [{ kind: 'text', text: token.content }] })
      return
    case 'fence':
    case 'code_block':
      into.push({ kind: 'element', tag: 'pre', children: [{ kind: 'element', tag: 'code', children: [{ kind: 'text', text: token.content }] }] })
      return
    case 'image':
      into.push({ kind: 'image', alt: token.content })
      return
    default:
      // Anything else (html_block and html_inline cannot occur with html off) is shown as its text.
      if (token.content !== '') into.push({ kind: 'text', text: token.content })
  }
}

/** The guide's tree; an empty list for an empty guide. */
export function guideTree(md: MarkdownIt, source: string): GuideNode[] {
  const root: GuideNode[] = []
  walk(md.parse(source, {}), root)
  return root
}
