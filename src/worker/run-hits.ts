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

/** A finished run, held for its hits. */
export class HeldRun {
  private positions: Int32Array | null = null
  private occurrences: Map<number, Occurrence[]> | null = null
  private spans: Span[] | null = null

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

  /** The distinct spans of every hit of the run (computed once, on first ask: it visits every match). */
  allSpans(events: readonly unknown[]): readonly Span[] {
    if (this.spans !== null) return this.spans
    const seen = new Set<string>()
    const out: Span[] = []
    const add = (hits: readonly FieldHit[]): void => {
      for (const h of hits) {
        const key = `${h.span.start}:${h.span.end}`
        if (seen.has(key)) continue
        seen.add(key)
        out.push(h.span)
      }
    }
    const r = this.result
    if (r.kind === 'events') for (const e of r.events) add(this.stageHits === null ? e.hits : this.stageHits(events[e.index], 0))
    else
      for (const [index, occ] of this.occurrencesOf())
        for (const o of occ) add(this.stageHits === null ? o.hits : this.stageHits(events[index], o.stage))
    this.spans = out
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
