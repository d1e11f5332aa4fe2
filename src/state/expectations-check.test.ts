import { describe, expect, it } from 'vitest'
import type { RunResult } from '../engine'
import type { Expectation } from './document-slice'
import { checkExpectations, checkSummary, describeLost, describeOutcome, withExpectation, withNote } from './expectations-check'

const events = (...indexes: number[]): RunResult => ({ kind: 'events', events: indexes.map((index) => ({ index, hits: [] })) }) as unknown as RunResult

const EXPECT: readonly Expectation[] = [
  { eventIndex: 2, expect: 'no-match', note: 'benign' },
  { eventIndex: 0, expect: 'match', note: 'attack' },
  { eventIndex: 1, expect: 'match' },
]

describe('checkExpectations', () => {
  it('passes when every expectation holds, listing them in event order', () => {
    const c = checkExpectations(EXPECT, { result: events(0, 1), eventCount: 3 })
    expect(c.status).toBe('pass')
    expect([c.held, c.total]).toEqual([3, 3])
    expect(c.items.map((i) => i.expectation.eventIndex)).toEqual([0, 1, 2])
    expect(checkSummary(c)).toMatch(/^Check passed ✓/)
  })

  it('names a missed match and an unexpected match', () => {
    const c = checkExpectations(EXPECT, { result: events(0, 2), eventCount: 3 })
    expect(c.status).toBe('fail')
    expect(c.held).toBe(1)
    expect(c.byEvent.get(1)?.outcome).toBe('missed')
    expect(c.byEvent.get(2)?.outcome).toBe('unexpected')
    expect(c.byEvent.get(0)?.outcome).toBe('held')
    expect(checkSummary(c)).toBe('1 of 3 outcomes as expected')
    const two = c.byEvent.get(2)
    if (two) expect(describeOutcome(two)).toBe('#2 expected not to match, but matched')
  })

  it('counts an event of a sequence (or sample) as matched, a missing stage not', () => {
    const seq = {
      kind: 'sequences',
      sequences: [{ joinKeys: [], events: [{ index: 0, hits: [] }, { missing: true, stage: 1 }, { index: 1, hits: [] }] }],
    } as unknown as RunResult
    expect(checkExpectations(EXPECT, { result: seq, eventCount: 3 }).status).toBe('pass')
    const sample = { kind: 'samples', samples: [{ joinKeys: [], events: [{ index: 2, hits: [] }] }] } as unknown as RunResult
    expect(checkExpectations(EXPECT, { result: sample, eventCount: 3 }).byEvent.get(2)?.outcome).toBe('unexpected')
  })

  it('is pending while running, after an error or without a result, and none without expectations', () => {
    expect(checkExpectations(EXPECT, { result: events(0, 1), eventCount: 3 }, 'running').status).toBe('pending')
    expect(checkExpectations(EXPECT, { result: events(0, 1), eventCount: 3 }, 'error').status).toBe('pending')
    expect(checkExpectations(EXPECT, null).status).toBe('pending')
    expect(checkExpectations(EXPECT, { result: null, eventCount: 3 }).status).toBe('pending')
    expect(checkExpectations([], { result: events(0), eventCount: 3 }).status).toBe('none')
  })

  it('does not let deleted events pass: an expectation past the events is broken', () => {
    const c = checkExpectations([{ eventIndex: 5, expect: 'no-match' }], { result: events(), eventCount: 3 })
    expect(c.status).toBe('fail')
    expect(c.items[0]?.outcome).toBe('absent')
  })
})

describe('lost marks', () => {
  it('fail the check and are named, while pending stays pending', () => {
    const lost: Expectation[] = [{ eventIndex: 4, expect: 'match', fingerprint: 'f' }]
    const c = checkExpectations(EXPECT, { result: events(0, 1), eventCount: 3 }, 'idle', lost)
    expect([c.status, c.held, c.total, c.lost]).toEqual(['fail', 3, 4, lost])
    const first = lost[0]
    if (first) expect(describeLost(first)).toBe('the event expected to match at #4 was edited or deleted')
    expect(checkExpectations([], { result: events(), eventCount: 0 }, 'idle', lost).status).toBe('fail')
    expect(checkExpectations([], { result: events(), eventCount: 0 }, 'running', lost).status).toBe('pending')
  })

  it('a re-marked event keeps its fingerprint', () => {
    const marked = withExpectation([{ eventIndex: 1, expect: 'match', fingerprint: 'f', note: 'n' }], 1, 'no-match')
    expect(marked).toEqual([{ eventIndex: 1, expect: 'no-match', fingerprint: 'f' }])
  })
})

describe('withExpectation and withNote', () => {
  it('marks, re-marks and unmarks an event, keeping event order and the note while the outcome stays', () => {
    const marked = withExpectation(EXPECT, 4, 'no-match')
    expect(marked.map((e) => [e.eventIndex, e.expect])).toEqual([[0, 'match'], [1, 'match'], [2, 'no-match'], [4, 'no-match']])
    expect(withExpectation(EXPECT, 0, 'match').find((e) => e.eventIndex === 0)?.note).toBe('attack')
    expect(withExpectation(EXPECT, 0, 'no-match').find((e) => e.eventIndex === 0)).toEqual({ eventIndex: 0, expect: 'no-match' })
    expect(withExpectation(EXPECT, 0, null).map((e) => e.eventIndex)).toEqual([1, 2])
  })

  it('sets and clears a note', () => {
    expect(withNote(EXPECT, 1, 'why').find((e) => e.eventIndex === 1)?.note).toBe('why')
    expect(withNote(EXPECT, 0, '').find((e) => e.eventIndex === 0)).toEqual({ eventIndex: 0, expect: 'match' })
  })
})
