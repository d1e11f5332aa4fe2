import { createElement, type ReactNode } from 'react'
import type { GuideNode } from './guide-tree'
import { OUTSIDE_LINK } from './safe-href'

/**
 * React elements for a guide tree (guide-tree.ts). Only the tree's allow-listed tags are created,
 * with no attribute but a checked link's href (plus target and rel) and a list's start; an image is
 * its alt text in a span, never an <img>. Kept apart from GuideView so a test can render it.
 */
export function guideElements(nodes: readonly GuideNode[]): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.kind === 'text') return node.text
    if (node.kind === 'image') return createElement('span', { key: i, className: 'guide-image', title: 'Image not loaded' }, node.alt === '' ? 'image' : node.alt)
    if (node.tag === 'a') return createElement('a', { key: i, href: node.href, ...OUTSIDE_LINK }, ...guideElements(node.children))
    if (node.tag === 'hr' || node.tag === 'br') return createElement(node.tag, { key: i })
    return createElement(node.tag, node.start === undefined ? { key: i } : { key: i, start: node.start }, ...guideElements(node.children))
  })
}
