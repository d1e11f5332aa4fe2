import type { FingerprintMark, PlacedMark } from '../worker/protocol-fingerprint'
import type { Expectation } from './document-slice'

/**
 * Marks follow their events. A mark (expected outcome) names its event by position; when the
 * events text is edited, positions move, so each mark also keeps a fingerprint of its event (a
 * hash of the event's canonical JSON, made in the worker, which holds the events) and is placed
 * again after every change of the events (the rules are in src/worker/handle-fingerprint.ts).
 *
 * Why this design, the simplest that is right:
 * - the fingerprint is session data, never saved, shared or exported: every saved form (autosave,
 *   links, test files, lessons) carries its events with positions that are right for them, so
 *   a mark without a fingerprint is fingerprinted at its position once its events are loaded, and
 *   older documents, links and test files need no change;
 * - a mark whose event is gone (deleted, or edited so its fingerprint changed) is never moved to
 *   another event nor dropped: it goes to `lostExpectations`, which the check line shows (the
 *   check fails) until the user drops it, and it comes back if its event does (an undo).
 */

/** What to ask the worker: every mark, placed ones first, then the lost ones. */
export function marksToPlace(expectations: readonly Expectation[], lost: readonly Expectation[]): FingerprintMark[] {
  return [...expectations, ...lost].map((e) => (e.fingerprint === undefined ? { index: e.eventIndex } : { index: e.eventIndex, fingerprint: e.fingerprint }))
}

/**
 * Whether the marks must be placed on events version `eventsVersion`: some mark has no
 * fingerprint yet, or they were last placed on other events.
 */
export function needsPlacing(expectations: readonly Expectation[], lost: readonly Expectation[], placedOn: number | null, eventsVersion: number): boolean {
  if (expectations.length === 0 && lost.length === 0) return false
  return placedOn !== eventsVersion || expectations.some((e) => e.fingerprint === undefined)
}

/**
 * The marks after the worker placed them (`placed` in the order of `marksToPlace`): moved to
 * their events' new positions, lost when their event is gone, back when it returns. A mark
 * without a fingerprint whose position is past the events stays as it is (the check calls it
 * absent, as before). Sorted by event, as the rest of the page lists them.
 */
export function applyPlacement(
  expectations: readonly Expectation[],
  lost: readonly Expectation[],
  placed: readonly PlacedMark[],
): { expectations: Expectation[]; lost: Expectation[] } {
  const kept: Expectation[] = []
  const gone: Expectation[] = []
  const moves: [from: number, to: number][] = []
  ;[...expectations, ...lost].forEach((mark, k) => {
    const p = placed[k]
    if (p && p.index !== null && p.fingerprint !== null) {
      kept.push(mark.eventIndex === p.index && mark.fingerprint === p.fingerprint ? mark : { ...mark, eventIndex: p.index, fingerprint: p.fingerprint })
      if (mark.fingerprint !== undefined) moves.push([mark.eventIndex, p.index])
    } else if (mark.fingerprint === undefined) kept.push(mark)
    else gone.push(mark)
  })
  const lostNow = gone.map((mark) => {
    const at = whereItWouldBe(mark.eventIndex, moves)
    return at === mark.eventIndex ? mark : { ...mark, eventIndex: at }
  })
  return { expectations: kept.sort((a, b) => a.eventIndex - b.eventIndex), lost: lostNow }
}

/**
 * Where a gone event would be in the new events: its old position moved as much as the nearest
 * mark before it moved (or after it, when none is before). An event edited in place is there now,
 * so the check line can offer to mark that event instead; the mark is never moved there unasked.
 */
export function whereItWouldBe(oldIndex: number, moves: readonly (readonly [from: number, to: number])[]): number {
  let before: readonly [number, number] | undefined
  let after: readonly [number, number] | undefined
  for (const m of moves) {
    if (m[0] < oldIndex && (before === undefined || m[0] > before[0])) before = m
    if (m[0] > oldIndex && (after === undefined || m[0] < after[0])) after = m
  }
  const near = before ?? after
  return Math.max(0, near === undefined ? oldIndex : oldIndex + near[1] - near[0])
}

/**
 * The marks with lost `mark` put back on the event now at its position (its fingerprint is taken
 * there on the next placing), as the user chose: the event was edited, and it is still the one.
 */
export function reattached(expectations: readonly Expectation[], mark: Expectation): Expectation[] {
  const { fingerprint: _gone, ...rest } = mark
  return [...expectations.filter((e) => e.eventIndex !== mark.eventIndex), rest].sort((a, b) => a.eventIndex - b.eventIndex)
}

/** Same marks, same places: nothing to store (and no autosave). */
export function sameMarks(a: readonly Expectation[], b: readonly Expectation[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i])
}

/** What `awaitingPlacement` reads of the state. */
export interface PlacementState {
  readonly expectations: readonly Expectation[]
  readonly lostExpectations: readonly Expectation[]
  readonly expectationsEventsVersion: number | null
  readonly report: { readonly eventsVersion: number } | null
}

/**
 * Whether the marks still wait to be placed on the report's events: after the events changed, a
 * mark's position may name another event until the worker says where its event went, so the check
 * waits (judging then would flash a wrong verdict). Marks never placed (no fingerprint yet) are
 * right by position for the events they came with, so they do not wait.
 */
export function awaitingPlacement(s: PlacementState): boolean {
  if (s.report === null || s.expectationsEventsVersion === s.report.eventsVersion) return false
  return s.lostExpectations.length > 0 || s.expectations.some((e) => e.fingerprint !== undefined)
}
