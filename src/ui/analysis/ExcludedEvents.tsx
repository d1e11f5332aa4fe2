import { useMemo } from 'react'
import { currentAnalysis } from '../../state/analysis-slice'
import type { ExcludedItem, ExclusionHit } from '../../worker/protocol-analyze'
import { exceptionLabel, excludedText, shortClause } from '../results/report-view'
import { usePlayground } from '../use-playground'
import { excludedPrefix, firedText } from './match-state-text'
import './analysis.css'

/**
 * "Excluded": only the events the query's own exclusions take out (every positive clause holds, a
 * `not` / `!=` / `not in` does not), grouped by the exclusion that took them out, so a tuner sees
 * what each exclusion catches; then those the exception items took out, by item (for a sequence
 * query this is the only place they show: the results list only sequences). Clicking an event
 * selects its row; pointing at a clause lights it in the editor. Collapsed by default; `open` is
 * kept by the panel.
 */
export function ExcludedEvents({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const analysis = usePlayground(currentAnalysis)
  // reveal: the virtualized list scrolls to rows it does not hold yet
  const revealEvent = usePlayground((s) => s.revealEvent)
  const hoverSpan = usePlayground((s) => s.hoverSpan)
  const groups = useMemo(() => groupByExclusion(analysis?.excluded ?? []), [analysis])
  const excepted = usePlayground((s) => s.report?.excepted)
  const names = usePlayground((s) => s.exceptions)
  const byItem = useMemo(() => groupByItem(excepted ?? []), [excepted])
  if (!analysis) return null
  const byQuery = analysis.excludedTotal
  const byException = excepted?.length ?? 0
  const total = byQuery + byException
  if (total === 0) return null
  const shown = analysis.excluded.length
  return (
    <details className="near-misses excluded-events" data-testid="excluded-events" data-count={total} open={open} onToggle={(e) => onOpenChange(e.currentTarget.open)}>
      <summary>
        Excluded: {total === 1 ? '1 event' : `${total} events`} the rule would match but for an exclusion ({excludedText({ byQuery, byException }).replace(/^.*?\(/, '')}
        {analysis.stopped && <span className="near-misses-note"> (stopped at the time limit: counts are partial)</span>}
      </summary>
      {groups.map((g) => (
        <section key={g.key} className="near-miss-group" aria-label={`Excluded by ${g.hit.text}`}>
          <code className="near-miss-clause" title={oneLine(g.hit.text)} onMouseEnter={() => hoverSpan(g.hit.span)} onMouseLeave={() => hoverSpan(null)}>
            {excludedPrefix(g.hit)} {shortClause(g.hit.text, 80)}
          </code>
          <ul className="near-miss-events">
            {g.items.map(({ item, hit }) => (
              <li key={item.eventIndex}>
                <button
                  type="button"
                  data-excluded-event={item.eventIndex}
                  onClick={() => revealEvent(item.eventIndex)}
                  onMouseEnter={() => hoverSpan(hit.leafSpan)}
                  onMouseLeave={() => hoverSpan(null)}
                  onFocus={() => hoverSpan(hit.leafSpan)}
                  onBlur={() => hoverSpan(null)}
                  title={firedText(hit)}
                >
                  #{item.eventIndex}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {shown < byQuery && <p className="near-misses-note">The first {shown} of {byQuery} excluded by the query are listed.</p>}
      {byItem.map(([item, indexes]) => {
        const label = item < 0 ? 'lost its sequence: another event was excepted' : `excluded by exception ${exceptionLabel(names[item]?.name, item)}`
        return (
          <section key={item} className="near-miss-group" aria-label={label[0]?.toUpperCase() + label.slice(1)}>
            <span className="near-miss-clause">{label}</span>
            <ul className="near-miss-events">
              {indexes.map((i) => (
                <li key={i}>
                  <button type="button" data-excluded-event={i} onClick={() => revealEvent(i)}>
                    #{i}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </details>
  )
}

interface ExclusionGroup {
  readonly key: string
  readonly hit: ExclusionHit
  readonly items: { readonly item: ExcludedItem; readonly hit: ExclusionHit }[]
}

/** Excluded events by exclusion (an event excluded by two clauses is listed under both). */
function groupByExclusion(items: readonly ExcludedItem[]): ExclusionGroup[] {
  const groups = new Map<string, ExclusionGroup>()
  for (const item of items) {
    for (const hit of item.exclusions) {
      const key = `${hit.filter}:${hit.span.start}:${hit.span.end}`
      const g = groups.get(key)
      if (g) g.items.push({ item, hit })
      else groups.set(key, { key, hit, items: [{ item, hit }] })
    }
  }
  return [...groups.values()]
}

/** Excepted events by item (item -1: lost its sequence last), events ascending. */
function groupByItem(excepted: readonly { readonly index: number; readonly item: number }[]): [number, number[]][] {
  const groups = new Map<number, number[]>()
  for (const e of excepted) {
    const g = groups.get(e.item)
    if (g) g.push(e.index)
    else groups.set(e.item, [e.index])
  }
  return [...groups].sort(([a], [b]) => (a < 0 ? 1 : b < 0 ? -1 : a - b))
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 120 ? `${flat.slice(0, 117)}…` : flat
}
