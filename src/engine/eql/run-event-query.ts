import type { MatchedEvent, RunResult } from '../result'
import { orderEvents } from './ordering'
import { pipeWindow } from './pipes'
import type { EventProgram } from './program'
import { POLL_MASK, type RunContext } from './run-context'

/**
 * Event queries (spec 4): every event the filter accepts, in ascending (timestamp, tiebreaker,
 * input) order, cut by size and head/tail. The filter runs first, in input order, so timestamps
 * are parsed and events sorted only for matches; field hits are computed for returned events only.
 */
export function runEventQuery(program: EventProgram, events: readonly unknown[], ctx: RunContext): RunResult {
  const matcher = program.matcher
  const matched: number[] = []
  const n = events.length
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0 && ctx.shouldStop(i)) break
    if (matcher.test(events[i])) matched.push(i)
  }
  const ordered = orderEvents(events, matched, program.ordering)
  if (ordered.withoutTimestamp > 0) {
    ctx.report('missingTimestamp', { count: ordered.withoutTimestamp, field: program.ordering.timestampField })
  }
  const w = pipeWindow(ordered.order.length, program.size, program.resultPosition, program.pipes)
  const out: MatchedEvent[] = []
  for (let k = w.from; k < w.to; k++) {
    const index = ordered.order[k] as number
    out.push({ index, hits: matcher.hits(events[index]) })
  }
  return { kind: 'events', events: out }
}
