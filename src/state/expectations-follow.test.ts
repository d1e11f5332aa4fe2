import { describe, expect, it } from 'vitest'
import type { Outcome } from '../worker/client'
import { eventFingerprint, placeMarks } from '../worker/handle-fingerprint'
import type { FingerprintMark, FingerprintReport, RunReport } from '../worker/protocol'
import type { Expectation } from './document-slice'
import { connectExpectationsFollow, type FingerprintEngine } from './effects-expectations-follow'
import { applyPlacement, awaitingPlacement, marksToPlace, needsPlacing, reattached, whereItWouldBe } from './expectations-follow'
import { checkExpectations, withExpectation } from './expectations-check'
import { createPlaygroundStore } from './store'

const A = { id: 'a' }
const B = { id: 'b' }
const C = { id: 'c' }
const fp = eventFingerprint

/** A worker stand-in: the events of each version, placed by the worker's own rules. */
class FakeWorker implements FingerprintEngine {
  readonly versions = new Map<number, readonly unknown[]>()
  readonly asked: { version: number; marks: readonly FingerprintMark[] }[] = []
  fingerprint(version: number, marks: readonly FingerprintMark[]): Promise<Outcome<FingerprintReport>> {
    this.asked.push({ version, marks })
    const events = this.versions.get(version)
    if (!events) return Promise.resolve({ status: 'failed', failure: { code: 'unknown-events', message: 'gone' } })
    const placed = placeMarks(marks, events.length, (i) => fp(events[i]))
    return Promise.resolve({ status: 'ok', result: { eventsVersion: version, eventCount: events.length, marks: placed } })
  }
}

const report = (eventsVersion: number, eventCount: number, matched: readonly number[]): RunReport => ({
  query: 'any where true',
  language: 'eql',
  eventsVersion,
  eventCount,
  diagnostics: [],
  result: { kind: 'events', count: matched.length },
  matchedIndexes: [...matched],
  runId: 0,
  eventHits: [],
  events: [],
  histogram: null,
  elapsedMs: 1,
})
const tick = () => new Promise((r) => setTimeout(r, 0))

function setup(expectations: readonly Expectation[]) {
  const store = createPlaygroundStore({ query: 'any where true', expectations })
  const worker = new FakeWorker()
  const stop = connectExpectationsFollow(store, worker)
  /** The events became `events` (version `v`) and a run on them finished, matching `matched`. */
  const load = async (v: number, events: readonly unknown[], matched: readonly number[]) => {
    worker.versions.set(v, events)
    store.setState({ status: 'running' })
    store.getState().finishRun(report(v, events.length, matched))
    await tick()
  }
  const marks = () => store.getState().expectations.map((e) => [e.eventIndex, e.expect])
  return { store, worker, stop, load, marks }
}

describe('marks follow their events', () => {
  it('fingerprints marks at their positions on the first events, then follows an insert above', async () => {
    const { store, load, marks } = setup([{ eventIndex: 0, expect: 'match', note: 'A' }, { eventIndex: 1, expect: 'no-match' }])
    await load(1, [A, B], [0])
    expect(store.getState().expectations.map((e) => e.fingerprint)).toEqual([fp(A), fp(B)])
    expect(store.getState().expectationsEventsVersion).toBe(1)
    await load(2, [C, A, B], [1])
    expect(marks()).toEqual([[1, 'match'], [2, 'no-match']])
    expect(store.getState().expectations[0]?.note).toBe('A')
    const s = store.getState()
    expect(checkExpectations(s.expectations, s.report, s.status, s.lostExpectations).status).toBe('pass')
  })

  it('keeps the mark of a deleted event as lost (the check fails), and brings it back on undo', async () => {
    const { store, load, marks } = setup([{ eventIndex: 0, expect: 'match' }, { eventIndex: 1, expect: 'no-match' }])
    await load(1, [A, B], [0])
    await load(2, [B], [])
    expect(marks()).toEqual([[0, 'no-match']])
    // where A would be: B, after it, moved up one, so A's place is #0 (clamped)
    expect(store.getState().lostExpectations.map((e) => [e.eventIndex, e.expect])).toEqual([[0, 'match']])
    const s = store.getState()
    const check = checkExpectations(s.expectations, s.report, s.status, s.lostExpectations)
    expect([check.status, check.held, check.total, check.lost.length]).toEqual(['fail', 1, 2, 1])
    await load(3, [A, B], [0])
    expect(marks()).toEqual([[0, 'match'], [1, 'no-match']])
    expect(store.getState().lostExpectations).toEqual([])
  })

  it('an event edited in place: its mark is lost at its position, and can be put back on the edited event', async () => {
    const { store, load, marks } = setup([{ eventIndex: 0, expect: 'match' }, { eventIndex: 1, expect: 'no-match' }, { eventIndex: 2, expect: 'match' }])
    await load(1, [A, B, C], [0, 2])
    const edited = { id: 'b', changed: true }
    await load(2, [C, A, edited, C], [0, 1, 3])
    expect(marks()).toEqual([[0, 'match'], [1, 'match']])
    const lost = store.getState().lostExpectations
    expect(lost.map((e) => e.eventIndex)).toEqual([2])
    const first = lost[0]
    if (first) store.getState().reattachLostExpectation(first)
    await tick()
    expect(marks()).toEqual([[0, 'match'], [1, 'match'], [2, 'no-match']])
    expect(store.getState().expectations[2]?.fingerprint).toBe(fp(edited))
    expect(store.getState().lostExpectations).toEqual([])
  })

  it('fingerprints a new mark on the events it was made on, and follows a reorder', async () => {
    const { store, load, marks, worker } = setup([])
    await load(1, [A, B, C], [])
    expect(worker.asked).toHaveLength(0)
    store.getState().setExpectations(withExpectation(store.getState().expectations, 2, 'match'))
    await tick()
    expect(store.getState().expectations[0]?.fingerprint).toBe(fp(C))
    await load(2, [C, B, A], [])
    expect(marks()).toEqual([[0, 'match']])
  })

  it('drops an answer about marks that changed meanwhile, and asks again', async () => {
    const { store, worker } = setup([{ eventIndex: 0, expect: 'match' }])
    worker.versions.set(1, [A, B])
    store.setState({ status: 'running' })
    store.getState().finishRun(report(1, 2, []))
    store.getState().setExpectations(withExpectation(store.getState().expectations, 1, 'no-match'))
    await tick()
    expect(worker.asked).toHaveLength(2)
    expect(store.getState().expectations.map((e) => e.fingerprint)).toEqual([fp(A), fp(B)])
  })

  it('does not ask while a run is due, nor again once placed', async () => {
    const { store, worker, load } = setup([{ eventIndex: 0, expect: 'match' }])
    store.setState({ status: 'running' })
    expect(worker.asked).toHaveLength(0)
    await load(1, [A], [0])
    await load(1, [A], [0])
    expect(worker.asked).toHaveLength(1)
  })

  it('leaves positions as they are when the worker cannot answer, so the check is not stuck', async () => {
    const { store } = setup([{ eventIndex: 0, expect: 'match', fingerprint: 'zzz' }])
    store.setState({ status: 'running' })
    store.getState().finishRun(report(9, 1, [0]))
    await tick()
    expect(store.getState().expectationsEventsVersion).toBe(9)
    expect(store.getState().expectations[0]?.eventIndex).toBe(0)
  })

  it('opening a document starts its marks afresh', async () => {
    const { store, load } = setup([{ eventIndex: 0, expect: 'match' }])
    await load(1, [A], [])
    await load(2, [], [])
    expect(store.getState().lostExpectations).toHaveLength(1)
    store.getState().openDocument({ query: 'x', language: 'eql', eventsText: '{}', expectations: [{ eventIndex: 0, expect: 'no-match' }] })
    expect(store.getState().lostExpectations).toEqual([])
    expect(store.getState().expectationsEventsVersion).toBeNull()
  })

  it('"New" sets lost marks aside with their document, and restoring brings them back', async () => {
    const { store, load } = setup([{ eventIndex: 0, expect: 'match', note: 'gone' }])
    await load(1, [A], [])
    await load(2, [B], [])
    const lost = store.getState().lostExpectations
    expect(lost).toHaveLength(1)
    store.getState().newDocument()
    expect(store.getState().lostExpectations).toEqual([])
    store.getState().restorePreviousDocument()
    expect(store.getState().lostExpectations).toEqual(lost)
  })
})

describe('the pure parts', () => {
  it('asks for every mark, lost ones last, and only when needed', () => {
    const e: Expectation[] = [{ eventIndex: 1, expect: 'match', fingerprint: 'f' }, { eventIndex: 2, expect: 'match' }]
    expect(marksToPlace(e, [{ eventIndex: 0, expect: 'no-match', fingerprint: 'g' }])).toEqual([{ index: 1, fingerprint: 'f' }, { index: 2 }, { index: 0, fingerprint: 'g' }])
    expect(needsPlacing([], [], null, 1)).toBe(false)
    expect(needsPlacing([{ eventIndex: 1, expect: 'match', fingerprint: 'f' }], [], 1, 1)).toBe(false)
    expect(needsPlacing([{ eventIndex: 1, expect: 'match', fingerprint: 'f' }], [], 1, 2)).toBe(true)
    expect(needsPlacing([{ eventIndex: 1, expect: 'match' }], [], 1, 1)).toBe(true)
  })

  it('puts a lost mark where its event would be now: moved as the nearest mark before it (or after it)', () => {
    expect(whereItWouldBe(5, [[2, 3], [4, 5], [9, 10]])).toBe(6)
    expect(whereItWouldBe(1, [[4, 2], [9, 10]])).toBe(0)
    expect(whereItWouldBe(3, [])).toBe(3)
  })

  it('a lost mark of an event edited in place can be put back on it, and is placed there afresh', () => {
    const kept: Expectation[] = [{ eventIndex: 0, expect: 'match', fingerprint: 'a' }]
    expect(reattached(kept, { eventIndex: 2, expect: 'no-match', note: 'n', fingerprint: 'old' })).toEqual([...kept, { eventIndex: 2, expect: 'no-match', note: 'n' }])
  })

  it('the check waits while placed marks are not yet placed on the report\'s events', () => {
    const placed: Expectation[] = [{ eventIndex: 0, expect: 'match', fingerprint: 'f' }]
    const at = (v: number | null, expectations = placed, lost: Expectation[] = []) => awaitingPlacement({ expectations, lostExpectations: lost, expectationsEventsVersion: v, report: { eventsVersion: 2 } })
    expect(at(1)).toBe(true)
    expect(at(2)).toBe(false)
    expect(at(null, [{ eventIndex: 0, expect: 'match' }])).toBe(false)
    expect(at(1, [], placed)).toBe(true)
    expect(awaitingPlacement({ expectations: placed, lostExpectations: [], expectationsEventsVersion: 1, report: null })).toBe(false)
  })

  it('keeps a legacy mark past the events as it is (the check calls it absent)', () => {
    const legacy: Expectation = { eventIndex: 9, expect: 'match' }
    expect(applyPlacement([legacy], [], [{ index: null, fingerprint: null }])).toEqual({ expectations: [legacy], lost: [] })
  })
})
