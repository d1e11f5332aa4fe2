import { NO_HITS, type MatchedEvent, type RunOutput, type RunResult } from '../result'
import { makeDiagnostic } from '../diagnostics/diagnostic'
import { RUN_CODES } from './codes-run'
import { faultOf } from './search-faults'
import { span } from '../source/span'
import { orderEvents } from './ordering'
import { pipeWindow } from './pipes'
import type { EqlProgram, EventProgram, RunLimits } from './program'
import { POLL_MASK, RunContext } from './run-context'
import { runSequence } from './run-sequence'
import { runSample } from './sample-matcher'
import { beginScan, endScan, scan } from '../values/prepared-events'

/**
 * Runs a compiled EQL program over events (any JSON values; non-objects simply match nothing).
 * Results refer to events by their index in `events`. Never throws: limits, stops and even engine
 * bugs come back as diagnostics (EQL3xxx) with `result` null when the run could not finish.
 */
export function runEql(program: EqlProgram | null, events: readonly unknown[], limits?: RunLimits): RunOutput {
  const ctx = new RunContext(limits, program?.span ?? span(0, 0))
  if (program === null || typeof program !== 'object') {
    ctx.report('noProgram')
    return { result: null, diagnostics: ctx.diagnostics, eventCount: 0 }
  }
  const list: readonly unknown[] = Array.isArray(events) ? events : []
  let result: RunResult | null
  program.faults.fault = null
  try {
    // field reads during the scans come from the events' columns (values/prepared-events.ts)
    beginScan(list)
    result = dispatch(program, list, ctx)
  } catch (e) {
    ctx.report('internal', { message: e instanceof Error ? e.message : String(e) })
    result = null
  } finally {
    endScan()
  }
  const fault = faultOf(program.faults)
  if (fault !== null) {
    // the search fails as a whole in Elasticsearch: report it at the clause, never partial results
    ctx.diagnostics.push(makeDiagnostic(RUN_CODES.searchFailure, fault.span, { message: fault.message }))
    result = null
  }
  return { result, diagnostics: ctx.diagnostics, eventCount: ctx.eventCount(list.length) }
}

function dispatch(program: EqlProgram, events: readonly unknown[], ctx: RunContext): RunResult | null {
  switch (program.kind) {
    case 'event':
      return runEventQuery(program, events, ctx)
    case 'sequence':
      return runSequence(program, events, ctx)
    case 'sample':
      return runSample(program, events, ctx)
  }
}

/**
 * Event queries (spec 4): every event the filter accepts, in ascending (timestamp, tiebreaker,
 * input) order, cut by size and head/tail. The filter runs first, in input order, so timestamps
 * are parsed and events sorted only for matches; field hits are computed for returned events only (and not at all with `hits: false`).
 */
function runEventQuery(program: EventProgram, events: readonly unknown[], ctx: RunContext): RunResult {
  const matcher = program.matcher
  const matched: number[] = []
  const n = events.length
  const s = scan
  const hidden = ctx.excluded
  for (let i = 0; i < n; i++) {
    if ((i & POLL_MASK) === 0 && ctx.shouldStop(i)) break
    // an event hidden by an exception is not in the search at all
    if (hidden !== undefined && hidden[i] === 1) continue
    const ev = events[i]
    s.event = ev
    s.index = i
    if (matcher.test(ev)) matched.push(i)
  }
  endScan()
  const ordered = orderEvents(events, matched, program.ordering)
  if (ordered.withoutTimestamp > 0) {
    ctx.report('missingTimestamp', { count: ordered.withoutTimestamp, field: program.ordering.timestampField })
  }
  const w = pipeWindow(ordered.order.length, program.size, program.resultPosition, program.pipes)
  const out: MatchedEvent[] = []
  const withHits = ctx.hits
  for (let k = w.from; k < w.to; k++) {
    const index = ordered.order[k] as number
    out.push({ index, hits: withHits ? matcher.hits(events[index]) : NO_HITS })
  }
  return { kind: 'events', events: out }
}
