import { useMemo } from 'react'
import { currentAnalysis } from '../../state/analysis-slice'
import type { NearMissItem } from '../../worker/protocol'
import { usePlayground } from '../use-playground'
import './analysis.css'

/**
 * "Near misses": the events the query rejects by exactly one clause, each with that clause's
 * source text, grouped by clause so an exclusion's catch reads as one block. Clicking an event
 * selects it in the results; pointing at one highlights its clause in the editor. Collapsed by
 * default: it is a tuning aid, the results stay the main view. Shown only for an analysis of the
 * current text (currentAnalysis); `open` is kept by the panel, so it survives edits.
 */
export function NearMisses({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const analysis = usePlayground(currentAnalysis)
  // reveal: the virtualized list scrolls to rows it does not hold yet
  const revealEvent = usePlayground((s) => s.revealEvent)
  const hoverSpan = usePlayground((s) => s.hoverSpan)
  const groups = useMemo(() => groupByClause(analysis?.nearMisses ?? []), [analysis])
  if (!analysis || analysis.coverage.length === 0) return null
  const total = analysis.nearMissTotal
  const shown = analysis.nearMisses.length
  return (
    <details className="near-misses" data-testid="near-misses" data-count={total} open={open} onToggle={(e) => onOpenChange(e.currentTarget.open)}>
      <summary>
        Near misses: {total === 0 ? 'no event' : total === 1 ? '1 event' : `${total} events`} {total === 1 ? 'fails' : 'fail'} only one clause
        {analysis.stopped && <span className="near-misses-note"> (stopped at the time limit: counts are partial)</span>}
      </summary>
      {groups.map((g) => (
        <section key={`${g.filter}:${g.span.start}:${g.span.end}`} className="near-miss-group" aria-label={`Near misses failing ${g.text}`}>
          <code
            className="near-miss-clause"
            onMouseEnter={() => hoverSpan(g.span)}
            onMouseLeave={() => hoverSpan(null)}
            title="Only this clause keeps these events out"
          >
            {g.filter === 'query' ? '' : `${g.filter}: `}
            {oneLine(g.text)}
          </code>
          <ul className="near-miss-events">
            {g.items.map((m) => (
              <li key={m.eventIndex}>
                <button
                  type="button"
                  data-near-miss={m.eventIndex}
                  onClick={() => revealEvent(m.eventIndex)}
                  onMouseEnter={() => hoverSpan(m.span)}
                  onMouseLeave={() => hoverSpan(null)}
                  onFocus={() => hoverSpan(m.span)}
                  onBlur={() => hoverSpan(null)}
                  title={m.leafText === m.text ? `fails ${oneLine(m.text)}` : `fails ${oneLine(m.text)} (decided by ${oneLine(m.leafText)})`}
                >
                  #{m.eventIndex}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {shown < total && <p className="near-misses-note">The first {shown} of {total} are listed.</p>}
    </details>
  )
}

interface ClauseGroup {
  readonly filter: string
  readonly span: NearMissItem['span']
  readonly text: string
  readonly items: NearMissItem[]
}

/** Near misses by failing clause, in the order the clauses first fail. */
function groupByClause(items: readonly NearMissItem[]): ClauseGroup[] {
  const groups = new Map<string, ClauseGroup>()
  for (const m of items) {
    const key = `${m.filter}:${m.span.start}:${m.span.end}`
    const g = groups.get(key)
    if (g) g.items.push(m)
    else groups.set(key, { filter: m.filter, span: m.span, text: m.text, items: [m] })
  }
  return [...groups.values()]
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 120 ? `${flat.slice(0, 117)}…` : flat
}
