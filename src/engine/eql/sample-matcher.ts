import { NO_HITS, type MatchedEvent, type RunResult, type SequenceMatch } from '../result'
import { pipeWindow } from './pipes'
import type { KeyValue, SampleProgram } from './program'
import { POLL_MASK, type RunContext } from './run-context'
import { compareTuples, displayTuple, keyTuples, TupleMap } from './run-join-keys'
import { endScan, scan } from '../values/prepared-events'

/**
 * Samples (spec 9): unordered groups of events sharing a join-key tuple, one event per filter,
 * each filter matched by a different event. Timestamps play no part. Up to `maxSamplesPerKey`
 * samples per tuple, tuples in ascending key order (null first, strings in byte order); `size` and
 * pipes then cut from the front of that order, as the QA `size2`/`size3` cases show.
 *
 * Which events fill a sample is not deterministic in Elasticsearch. We choose reproducibly: each
 * stage's candidates in input order, and the j-th sample of a tuple prefers the j-th candidate of
 * every stage (the last one when a stage has fewer), moving on to later ones only to keep the
 * events of one sample distinct and the samples of one tuple different.
 */

interface Group {
  readonly tuple: readonly KeyValue[]
  /** per stage, matching input indexes in input order (capped at maxSamplesPerKey + stage count) */
  readonly lists: number[][]
}

// Each stage keeps maxSamplesPerKey + stage-count candidates per tuple: enough to pick distinct
// events for every sample in all but contrived cases, and bounded memory for the rest.
const SEARCH_BUDGET = 10_000

/** Runs a sample query; null when the stored-candidate limit was hit (EQL3001 reported). */
export function runSample(program: SampleProgram, events: readonly unknown[], ctx: RunContext): RunResult | null {
  const stages = program.stages
  const S = stages.length
  const perKey = Math.max(1, Math.floor(program.maxSamplesPerKey))
  const cap = perKey + S
  const groups = new TupleMap<Group>()
  const all: Group[] = []
  let stored = 0
  const n = events.length
  const cur = scan
  const hidden = ctx.excluded
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0 && ctx.shouldStop(i)) break
    // an event hidden by an exception fills no stage of any sample
    if (hidden !== undefined && hidden[i] === 1) continue
    const ev = events[i]
    // filters and keys read the event's columns (runEql began the scan)
    cur.event = ev
    cur.index = i
    for (let s = 0; s < S; s++) {
      const stage = stages[s]
      if (stage === undefined || !stage.matcher.test(ev)) continue
      for (const tuple of keyTuples(stage.keys, ev)) {
        let g = groups.get(tuple)
        if (g === undefined) {
          g = { tuple, lists: Array.from({ length: S }, () => []) }
          groups.set(tuple, g)
          all.push(g)
        }
        const list = g.lists[s] as number[]
        if (list.length < cap) {
          list.push(i)
          stored++
        }
      }
    }
    if (stored > ctx.maxPending) {
      ctx.report('tooManyPending', { limit: ctx.maxPending })
      return null
    }
  }
  endScan()

  const ordered = all.sort((a, b) => compareTuples(a.tuple, b.tuple))
  const found: { g: Group; picks: number[] }[] = []
  for (const g of ordered) {
    if (g.lists.some((l) => l.length === 0)) continue
    for (const picks of pickSamples(g.lists, perKey)) found.push({ g, picks })
  }
  const w = pipeWindow(found.length, program.size, 'head', program.pipes)
  const withHits = ctx.hits
  const samples: SequenceMatch[] = []
  for (let k = w.from; k < w.to; k++) {
    const { g, picks } = found[k] as { g: Group; picks: number[] }
    const out: MatchedEvent[] = picks.map((index, s) => ({
      index,
      hits: withHits ? (stages[s]?.matcher.hits(events[index]) ?? []) : NO_HITS,
    }))
    samples.push({ joinKeys: displayTuple(g.tuple, program.keyDisplay), events: out })
  }
  return { kind: 'samples', samples }
}

/** Up to `count` different assignments of distinct events to stages (see the file comment). */
export function pickSamples(lists: readonly (readonly number[])[], count: number): number[][] {
  const S = lists.length
  const result: number[][] = []
  const seen = new Set<string>()
  let budget = SEARCH_BUDGET
  for (let j = 0; j < count; j++) {
    const picks: number[] = []
    const used = new Set<number>()
    const assign = (s: number): boolean => {
      if (budget-- <= 0) return false
      if (s === S) return !seen.has(picks.join(','))
      const list = lists[s] as readonly number[]
      const start = Math.min(j, list.length - 1)
      for (let o = 0; o < list.length; o++) {
        const e = list[(start + o) % list.length] as number
        if (used.has(e)) continue
        used.add(e)
        picks.push(e)
        if (assign(s + 1)) return true
        picks.pop()
        used.delete(e)
      }
      return false
    }
    if (!assign(0)) break
    seen.add(picks.join(','))
    result.push([...picks])
  }
  return result
}
