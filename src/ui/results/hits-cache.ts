import type { FieldHit } from '../../engine'
import type { EventHits } from '../../worker/protocol'
import { MAX_PAGES, PAGE_SIZE } from './event-pages'

/**
 * The hits of the rows the list has shown, for ONE run (a report's `runId`): the worker computes
 * hits for the rows in view only, so the page keeps what it was sent, per event index, and starts
 * afresh with each new report. `null` records "asked: not matched in this run", so a window of
 * non-matching rows is not asked for again.
 */
export class HitsCache {
  private readonly hits = new Map<number, EventHits | null>()

  constructor(
    readonly runId: number,
    private readonly maxEvents = MAX_PAGES * PAGE_SIZE,
  ) {}

  /** The event's hits in this run; null: not matched; undefined: not known yet. */
  get(index: number): EventHits | null | undefined {
    return this.hits.get(index)
  }

  has(index: number): boolean {
    return this.hits.has(index)
  }

  /** Stores a window's hits (aligned with its event indexes), evicting the least recently stored past the cap. */
  putAll(indexes: readonly number[], hits: readonly (EventHits | null)[]): void {
    indexes.forEach((i, k) => {
      this.hits.delete(i)
      this.hits.set(i, hits[k] ?? null)
    })
    while (this.hits.size > this.maxEvents) {
      const oldest = this.hits.keys().next()
      if (oldest.done) break
      this.hits.delete(oldest.value)
    }
  }

  get size(): number {
    return this.hits.size
  }
}

const NO_HITS: readonly FieldHit[] = []

/** The hits a row shows: of its stage in a sequence or sample, else the event's own; none while unknown. */
export function rowHits(hits: EventHits | null | undefined, stage?: number): readonly FieldHit[] {
  if (hits === null || hits === undefined) return NO_HITS
  return (stage === undefined ? undefined : hits.byStage?.[stage]) ?? hits.hits
}
