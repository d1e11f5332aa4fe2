import { describe, expect, it } from 'vitest'
import type { FieldHit, RunResult } from '../engine'
import { HeldRun, HeldRuns, RUNS_KEPT } from './run-hits'

const hit = (field: string, start: number): FieldHit => ({ field, span: { start, end: start + 1 } })

describe('HeldRun', () => {
  const events: RunResult = { kind: 'events', events: [5, 1, 9].map((index) => ({ index, hits: [] })) }
  // hits on demand: the event's own value names its field, the stage its span
  const stageHits = (event: unknown, stage: number): FieldHit[] => [hit(String(event), stage)]

  it('answers the hits of matched events only, from the program', () => {
    const run = new HeldRun(1, 1, events, stageHits)
    expect(run.hitsFor(9, 'x')).toEqual({ hits: [hit('x', 0)] })
    expect(run.hitsFor(2, 'y')).toBeNull()
    expect(run.hitsFor(99, 'z')).toBeNull()
  })

  it('sequences: hits per stage an event fills, its own those of its first stage in result order', () => {
    const seq: RunResult = {
      kind: 'sequences',
      sequences: [
        { joinKeys: ['h'], events: [{ index: 0, hits: [] }, { index: 1, hits: [] }] },
        { joinKeys: ['h'], events: [{ index: 1, hits: [] }, { missing: true }, { index: 2, hits: [] }] },
      ],
    }
    const run = new HeldRun(1, 1, seq, stageHits)
    expect(run.hitsFor(1, 'e1')).toEqual({ hits: [hit('e1', 1)], byStage: { 1: [hit('e1', 1)], 0: [hit('e1', 0)] } })
    expect(run.hitsFor(2, 'e2')).toEqual({ hits: [hit('e2', 2)], byStage: { 2: [hit('e2', 2)] } })
    expect(run.hitsFor(3, 'e3')).toBeNull()
  })

  it('gathers hit spans in slices within its budget, then completely', () => {
    const many: RunResult = { kind: 'events', events: Array.from({ length: 1000 }, (_, index) => ({ index, hits: [] })) }
    // every event hits span 0, the last one also a span of its own
    const run = new HeldRun(1, 1, many, (event) => (event === 999 ? [hit('a', 0), hit('b', 7)] : [hit('a', 0)]))
    const list = Array.from({ length: 1000 }, (_, i) => i)
    let clock = 0
    const now = () => clock++
    const first = run.spansWithin(list, 0, now)
    expect(first).toEqual({ spans: [{ start: 0, end: 1 }], complete: false })
    let last = first
    for (let k = 0; k < 10 && !last.complete; k++) last = run.spansWithin(list, 0, now)
    expect(last).toEqual({ spans: [{ start: 0, end: 1 }, { start: 7, end: 8 }], complete: true })
  })
})

describe('HeldRuns', () => {
  it('keeps the latest runs of the current dataset', () => {
    const runs = new HeldRuns()
    const result: RunResult = { kind: 'events', events: [] }
    const ids = Array.from({ length: RUNS_KEPT + 1 }, () => runs.newId())
    for (const id of ids) runs.keep(new HeldRun(id, 1, result, null))
    expect(runs.get(ids[0] ?? -1, 1)).toBeUndefined()
    expect(runs.get(ids[RUNS_KEPT] ?? -1, 1)?.runId).toBe(ids[RUNS_KEPT])
    expect(runs.get(ids[RUNS_KEPT] ?? -1, 2)).toBeUndefined()
    const other = runs.newId()
    runs.keep(new HeldRun(other, 2, result, null))
    expect(runs.get(ids[RUNS_KEPT] ?? -1, 1)).toBeUndefined()
    expect(runs.get(other, 2)?.runId).toBe(other)
  })
})
