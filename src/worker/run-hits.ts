import type { FieldHit, MatchedEvent, RunResult, Span } from '../engine'
import type { EventHits } from './protocol'

/**
 * The runs the worker keeps so the page can ask for the hits of the rows it shows. A run is made
 * without hits (the engine's `hits: false`): the report carries the match structure only, and the
 * hits of an event are computed here when a window of rows asks for them, from the run's own
 * compiled program (engine `hitsOf`), so they are the values the run would have collected.
 */

/** One event's hits in its stage (0 for event queries and KQL), from the run's program. */
export type StageHits = (event: unknown, stage: number) => readonly FieldHit[]

/** Runs kept: the report on screen may be one or two runs behind the newest while typing. */
export const RUNS_KEPT = 3

interface Occurrence {
  readonly stage: number
  /** the run's own hits (a run made with hits, when the engine has no `hitsOf`) */
  readonly hits: readonly FieldHit[]
}

/** One matched event in one stage, for gathering hit spans. */
interface Visit {
  readonly index: number
  readonly stage: number
  readonly hits: readonly FieldHit[]
}

/** A finished run, held for its hits. */
export class HeldRun {
  private positions: Int32Array | null = null
  private occurrences: Map<number, Occurrence[]> | null = null
  private gathering: { seen: Set<number>; spans: Span[]; next: number; todo: Visit[] | null } | null = null

  constructor(
    readonly runId: number,
    readonly eventsVersion: number,
    readonly result: RunResult,
    /** null: the run collected its hits itself (read them from `result`) */
    private readonly stageHits: StageHits | null,
  ) {}

  /** The hits of the event at `index` (`event` is that event), or null when no match holds it. */
  hitsFor(index: number, event: unknown): EventHits | null {
    const r = this.result
    if (r.kind === 'events') {
      const pos = this.positionsOf(r.events)[index] ?? -1
      if (pos < 0) return null
      return { hits: this.stageHits === null ? (r.events[pos]?.hits ?? []) : this.stageHits(event, 0) }
    }
    const occ = this.occurrencesOf().get(index)
    if (occ === undefined || occ.length === 0) return null
    const byStage: Record<number, readonly FieldHit[]> = {}
    for (const o of occ) if (!(o.stage in byStage)) byStage[o.stage] = this.stageHits === null ? o.hits : this.stageHits(event, o.stage)
    const first = occ[0]
    return { hits: (first === undefined ? undefined : byStage[first.stage]) ?? [], byStage }
  }

  /**
   * The distinct spans of every hit of the run, gathered over its matches in slices of at most
   * `budgetMs` (a run matching 100,000 events takes ~300 ms to visit whole; the worker must stay
   * free for the next keystroke's run). `complete` false: ask again for the rest; the spans so
   * far are all real hit spans.
   */
  spansWithin(events: readonly unknown[], budgetMs: number, now: () => number): { spans: readonly Span[]; complete: boolean } {
    const g = (this.gathering ??= { seen: new Set<number>(), spans: [], next: 0, todo: this.result.kind === 'events' ? null : this.visits() })
    const r = this.result
    const total = g.todo === null ? (r.kind === 'events' ? r.events.length : 0) : g.todo.length
    const deadline = now() + budgetMs
    const add = (hits: readonly FieldHit[]): void => {
      for (const h of hits) {
        // a number, not a string per hit: 100,000 matches make several hundred thousand hits
        const key = h.span.start * 2 ** 24 + h.span.end
        if (g.seen.has(key)) continue
        g.seen.add(key)
        g.spans.push(h.span)
      }
    }
    const from = g.next
    while (g.next < total) {
      // the clock is read every 256 matches (cheap next to the hits themselves); each slice
      // visits at least that many, so asking again always makes progress
      if ((g.next & 255) === 0 && g.next > from && now() > deadline) break
      // event queries: the result's own list (no copy of 100,000 entries); groups: their visits
      const k = g.next++
      const v = g.todo === null ? (r.kind === 'events' ? r.events[k] : undefined) : g.todo[k]
      if (v === undefined) continue
      const stage = g.todo?.[k]?.stage ?? 0
      add(this.stageHits === null ? v.hits : this.stageHits(events[v.index], stage))
    }
    return { spans: [...g.spans], complete: g.next >= total }
  }

  /** Every (event, stage) of a sequence or sample result once, with the run's own hits. */
  private visits(): Visit[] {
    const out: Visit[] = []
    for (const [index, occ] of this.occurrencesOf()) for (const o of occ) out.push({ index, stage: o.stage, hits: o.hits })
    return out
  }

  private positionsOf(list: readonly MatchedEvent[]): Int32Array {
    if (this.positions !== null) return this.positions
    let max = -1
    for (const e of list) if (e.index > max) max = e.index
    const pos = new Int32Array(max + 1).fill(-1)
    // the first occurrence wins, as in the hits map reports used to carry
    for (let k = list.length - 1; k >= 0; k--) {
      const e = list[k]
      if (e !== undefined) pos[e.index] = k
    }
    this.positions = pos
    return pos
  }

  /** Event index -> the stages it fills, in result order (sequences and samples). */
  private occurrencesOf(): Map<number, Occurrence[]> {
    if (this.occurrences !== null) return this.occurrences
    const map = new Map<number, Occurrence[]>()
    const r = this.result
    const groups = r.kind === 'sequences' ? r.sequences : r.kind === 'samples' ? r.samples : []
    for (const g of groups) {
      g.events.forEach((e, stage) => {
        if ('missing' in e) return
        let list = map.get(e.index)
        if (list === undefined) map.set(e.index, (list = []))
        if (!list.some((o) => o.stage === stage)) list.push({ stage, hits: e.hits })
      })
    }
    this.occurrences = map
    return map
  }
}

/** The latest runs, newest last, at most RUNS_KEPT; a new dataset drops the older ones' worth. */
export class HeldRuns {
  private runs: HeldRun[] = []
  private nextId = 1

  /** A fresh run id (also for runs without a result, so every report names its own run). */
  newId(): number {
    return this.nextId++
  }

  keep(run: HeldRun): void {
    this.runs = [...this.runs.filter((r) => r.eventsVersion === run.eventsVersion), run].slice(-RUNS_KEPT)
  }

  /** The run `runId` over dataset `eventsVersion`, if still held. */
  get(runId: number, eventsVersion: number): HeldRun | undefined {
    return this.runs.find((r) => r.runId === runId && r.eventsVersion === eventsVersion)
  }
}
