import { lazy, memo, Suspense, useMemo, useRef, useState } from 'react'
import type { FieldHit } from '../../engine'
import { usePlayground } from '../use-playground'
import { buildFieldTree, formatScalar, hasSpan, initiallyExpanded, type FieldNode } from './field-tree'
import { includesSorted } from './report-view'
import { useSpanHover } from './use-span-hover'
import { ExcludeButton, isExcludable } from '../tune/ExcludeAction'

// Loaded on first "Exclude…": the popover and the exclusion editor stay out of the initial bundle.
const ExcludePopover = lazy(() => import('../tune/ExcludePopover').then((m) => ({ default: m.ExcludePopover })))

/**
 * One event as a collapsible tree of its fields (ARIA tree: it must not add list items to the
 * Results list). Matched fields are highlighted and linked to their clause: hovering one sets the
 * results-view `hoveredSpan` (the query editor decorates that span), and a span hovered elsewhere
 * highlights the fields whose condition has it.
 */
export const FieldTree = memo(function FieldTree({ event, hits, eventIndex }: { event: unknown; hits: readonly FieldHit[]; eventIndex: number }) {
  const root = useMemo(() => buildFieldTree(event, hits), [event, hits])
  const [open, setOpen] = useState(() => initiallyExpanded(root))
  // Values of a matched event offer "Exclude…" (tuning a false positive out of the rule).
  const matchedEvent = usePlayground((s) => includesSorted(s.report?.matchedIndexes ?? [], eventIndex))
  // where the event matched in the query: in a sequence, names the stage the exclusion belongs to
  const exclusion = useMemo(() => (matchedEvent ? { at: hits.map((h) => h.span.start) } : undefined), [matchedEvent, hits])
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  if (root.kind === 'value') return <code className="field-scalar">{formatScalar(root.value)}</code>
  return (
    <ul className="field-tree" role="tree" aria-label={`Fields of event ${eventIndex}`}>
      {root.children.map((c) => (
        <FieldItem key={c.id} node={c} open={open} toggle={toggle} exclusion={exclusion} />
      ))}
      <Omitted n={root.omitted} />
    </ul>
  )
})

interface ItemProps {
  readonly node: FieldNode
  readonly open: ReadonlySet<string>
  readonly toggle: (id: string) => void
  /** set in a matched event: value leaves get an "Exclude…" action (`at`: offsets of its matched conditions) */
  readonly exclusion?: { readonly at: readonly number[] } | undefined
}

function FieldItem({ node, open, toggle, exclusion }: ItemProps) {
  const matched = node.spans.length > 0
  // A boolean selector: only the fields whose linked state flips re-render on a hover.
  const linked = usePlayground((s) => hasSpan(node, s.hoveredSpan))
  const branch = node.kind !== 'value'
  const expanded = branch && open.has(node.id)
  const hover = useSpanHover(node.spans[0])
  const [excluding, setExcluding] = useState(false)
  const row = useRef<HTMLDivElement>(null)
  const exclusionValue = !branch && exclusion !== undefined && node.path !== '' && isExcludable(node.value) ? node.value : null
  const className = ['field', matched ? 'field-hit' : '', linked ? 'field-linked' : ''].filter(Boolean).join(' ')
  return (
    <li role="treeitem" aria-expanded={branch ? expanded : undefined} aria-selected={false} className="field-item" data-field={node.path}>
      <div
        ref={row}
        className={className}
        data-hit={matched ? 'true' : undefined}
        data-linked={linked ? 'true' : undefined}
        title={matched ? `${node.path}: matched by the highlighted condition` : node.path}
        {...hover}
      >
        {branch ? (
          <button type="button" className="field-toggle" aria-label={`${expanded ? 'Collapse' : 'Expand'} ${node.path}`} onClick={() => toggle(node.id)}>
            {expanded ? '▾' : '▸'}
          </button>
        ) : (
          <span className="field-toggle" aria-hidden="true" />
        )}
        <span className="field-name">{node.label}</span>
        {branch ? (
          <span className="field-summary">{node.kind === 'array' ? `[${node.children.length + node.omitted}]` : `{${node.children.length + node.omitted}}`}</span>
        ) : (
          <span className="field-value">{formatScalar(node.value)}</span>
        )}
        {exclusionValue !== null && (
          <ExcludeButton field={node.path} value={exclusionValue} open={excluding} onToggle={() => setExcluding((x) => !x)} />
        )}
      </div>
      {excluding && exclusionValue !== null && (
        <Suspense fallback={null}>
          <ExcludePopover
            field={node.path}
            value={exclusionValue}
            at={exclusion?.at}
            onClose={() => {
              setExcluding(false)
              // keyboard users go back to the button that opened it, not to the top of the page
              row.current?.querySelector<HTMLElement>('.field-exclude')?.focus()
            }}
          />
        </Suspense>
      )}
      {expanded && (
        <ul role="group">
          {node.children.map((c) => (
            <FieldItem key={c.id} node={c} open={open} toggle={toggle} exclusion={exclusion} />
          ))}
          <Omitted n={node.omitted} />
        </ul>
      )}
    </li>
  )
}

function Omitted({ n }: { n: number }) {
  if (n <= 0) return null
  return (
    <li role="treeitem" aria-selected={false} className="field-omitted">
      … {n} more not shown
    </li>
  )
}
