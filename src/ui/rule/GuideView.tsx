import { useEffect, useMemo, useState } from 'react'
import type { MarkdownIt } from 'markdown-it'
import { guideElements } from './guide-elements'
import { configureGuideMarkdown, guideTree } from './guide-tree'

/** One markdown-it for the page, loaded on first use (markdown-it stays out of the first bundle). */
let loading: Promise<MarkdownIt> | null = null
function loadMarkdown(): Promise<MarkdownIt> {
  loading ??= import('markdown-it').then((m) => configureGuideMarkdown(m.default))
  return loading
}

/**
 * The investigation guide rendered from its Markdown through the allow-listed tree of
 * guide-tree.ts: React creates every element, so no markup from the guide is ever parsed as HTML.
 * Until markdown-it has loaded (or if it fails to), the guide shows as plain text.
 */
export default function GuideView({ note }: { note: string }) {
  const [md, setMd] = useState<MarkdownIt | null>(null)
  useEffect(() => {
    let live = true
    loadMarkdown().then(
      (loaded) => live && setMd(() => loaded),
      () => undefined, // stays plain text
    )
    return () => {
      live = false
    }
  }, [])
  const tree = useMemo(() => (md === null ? null : guideTree(md, note)), [md, note])
  if (tree === null) return <pre className="rule-guide is-plain">{note}</pre>
  return (
    <div className="rule-guide" data-testid="rule-guide">
      {guideElements(tree)}
    </div>
  )
}
