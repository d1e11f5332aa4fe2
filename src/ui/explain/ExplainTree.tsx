import type { ExplainedFilter, ExplainNode } from '../../worker/protocol'
import { excludedOf } from '../analysis/use-match-state'
import { usePlayground } from '../use-playground'
import { formatValues } from './explain-format'

/**
 * One filter's evaluation tree, nested as the query is: every clause with its source text, a
 * true / false / missing badge, the values it read and the operator's rule. The clause that
 * decided the outcome is emphasised, and a negated clause that excluded the event (see
 * src/engine/explain/exclusion-verdict.ts) is labelled so. Pointing at a clause highlights it in the query editor;
 * leaving hands the highlight back to the deciding clause.
 */
export function ExplainTree({ filter }: { filter: ExplainedFilter }) {
  return (
    <ul className="explain-tree" role="tree" aria-label="Evaluation tree">
      <NodeItem node={filter.tree} path={[]} deciding={filter.decidingPath} />
    </ul>
  )
}

interface NodeProps {
  readonly node: ExplainNode
  readonly path: readonly number[]
  readonly deciding: readonly number[]
}

function NodeItem({ node, path, deciding }: NodeProps) {
  const hoverSpan = usePlayground((s) => s.hoverSpan)
  const isDeciding = path.length === deciding.length && path.every((p, i) => p === deciding[i])
  // one of the query's exclusions that took the selected event out (same span as the analysis names)
  const excludes = usePlayground((s) => {
    const hits = s.selectedIndex === null ? undefined : excludedOf(s, s.selectedIndex)?.exclusions
    return hits?.some((h) => h.span.start === node.span.start && h.span.end === node.span.end) ?? false
  })
  const badge = node.value === null ? 'missing' : String(node.value)
  return (
    <li role="treeitem" aria-expanded={node.children.length > 0 ? true : undefined} aria-selected={false} className="explain-item">
      <div
        className={isDeciding ? 'explain-node is-deciding' : 'explain-node'}
        data-testid="explain-node"
        data-value={badge}
        data-kind={node.kind}
        data-deciding={isDeciding ? 'true' : undefined}
        data-excludes={excludes ? 'true' : undefined}
        onMouseEnter={() => hoverSpan(node.span)}
        // leaving hands the editor back to the deciding clause (decidingSpan)
        onMouseLeave={() => hoverSpan(null)}
      >
        <span className={`explain-badge is-${badge}`} title={node.value === null ? 'no value for a field it reads (or folded to null)' : undefined}>
          {badge}
        </span>
        <code className="explain-text">{node.text}</code>
        {isDeciding && <span className="explain-decides">decides</span>}
        {excludes && <span className="explain-excludes">excludes the event</span>}
        {node.seen && node.seen.length > 0 && (
          <span className="explain-seen">
            {node.seen.map((f, i) => (
              <span key={`${f.field}-${i}`} className="explain-field">
                <code>{f.field}</code> = {f.values.length === 0 ? <em>no value</em> : <code>{formatValues(f.values)}</code>}
                {f.notIndexed && f.notIndexed.length > 0 && <em> (not indexed: {formatValues(f.notIndexed)})</em>}
              </span>
            ))}
          </span>
        )}
        {node.computed?.map((c, i) => (
          <span key={`c${i}`} className="explain-field">
            <code>{c.text}</code> = {c.values.length === 0 ? <em>null</em> : <code>{formatValues(c.values)}</code>}
          </span>
        ))}
        {node.rule && <span className="explain-rule">{node.rule}</span>}
        {node.note && <span className="explain-note">{node.note}</span>}
      </div>
      {node.children.length > 0 && (
        <ul role="group">
          {node.children.map((child, i) => (
            <NodeItem key={i} node={child} path={[...path, i]} deciding={deciding} />
          ))}
        </ul>
      )}
    </li>
  )
}
