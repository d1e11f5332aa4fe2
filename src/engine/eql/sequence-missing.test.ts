import { describe, expect, it } from 'vitest'
import { isMissing, type RunOutput } from '../result'
import { runEql } from './run-eql'
import { key, matcher, sequenceProgram, type StageSpec, type TestEvent } from './run-test-programs'

const is = (tag: string): StageSpec['m'] => matcher((ev) => ev['tag'] === tag)
const ev = (id: string, tag: string, ts: number, extra: Record<string, unknown> = {}): TestEvent => ({ id, tag, ts, ...extra })
const MIN = 60_000

function ids(out: RunOutput, events: readonly TestEvent[]): string[][] {
  if (out.result?.kind !== 'sequences') throw new Error(`no sequences: ${JSON.stringify(out.diagnostics)}`)
  return out.result.sequences.map((s) => s.events.map((e) => (isMissing(e) ? '-' : String(events[e.index]?.['id']))))
}

describe('missing stage between positive stages', () => {
  const p = sequenceProgram([{ m: is('N') }, { m: is('M'), missing: true }, { m: is('N') }], { maxspan: 1000 })
  it('keeps candidates with no missing-stage event strictly between', () => {
    const evs = [ev('1', 'N', 1), ev('2', 'N', 2), ev('3', 'M', 3), ev('4', 'N', 4)]
    expect(ids(runEql(p, evs), evs)).toEqual([['1', '-', '2']])
  })
  it('an event in the same millisecond as a positive event does not count', () => {
    const evs = [ev('1', 'N', 1), ev('2', 'M', 1), ev('3', 'M', 5), ev('4', 'N', 5)]
    expect(ids(runEql(p, evs), evs)).toEqual([['1', '-', '4']])
  })
  it('a discarded candidate still consumed its partial (matching first, checking after)', () => {
    const evs = [ev('1', 'N', 1), ev('2', 'N', 2), ev('3', 'M', 3), ev('4', 'N', 4), ev('5', 'N', 5)]
    expect(ids(runEql(p, evs), evs)).toEqual([['1', '-', '2'], ['4', '-', '5']])
  })
})

describe('leading and trailing missing stages', () => {
  it('leading: no missing event within maxspan before the positive one', () => {
    const p = sequenceProgram([{ m: is('M'), missing: true }, { m: is('N') }], { maxspan: 3 * MIN })
    const evs = [ev('m1', 'M', 0), ev('n1', 'N', 10 * MIN), ev('m2', 'M', 20 * MIN), ev('n2', 'N', 21 * MIN)]
    expect(ids(runEql(p, evs), evs)).toEqual([['-', 'n1']])
  })
  it('leading: a gap exactly equal to maxspan still excludes (strictly greater needed)', () => {
    const p = sequenceProgram([{ m: is('M'), missing: true }, { m: is('N') }], { maxspan: 1000 })
    const evs = [ev('m', 'M', 0), ev('n1', 'N', 1000), ev('n2', 'N', 1001)]
    expect(ids(runEql(p, evs), evs)).toEqual([['-', 'n2']])
  })
  it('trailing: the earliest missing event after the last positive one decides', () => {
    const p = sequenceProgram([{ m: is('N') }, { m: is('M'), missing: true }], { maxspan: 1000 })
    const evs = [ev('n1', 'N', 0), ev('m', 'M', 500), ev('n2', 'N', 600), ev('n3', 'N', 5000)]
    // n1 is followed by m within the span; n2 and n3 have nothing after them
    expect(ids(runEql(p, evs), evs)).toEqual([['n2', '-'], ['n3', '-']])
  })
  it('both: kept when the gap between L and T exceeds maxspan', () => {
    const p = sequenceProgram([{ m: is('M'), missing: true }, { m: is('N') }, { m: is('M'), missing: true }], {
      maxspan: 20 * MIN,
    })
    const evs = [ev('m1', 'M', 0), ev('n', 'N', 10 * MIN), ev('m2', 'M', 21 * MIN)]
    expect(ids(runEql(p, evs), evs)).toEqual([['-', 'n', '-']])
    const tight = sequenceProgram([{ m: is('M'), missing: true }, { m: is('N') }, { m: is('M'), missing: true }], {
      maxspan: 22 * MIN,
    })
    expect(ids(runEql(tight, evs), evs)).toEqual([])
  })
  it('both: no leading event at all keeps the candidate', () => {
    const p = sequenceProgram([{ m: is('M'), missing: true }, { m: is('N') }, { m: is('M'), missing: true }], {
      maxspan: 1000,
    })
    const evs = [ev('n', 'N', 0), ev('m', 'M', 1)]
    expect(ids(runEql(p, evs), evs)).toEqual([['-', 'n', '-']])
  })
})

describe('missing stages with keys and runs', () => {
  it('looks up the candidate key among the missing stage own keys', () => {
    // positive stages join on k1; the missing stage is keyed on k2
    const p = sequenceProgram(
      [
        { m: is('N'), keys: [key('k1')] },
        { m: is('M'), keys: [key('k2')], missing: true },
        { m: is('N'), keys: [key('k1')] },
      ],
      { maxspan: 1000 },
    )
    const evs = [
      ev('1', 'N', 1, { k1: 'x' }),
      ev('2', 'M', 2, { k1: 'x', k2: 'y' }),
      ev('3', 'N', 3, { k1: 'x' }),
      ev('4', 'N', 4, { k1: 'y' }),
      ev('5', 'M', 5, { k2: 'y' }),
      ev('6', 'N', 6, { k1: 'y' }),
    ]
    const out = runEql(p, evs)
    expect(ids(out, evs)).toEqual([['1', '-', '3']])
  })
  it('leading and trailing stages only see events of the same key', () => {
    const keys = [key('host')]
    const p = sequenceProgram(
      [{ m: is('M'), keys, missing: true }, { m: is('N'), keys }, { m: is('M'), keys, missing: true }],
      { maxspan: 1000 },
    )
    const evs = [
      ev('m-a', 'M', 0, { host: 'a' }),
      ev('n-a', 'N', 100, { host: 'a' }),
      ev('n-b', 'N', 100, { host: 'b' }),
      ev('m-b', 'M', 200, { host: 'b' }),
      ev('n-c', 'N', 300, { host: 'c' }),
      ev('m-c1', 'M', 250, { host: 'c' }),
      ev('m-c2', 'M', 350, { host: 'c' }),
    ]
    // a: only a leading M (no trailing) -> kept; b: only a trailing M -> kept;
    // c: M 50 ms before and 50 ms after, T - L = 100 <= 1000 -> dropped
    expect(ids(runEql(p, evs), evs)).toEqual([['-', 'n-a', '-'], ['-', 'n-b', '-']])
  })
  it('runs on a missing stage gives several placeholders', () => {
    const p = sequenceProgram([{ m: is('N') }, { m: is('M'), missing: true, runs: 2 }, { m: is('N') }], { maxspan: 1000 })
    const evs = [ev('1', 'N', 1), ev('2', 'N', 2)]
    expect(ids(runEql(p, evs), evs)).toEqual([['1', '-', '-', '2']])
  })
})
