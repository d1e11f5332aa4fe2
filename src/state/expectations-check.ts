import type { RunResult } from '../engine'
import type { ReportResult } from '../worker/protocol'
import type { Expectation } from './document-slice'
import type { RunStatus } from './run-slice'

/**
 * The check of a document's expected outcomes (a lesson's, an example's, a teacher's): does each
 * marked event match or not, as stated? Pure, so the lessons panel, the results header and the
 * event rows all read the same verdict. For sequences and samples an event "matches" when it is
 * part of any match, as the results list shows it.
 */

/** `held`: as expected; `missed`: expected to match but did not; `unexpected`: expected not to match but did; `absent`: no such event. */
export type ExpectationOutcome = 'held' | 'missed' | 'unexpected' | 'absent'

export interface CheckedExpectation {
  readonly expectation: Expectation
  readonly outcome: ExpectationOutcome
}

/** `none`: no expectations; `pending`: no finished run to judge (running, or errors). */
export type CheckStatus = 'pass' | 'fail' | 'pending' | 'none'

export interface ExpectationsCheck {
  readonly status: CheckStatus
  /** how many expectations hold (0 while pending) */
  readonly held: number
  readonly total: number
  /** every expectation, in event order, with its outcome; empty while pending */
  readonly items: readonly CheckedExpectation[]
  /** outcome by event index, for the event rows (empty while pending) */
  readonly byEvent: ReadonlyMap<number, CheckedExpectation>
  /** marks whose event is no longer in the events (expectations-follow.ts): each fails the check */
  readonly lost: readonly Expectation[]
}

/** What the check reads of a run report. */
export interface CheckableReport {
  /** a run report's match structure (or an engine result) */
  readonly result: RunResult | ReportResult | null
  readonly eventCount: number
  /** every event index taking part in a match (a run report's); read instead of `result` when given */
  readonly matchedIndexes?: readonly number[]
}

/** The indexes of every event that takes part in a match. */
export function matchedEventSet(result: RunResult | ReportResult): Set<number> {
  const found = new Set<number>()
  // a report's event-query result counts its matches only: their indexes are its matchedIndexes
  if (result.kind === 'events') for (const e of 'events' in result ? result.events : []) found.add(e.index)
  else for (const group of result.kind === 'sequences' ? result.sequences : result.samples)
    for (const e of group.events) if (!('missing' in e)) found.add(e.index)
  return found
}

/**
 * Checks `expectations` against the latest run. Pending while a run is due or when the last one
 * gave errors or no result: a stale or broken run must neither pass nor fail a lesson. An
 * expectation for an event that is not there counts as broken, so deleting events cannot pass one;
 * so does each `lost` mark (its event is gone from the events, see expectations-follow.ts).
 */
export function checkExpectations(
  expectations: readonly Expectation[],
  report: CheckableReport | null,
  status: RunStatus = 'idle',
  lost: readonly Expectation[] = [],
): ExpectationsCheck {
  const total = expectations.length + lost.length
  if (total === 0) return { status: 'none', held: 0, total, items: [], byEvent: new Map(), lost }
  if (status !== 'idle' || report === null || report.result === null) return { status: 'pending', held: 0, total, items: [], byEvent: new Map(), lost }
  const matched = report.matchedIndexes === undefined ? matchedEventSet(report.result) : new Set(report.matchedIndexes)
  const items = [...expectations]
    .sort((a, b) => a.eventIndex - b.eventIndex)
    .map((expectation): CheckedExpectation => ({ expectation, outcome: outcomeOf(expectation, matched, report.eventCount) }))
  const held = items.filter((i) => i.outcome === 'held').length
  const byEvent = new Map(items.map((i) => [i.expectation.eventIndex, i]))
  return { status: held === total ? 'pass' : 'fail', held, total, items, byEvent, lost }
}

/**
 * One line for a mark whose event is gone, e.g. "the event expected to match at #3 was edited or
 * deleted" (#3: where it would be now, see expectations-follow.ts).
 */
export function describeLost(mark: Expectation): string {
  return `the event expected ${mark.expect === 'match' ? 'to match' : 'not to match'} at #${mark.eventIndex} was edited or deleted`
}

function outcomeOf(e: Expectation, matched: ReadonlySet<number>, eventCount: number): ExpectationOutcome {
  if (!Number.isInteger(e.eventIndex) || e.eventIndex < 0 || e.eventIndex >= eventCount) return 'absent'
  const isMatch = matched.has(e.eventIndex)
  if (e.expect === 'match') return isMatch ? 'held' : 'missed'
  return isMatch ? 'unexpected' : 'held'
}

/** One line for a broken expectation, e.g. "#3 expected to match, did not". */
export function describeOutcome(item: CheckedExpectation): string {
  const n = `#${item.expectation.eventIndex}`
  switch (item.outcome) {
    case 'held':
      return `${n} ${item.expectation.expect === 'match' ? 'matches' : 'does not match'}, as expected`
    case 'missed':
      return `${n} expected to match, but did not`
    case 'unexpected':
      return `${n} expected not to match, but matched`
    case 'absent':
      return `${n} is not in the events`
  }
}

/** The summary line: "Check passed ✓", "3 of 5 outcomes as expected", "Checking…". */
export function checkSummary(check: ExpectationsCheck): string {
  switch (check.status) {
    case 'pass':
      return `Check passed ✓ (${check.total} of ${check.total} outcomes as expected)`
    case 'fail':
      return `${check.held} of ${check.total} outcomes as expected`
    case 'pending':
      return `Checking ${check.total} expected outcome${check.total === 1 ? '' : 's'}…`
    case 'none':
      return 'No expected outcomes'
  }
}

/**
 * The expectations with event `eventIndex` marked `expect` (null: unmarked), in event order. A
 * note is kept while the outcome stays the same, and dropped when it flips (it explained the other).
 */
export function withExpectation(expectations: readonly Expectation[], eventIndex: number, expect: Expectation['expect'] | null): Expectation[] {
  const others = expectations.filter((e) => e.eventIndex !== eventIndex)
  const old = expectations.find((e) => e.eventIndex === eventIndex)
  // The fingerprint stays with a re-marked event: it names the event, not the outcome.
  const fresh = (e: Expectation['expect']): Expectation => (old?.fingerprint === undefined ? { eventIndex, expect: e } : { eventIndex, expect: e, fingerprint: old.fingerprint })
  const marked: Expectation[] = expect === null ? [] : [old?.expect === expect ? old : fresh(expect)]
  return [...others, ...marked].sort((a, b) => a.eventIndex - b.eventIndex)
}

/** The expectations with the note of event `eventIndex` replaced (an empty note removes it). */
export function withNote(expectations: readonly Expectation[], eventIndex: number, note: string): Expectation[] {
  return expectations.map((e) => {
    if (e.eventIndex !== eventIndex) return e
    const { note: _old, ...rest } = e
    return note === '' ? rest : { ...rest, note }
  })
}
