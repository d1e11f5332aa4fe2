import { exceedsMaxspan, type OrderedEvents } from './ordering'
import type { KeyReader, KeyValue } from './program'
import type { RunContext } from './run-context'
import { keyTuples, TupleMap } from './run-join-keys'
import { POLL_MASK } from './run-context'

/**
 * The sequence state machine (spec 8.2-8.4), one per join-key tuple.
 *
 * Spec 8.3 keeps, per key and stage, a list of pending partials, and an event of stage i takes the
 * LATEST partial of stage i-1 strictly before it and drops it together with every older one. Since
 * events arrive in ordinal order, every pending partial is strictly before the current event, so a
 * stage-i event always empties the stage-(i-1) list: the list never needs more than its newest
 * entry. Each key therefore holds one slot per stage, and a newer partial simply overwrites an older
 * one (what the syntax reference describes as "a newer one overwrites the older").
 *
 * An event is offered to the stages from last to first, so a partial it has just extended is never
 * extended again by the same event, while the event may still complete one sequence and start
 * another (`[1,2] [2,3]`).
 */

/** A partial sequence as a linked list from its last event back to its first (no copying). */
export class PartialSequence {
  constructor(
    readonly rank: number,
    readonly first: number,
    readonly prev: PartialSequence | null,
  ) {}
}

/** A completed sequence (positive events only): its last partial and its key tuple. */
export interface Completion {
  /** the last positive event */
  readonly last: PartialSequence
  readonly tuple: readonly KeyValue[]
}

/** What the matcher needs about each positive stage / the until stage. */
export interface MatchStage {
  /** index into the per-event filter flags */
  readonly filter: number
  /** index into the distinct key-reader lists */
  readonly keyset: number
}

/** Everything the state machine reads; built by run-sequence.ts. */
export interface MatcherInput {
  readonly events: readonly unknown[]
  readonly ordered: OrderedEvents
  /** flags[inputIndex * filterCount + filter] !== 0 when the event passed that filter */
  readonly flags: Uint8Array
  readonly filterCount: number
  readonly keysets: readonly (readonly KeyReader[])[]
  readonly positive: readonly MatchStage[]
  readonly until: MatchStage | null
  readonly maxspanMillis: number | null
  /** called once per ordered event after the stages, e.g. to collect missing-stage events */
  readonly onEvent?: (rank: number, inputIndex: number, tuples: TupleCache) => void
}

class KeyState {
  readonly slots: (PartialSequence | null)[]
  live = 0
  /** rank of the latest until event of this key processed so far; -1 when none */
  until = -1

  constructor(
    readonly tuple: readonly KeyValue[],
    stages: number,
  ) {
    this.slots = new Array<PartialSequence | null>(stages).fill(null)
  }
}

/** Per-event lazily computed key tuples, per keyset (stamped, so nothing is cleared per event). */
export class TupleCache {
  private readonly tuples: (readonly (readonly KeyValue[])[])[]
  private readonly stamps: Int32Array
  private stamp = 0
  private event: unknown = undefined

  constructor(private readonly keysets: readonly (readonly KeyReader[])[]) {
    this.tuples = keysets.map(() => [])
    this.stamps = new Int32Array(keysets.length)
  }

  reset(event: unknown): void {
    this.event = event
    this.stamp++
  }

  tuplesOf(keyset: number): readonly (readonly KeyValue[])[] {
    if (this.stamps[keyset] !== this.stamp) {
      this.tuples[keyset] = keyTuples(this.keysets[keyset] ?? [], this.event)
      this.stamps[keyset] = this.stamp
    }
    return this.tuples[keyset] as readonly (readonly KeyValue[])[]
  }
}

/**
 * Runs the state machine over the ordered events. Returns completions in ordinal order of their
 * last event (ties in fan-out order; the caller orders ties by key), or null when the pending
 * limit was hit (EQL3001 reported).
 */
export function matchSequences(input: MatcherInput, ctx: RunContext): Completion[] | null {
  const { events, ordered, flags, filterCount: F, positive, until, maxspanMillis } = input
  const P = positive.length
  const states = new TupleMap<KeyState>()
  const done: Completion[] = []
  const cache = new TupleCache(input.keysets)
  let pending = 0
  const m = ordered.order.length
  for (let r = 0; r < m; r++) {
    if ((r & POLL_MASK) === 0 && ctx.shouldStop(r)) break
    const i = ordered.order[r] as number
    cache.reset(events[i])
    const base = i * F
    for (let s = P - 1; s >= 0; s--) {
      const stage = positive[s] as MatchStage
      if (flags[base + stage.filter] === 0) continue
      const tuples = cache.tuplesOf(stage.keyset)
      for (let t = 0; t < tuples.length; t++) {
        const tuple = tuples[t] as readonly KeyValue[]
        let st = states.get(tuple)
        if (s === 0) {
          if (P === 1) {
            done.push({ last: new PartialSequence(r, r, null), tuple })
            continue
          }
          if (st === undefined) {
            st = new KeyState(tuple, P)
            states.set(tuple, st)
          }
          if (st.slots[0] === null) {
            st.live++
            pending++
          }
          // a newer partial replaces the older one (spec 8.3)
          st.slots[0] = new PartialSequence(r, r, null)
          continue
        }
        if (st === undefined) continue
        const prev = st.slots[s - 1]
        if (prev === null || prev === undefined) continue
        // the latest partial is taken and, with it, every older one is gone (spec 8.3)
        st.slots[s - 1] = null
        st.live--
        pending--
        const expired = maxspanMillis !== null && exceedsMaxspan(ordered, prev.first, r, maxspanMillis)
        // until: an until event at or after the partial's last event, and before this one, cancels
        const cancelled = st.until >= prev.rank
        if (!expired && !cancelled) {
          const p = new PartialSequence(r, prev.first, prev)
          if (s === P - 1) done.push({ last: p, tuple: st.tuple })
          else {
            if (st.slots[s] === null) {
              st.live++
              pending++
            }
            st.slots[s] = p
          }
        }
        if (st.live === 0) states.delete(tuple)
      }
    }
    if (pending > ctx.maxPending) {
      ctx.report('tooManyPending', { limit: ctx.maxPending })
      return null
    }
    input.onEvent?.(r, i, cache)
    // until events are recorded after the stages, so they only affect later events (strictly before)
    if (until !== null && flags[base + until.filter] !== 0) {
      for (const tuple of cache.tuplesOf(until.keyset)) {
        const st = states.get(tuple)
        if (st !== undefined) st.until = r
      }
    }
  }
  return done
}
