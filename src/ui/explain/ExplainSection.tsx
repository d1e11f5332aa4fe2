import type { Span } from '../../engine'
import type { EventExplanation, ExplainedStage } from '../../worker/protocol'
import { exceptedOf, excludedOf } from '../analysis/use-match-state'
import { includesSorted } from '../results/report-view'
import { usePlayground } from '../use-playground'
import { ExplainState } from './ExplainState'
import { ExplainTree } from './ExplainTree'
import { formatKey, verdictLine } from './explain-format'
import { useDecidingHighlight } from './use-deciding-highlight'
import { useExplanation } from './use-explanation'
import './explain.css'

/**
 * "Why?": the evaluation tree of the query for the event selected in the results. Shown below the
 * results while an event is selected; the clause that decided the outcome stays highlighted in the
 * query editor while it is shown.
 */
export function ExplainSection() {
  const state = useExplanation()
  const selectEvent = usePlayground((s) => s.selectEvent)
  const explanation = state.status === 'ready' ? state.report.explanation : null
  const eventIndex = state.status === 'none' ? -1 : state.eventIndex
  // The tree is the query's answer; exceptions and the query's own exclusions are said in the
  // headline too, so it never reads "matches" above "excluded by an exception".
  const excepted = usePlayground((s) => exceptedOf(s, eventIndex) !== undefined)
  const excluded = usePlayground((s) => excludedOf(s, eventIndex) !== undefined && !includesSorted(s.report?.matchedIndexes ?? [], eventIndex))
  useDecidingHighlight(explanation === null ? null : decidingSpanOf(explanation))
  if (state.status === 'none') return null
  let body
  if (state.status === 'loading') body = <p className="hint">Explaining…</p>
  else if (state.status === 'failed') body = <p className="hint">This event could not be explained (the events or the query changed, or the engine failed).</p>
  else if (explanation === null) body = <p className="hint">The query has errors or the event is no longer loaded: nothing to explain.</p>
  else body = <ExplanationBody explanation={explanation} />
  return (
    <section className="explain-section" aria-label="Why?" data-testid="explain" data-status={state.status} data-outcome={outcomeOf(explanation)}>
      <header className="explain-head">
        <h3>
          Why? Event #{state.eventIndex}
          {explanation && <span className="explain-verdict">: {excepted ? 'the query matches, an exception item takes it out' : excluded ? 'excluded by the query' : headline(explanation)}</span>}
        </h3>
        <button type="button" className="explain-close" aria-label="Close explanation" onClick={() => selectEvent(null)}>
          ×
        </button>
      </header>
      <ExplainState eventIndex={state.eventIndex} />
      {body}
    </section>
  )
}

function ExplanationBody({ explanation: e }: { explanation: EventExplanation }) {
  if (e.kind === 'event' || e.kind === 'kql') return <ExplainTree filter={e} />
  const stages = e.until ? [...e.stages, e.until] : e.stages
  return (
    <div className="explain-stages">
      {e.verdict && (
        <p className="explain-sequence-verdict" data-testid="explain-sequence-verdict">
          {e.verdict.summary}
        </p>
      )}
      {stages.map((s) => (
        <StageView key={s.stage} stage={s} />
      ))}
      {!e.timestamp.present && <p className="hint">The event has no usable {e.timestamp.field}: it cannot be part of a {e.kind}.</p>}
    </div>
  )
}

function StageView({ stage: s }: { stage: ExplainedStage }) {
  const title = s.until ? 'until' : `Stage ${s.stage + 1}${s.missing ? ' (missing event)' : ''}${s.runs > 1 ? ` with runs=${s.runs}` : ''}`
  return (
    <div className="explain-stage" data-testid="explain-stage" data-fills={String(s.fills)}>
      <p className="explain-stage-head">
        <strong>{title}</strong>: {s.fills ? 'the event could fill it' : s.outcome ? 'the filter holds, but a join key has no value' : 'the filter does not hold'}
        {s.keys.length > 0 && <span className="explain-keys"> · {s.keys.map(formatKey).join(', ')}</span>}
      </p>
      <ExplainTree filter={s} />
    </div>
  )
}

function headline(e: EventExplanation): string {
  if (e.kind === 'event') return verdictLine('event', e.outcome, e.returned)
  if (e.kind === 'kql') return verdictLine('kql', e.outcome, e.outcome)
  const inOne = e.verdict ? e.verdict.completed : e.stages.some((s) => s.fills)
  return e.verdict ? verdictLine(e.kind, inOne, inOne) : inOne ? `could fill a stage of the ${e.kind}` : `fills no stage of the ${e.kind}`
}

function outcomeOf(e: EventExplanation | null): string | undefined {
  if (e === null) return undefined
  if (e.kind === 'event' || e.kind === 'kql') return String(e.outcome)
  return String(e.verdict ? e.verdict.completed : e.stages.some((s) => s.fills))
}

/** What the editor highlights while the explanation is shown: a sequence's first stage the event fills. */
function decidingSpanOf(e: EventExplanation): Span | null {
  if (e.kind === 'event' || e.kind === 'kql') return e.decidingSpan
  const stage = e.stages.find((s) => s.fills) ?? e.stages[0]
  return stage ? stage.decidingSpan : null
}
