import { isMissing, type MatchedEvent, type MissingEvent, type RunResult, type SequenceMatch } from '../result'
import type { Detection } from './types'

/**
 * Detections of the query and eql rule types from one execution's run result (the run over the
 * events of the window, exceptions and filters already applied):
 *
 * - an event query (KQL, or EQL without sequence/sample): one detection per matched event, key
 *   `e:<index>`. The engine's alert id is a hash of the source event's id and index with the
 *   rule's id, so the same event seen by an overlapping window is the same alert: the key only
 *   has to name the event.
 * - an EQL sequence: one detection per sequence, key `s:<i>,<j>,...` (its events' indexes in stage
 *   order; `![...]` stages have no event and no index), details {kind: 'sequence', stages}. The
 *   engine writes N building-block alerts (one per event) and one shell alert per sequence; the
 *   alert module builds all of them from this one detection, so max_signals and deduplication
 *   count sequences, as the engine's EQL request (size = max_signals) counts them.
 *   `time` is the sequence's last event's time. The engine's shell alert takes its
 *   kibana.alert.original_time from its first building block's @timestamp, which is the alert's
 *   write time, not an event's [verify]; the last event is when the sequence became complete,
 *   which is what a timeline of alerts should show.
 * - an EQL sample: rules may use `sample` (detection-rules accepts it, 3 corpus rules do);
 *   Elasticsearch answers samples in `hits.sequences` and the engine wraps them as sequences, so
 *   each sample is one detection like a sequence (key `m:<i>,<j>,...`) [verify].
 *
 * Events without a time (NaN) keep NaN as their detection's time; the schedule never puts them in
 * a window, so they do not reach here in a simulation.
 */
export interface DetectionsFromResultOptions {
  /**
   * The rule is a building-block rule. Detections do not change: the alert module marks every
   * alert from the rule's building_block_type; accepted so callers can pass rule params through.
   */
  readonly buildingBlock?: boolean
}

export function detectionsFromResult(result: RunResult, times: Float64Array, opts?: DetectionsFromResultOptions): Detection[] {
  void opts
  switch (result.kind) {
    case 'events':
      return result.events.map((e) => ({ key: `e:${e.index}`, eventIndexes: [e.index], time: timeOf(times, e.index) }))
    case 'sequences':
      return groupDetections(result.sequences, times, 's')
    case 'samples':
      return groupDetections(result.samples, times, 'm')
  }
}

function groupDetections(groups: readonly SequenceMatch[], times: Float64Array, prefix: string): Detection[] {
  const out: Detection[] = []
  for (const g of groups) {
    const indexes = g.events.filter((e): e is MatchedEvent => !isMissing(e as MatchedEvent | MissingEvent)).map((e) => e.index)
    if (indexes.length === 0) continue
    let time = Number.NaN
    for (const i of indexes) {
      const t = timeOf(times, i)
      // the latest event time; NaN only when no event has one
      if (!Number.isNaN(t) && !(t <= time)) time = t
    }
    out.push({ key: `${prefix}:${indexes.join(',')}`, eventIndexes: indexes, time, details: { kind: 'sequence', stages: indexes.length } })
  }
  return out
}

function timeOf(times: Float64Array, index: number): number {
  return index >= 0 && index < times.length ? (times[index] ?? Number.NaN) : Number.NaN
}
