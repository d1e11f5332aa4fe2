import { exceptionSentence, exclusionSentence } from '../analysis/match-state-text'
import { exceptedOf, excludedOf } from '../analysis/use-match-state'
import { exceptionLabel } from '../results/report-view'
import { usePlayground } from '../use-playground'

/**
 * The sentence "Why?" opens with when the event was matched but taken out: by the query's own
 * exclusions ("Matched but excluded by `not process.args : (…)` (process.args "…" matched "…")")
 * or by an exception item. Pointing at it lights the (first) excluding clause in the editor.
 * Nothing for a plain match or non-match: the tree's headline says those.
 */
export function ExplainState({ eventIndex }: { eventIndex: number }) {
  const excluded = usePlayground((s) => excludedOf(s, eventIndex))
  const item = usePlayground((s) => exceptedOf(s, eventIndex))
  const name = usePlayground((s) => (item === undefined || item < 0 ? undefined : s.exceptions[item]?.name))
  const hoverSpan = usePlayground((s) => s.hoverSpan)
  if (item !== undefined) {
    return (
      <p className="explain-state" data-testid="explain-state" data-match-state="excluded-by-exception">
        {exceptionSentence(item, item < 0 ? undefined : exceptionLabel(name, item))}
      </p>
    )
  }
  const first = excluded?.exclusions[0]
  if (excluded === undefined || first === undefined) return null
  return (
    <p
      className="explain-state"
      data-testid="explain-state"
      data-match-state="excluded-by-query"
      onMouseEnter={() => hoverSpan(first.span)}
      onMouseLeave={() => hoverSpan(null)}
    >
      {exclusionSentence(excluded)}
    </p>
  )
}
