import { shortClause } from '../results/report-view'
import { useSpanHover } from '../results/use-span-hover'
import { excludedPrefix, exclusionTitle } from './match-state-text'
import type { MatchStateView } from './use-match-state'

/**
 * The compact state of an excluded row: `excluded by not process.args : (…)` (pointing at it lights
 * the clause in the editor; the tooltip names the element that matched and the value seen), or
 * `excluded by exception <name>`. Matched and plain non-matching rows keep their own text.
 */
export function MatchStateBadge({ view }: { view: MatchStateView }) {
  if (view.state === 'excluded-by-exception') {
    const text = view.exceptionName === undefined ? 'lost its sequence: another event was excepted' : `excluded by exception ${view.exceptionName}`
    return (
      <span className="match-state-badge is-excepted" data-testid="match-state-badge">
        {text}
      </span>
    )
  }
  const first = view.excluded?.exclusions[0]
  if (view.excluded === undefined || first === undefined) return null
  return <ExclusionBadge prefix={excludedPrefix(first)} clause={shortClause(first.text)} span={first.span} more={view.excluded.exclusions.length - 1} title={exclusionTitle(view.excluded)} />
}

function ExclusionBadge(props: { prefix: string; clause: string; span: { start: number; end: number }; more: number; title: string }) {
  const hover = useSpanHover(props.span)
  return (
    <span className="match-state-badge is-excluded-by-query" data-testid="match-state-badge" title={props.title} {...hover}>
      {props.prefix} <code>{props.clause}</code>
      {props.more > 0 && <span className="match-state-more"> and {props.more} more</span>}
    </span>
  )
}
