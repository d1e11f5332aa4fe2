import { NO_HITS, type MatchedEvent, type MissingEvent, type RunResult, type SequenceMatch } from '../result'
import { orderEvents, type OrderedEvents } from './ordering'
import { pipeWindow } from './pipes'
import type { EventMatcher, KeyReader, SequenceProgram } from './program'
import { POLL_MASK, type RunContext } from './run-context'
import { compareTuples, displayTuple, TupleMap } from './run-join-keys'
import { matchSequences, type Completion, type MatchStage, type PartialSequence, type TupleCache } from './sequence-matcher'
import { endScan, scan } from '../values/prepared-events'
import { keepsMissing, type MissingSlot, type MissingTimes } from './sequence-missing'

const MISSING: MissingEvent = { missing: true }

/**
 * Sequence queries: one pass testing every distinct filter on every event (input order), ordering
 * of the events that passed any, the per-key state machine, missing-event checks, then size and
 * pipes over sequences ordered by their last event. Sequences ending on the same event (only
 * possible with multi-valued keys) are ordered by key tuple, as the QA data shows.
 */
export function runSequence(program: SequenceProgram, events: readonly unknown[], ctx: RunContext): RunResult | null {
  const filters: EventMatcher[] = []
  const filterOf = (m: EventMatcher): number => {
    let f = filters.indexOf(m)
    if (f < 0) f = filters.push(m) - 1
    return f
  }
  const keysets: (readonly KeyReader[])[] = []
  const keysetOf = (keys: readonly KeyReader[]): number => {
    let k = keysets.findIndex((ks) => ks.length === keys.length && ks.every((r, j) => r === keys[j]))
    if (k < 0) k = keysets.push(keys) - 1
    return k
  }
  const positive: MatchStage[] = []
  const missingDefs: { filter: number; keyset: number; times: MissingTimes }[] = []
  const slots: MissingSlot[] = []
  for (const st of program.stages) {
    const filter = filterOf(st.matcher)
    const keyset = keysetOf(st.keys)
    if (!st.missing) {
      positive.push({ filter, keyset })
      continue
    }
    let def = missingDefs.find((d) => d.filter === filter && d.keyset === keyset)
    if (def === undefined) {
      def = { filter, keyset, times: new TupleMap<number[]>() }
      missingDefs.push(def)
    }
    slots.push({ after: positive.length, times: def.times })
  }
  if (positive.length === 0) return { kind: 'sequences', sequences: [] }
  const until: MatchStage | null =
    program.until === null ? null : { filter: filterOf(program.until.matcher), keyset: keysetOf(program.until.keys) }

  const F = filters.length
  const { flags, candidates } = testFilters(events, filters, ctx)
  const ordered = orderEvents(events, candidates, program.ordering)
  if (ordered.withoutTimestamp > 0) {
    ctx.report('missingTimestamp', { count: ordered.withoutTimestamp, field: program.ordering.timestampField })
  }

  const onEvent =
    missingDefs.length === 0
      ? undefined
      : (rank: number, i: number, cache: TupleCache): void => {
          for (const d of missingDefs) {
            if (flags[i * F + d.filter] === 0) continue
            const ms = ordered.millis[rank] as number
            for (const tuple of cache.tuplesOf(d.keyset)) {
              const list = d.times.get(tuple)
              if (list === undefined) d.times.set(tuple, [ms])
              else list.push(ms)
            }
          }
        }
  const done = matchSequences(
    { events, ordered, flags, filterCount: F, keysets, positive, until, maxspanMillis: program.maxspanMillis, onEvent },
    ctx,
  )
  if (done === null) return null

  done.sort(byLastThenKey)
  // missing-event checks on every candidate (they decide which ones count for size and pipes);
  // positions are only materialised for the returned window
  let kept: Completion[] = done
  if (slots.length > 0) {
    const times = new Array<number>(positive.length).fill(0)
    kept = done.filter((c) => {
      let k = positive.length
      for (let p: PartialSequence | null = c.last; p !== null; p = p.prev) times[--k] = ordered.millis[p.rank] as number
      return keepsMissing(times, c.tuple, slots, program.maxspanMillis)
    })
  }

  const w = pipeWindow(kept.length, program.size, program.resultPosition, program.pipes)
  return { kind: 'sequences', sequences: buildSequences(kept.slice(w.from, w.to), program, events, ordered, positive.length, ctx.hits) }
}

/** Pre-pass over the input: which filters each event passes; only events passing some are ordered. */
function testFilters(
  events: readonly unknown[],
  filters: readonly EventMatcher[],
  ctx: RunContext,
): { flags: Uint8Array; candidates: number[] } {
  const F = filters.length
  const n = events.length
  const flags = new Uint8Array(n * F)
  const candidates: number[] = []
  const s = scan
  // an event hidden by an exception is never a candidate: it fills no stage, is no `until` event
  // and no missing-stage event (all three are read from these flags)
  const hidden = ctx.excluded
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0 && ctx.shouldStop(i)) break
    if (hidden !== undefined && hidden[i] === 1) continue
    const ev = events[i]
    // filters read the event's columns (runEql began the scan)
    s.event = ev
    s.index = i
    let any = false
    for (let f = 0; f < F; f++) {
      if ((filters[f] as EventMatcher).test(ev)) {
        flags[i * F + f] = 1
        any = true
      }
    }
    if (any) candidates.push(i)
  }
  endScan()
  return { flags, candidates }
}

/** Result rows for the returned window: event positions, placeholders, hits and join keys. */
function buildSequences(
  window: readonly Completion[],
  program: SequenceProgram,
  events: readonly unknown[],
  ordered: OrderedEvents,
  positiveCount: number,
  withHits: boolean,
): SequenceMatch[] {
  const sequences: SequenceMatch[] = []
  const ranks = new Array<number>(positiveCount).fill(0)
  for (const c of window) {
    let j = positiveCount
    for (let p: PartialSequence | null = c.last; p !== null; p = p.prev) ranks[--j] = p.rank
    const out: (MatchedEvent | MissingEvent)[] = []
    let q = 0
    for (const st of program.stages) {
      if (st.missing) {
        out.push(MISSING)
        continue
      }
      const index = ordered.order[ranks[q] as number] as number
      out.push({ index, hits: withHits ? st.matcher.hits(events[index]) : NO_HITS })
      q++
    }
    sequences.push({ joinKeys: displayTuple(c.tuple, program.keyDisplay), events: out })
  }
  return sequences
}

function byLastThenKey(a: Completion, b: Completion): number {
  return a.last.rank - b.last.rank || compareTuples(a.tuple, b.tuple)
}
