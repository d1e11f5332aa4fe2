import { exceptionSentence, exclusionSentence } from '../analysis/match-state-text'
import { exceptedOf, excludedOf } from '../analysis/use-match-state'
import { exceptionLabel, includesSorted } from '../results/report-view'
import { useSpanHover } from '../results/use-span-hover'
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
  // a sequence event excluded from one stage may still be in a sequence through another: matched
  const matched = usePlayground((s) => includesSorted(s.report?.matchedIndexes ?? [], eventIndex))
  const first = excluded?.exclusions[0]
  // clears the highlight if the sentence goes away under the pointer (another selection, a new run)
  const hover = useSpanHover(item === undefined ? first?.span : undefined)
  if (item !== undefined) {
    return (
      <p className="explain-state" data-testid="explain-state" data-match-state="excluded-by-exception">
        {exceptionSentence(item, item < 0 ? undefined : exceptionLabel(name, item))}
      </p>
    )
  }
  if (excluded === undefined || first === undefined || matched) return null
  return (
    <p
      className="explain-state"
      data-testid="explain-state"
      data-match-state="excluded-by-query"
      {...hover}
    >
      {exclusionSentence(excluded)}
    </p>
  )
}
