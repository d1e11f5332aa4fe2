import type { EqlProgram } from './eql/program'
import type { KqlProgram } from './kql/program'
import { NO_HITS, type FieldHit } from './result'

/**
 * One matched event's hits, on demand, from the compiled program of the run that matched it.
 *
 * A run made with `hits: false` (RunLimits / KqlRunOptions) returns its matches without hits, so a
 * query matching 100,000 events does not build 100,000 hit lists; the worker then asks for the
 * hits of the few rows on screen here. They are the run's own values: the same matcher's `hits`
 * the runners call (runEql, runSequence, runSample, runKql), for the same event and stage.
 * For KQL, `runKql` bound the value-less constant_keyword fields to the run's events; those
 * bindings stay on the program, so ask with the program of the run, over the same events.
 */

/** What hitsOf accepts: a compiled EQL or KQL program. */
export type HitsProgram = EqlProgram | KqlProgram

/**
 * The hits of `event` as the run reported them. `stage`: for sequences and samples, the event's
 * position in its match (`SequenceMatch.events`, runs expanded, missing stages counted); ignored
 * for event queries and KQL. A stage out of range or a missing stage has no hits.
 */
export function hitsOf(program: HitsProgram, event: unknown, stage = 0): readonly FieldHit[] {
  switch (program.kind) {
    case 'kql':
      return program.hits(event)
    case 'event':
      return program.matcher.hits(event)
    case 'sequence':
    case 'sample': {
      const st = program.stages[stage]
      return st === undefined || st.missing ? NO_HITS : st.matcher.hits(event)
    }
  }
}
