import type { FieldHit, RunResult } from '../../engine'

/**
 * The per-event view of a run: matched indexes (ascending) and hits per event. The worker sends
 * both in the report; a report without them (an older worker, or one built before they were
 * filled) gets them from `result`, so the list never shows matches as misses.
 */
export interface MatchData {
  readonly matchedIndexes: readonly number[]
  readonly hits: Readonly<Record<number, readonly FieldHit[]>>
  /** matches in the result's own terms: events, sequences or samples */
  readonly matchCount: number
}

interface ReportLike {
  readonly result: RunResult | null
  readonly matchedIndexes?: readonly number[]
  readonly hits?: Readonly<Record<number, readonly FieldHit[]>>
}

export function matchDataOf(report: ReportLike): MatchData {
  const { result } = report
  if (!result) return { matchedIndexes: [], hits: {}, matchCount: 0 }
  const matchCount = result.kind === 'events' ? result.events.length : result.kind === 'sequences' ? result.sequences.length : result.samples.length
  if (report.matchedIndexes && report.hits && (report.matchedIndexes.length > 0 || matchCount === 0)) {
    return { matchedIndexes: report.matchedIndexes, hits: report.hits, matchCount }
  }
  const hits: Record<number, readonly FieldHit[]> = {}
  const add = (index: number, h: readonly FieldHit[]): void => {
    if (!(index in hits)) hits[index] = h
  }
  if (result.kind === 'events') for (const e of result.events) add(e.index, e.hits)
  else for (const s of result.kind === 'sequences' ? result.sequences : result.samples) for (const e of s.events) if (!('missing' in e)) add(e.index, e.hits)
  const matchedIndexes = Object.keys(hits).map(Number).sort((a, b) => a - b)
  return { matchedIndexes, hits, matchCount }
}
