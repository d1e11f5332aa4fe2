import type { RunOutput, RunResult } from '../result'
import { span } from '../source/span'
import type { EqlProgram, RunLimits } from './program'
import { RunContext } from './run-context'
import { runEventQuery } from './run-event-query'
import { runSequence } from './run-sequence'
import { runSample } from './sample-matcher'

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
  try {
    result = dispatch(program, list, ctx)
  } catch (e) {
    ctx.report('internal', { message: e instanceof Error ? e.message : String(e) })
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
