import type { Span } from '../source/span'

/**
 * Where compiled closures record an evaluation error that Elasticsearch would raise while running
 * its script for a document — `number("abc")`, integer overflow, `/ by zero` on a field value. In
 * Elasticsearch such an exception fails the shard and so the whole search; there is no "no match"
 * for that event. The closure records the first fault (and answers false so the loop can finish
 * cheaply); the runner then reports the search as failed instead of returning results.
 *
 * One sink per compiled program, reset at the start of every run.
 */
export interface FaultSink {
  fault: { readonly message: string; readonly span: Span } | null
}

export function newFaultSink(): FaultSink {
  return { fault: null }
}

/** Records a fault unless one is already recorded (the first one is the one Elasticsearch meets). */
export function recordFault(sink: FaultSink | undefined, message: string, at: Span): void {
  if (sink !== undefined && sink.fault === null) sink.fault = { message, span: at }
}

/** The recorded fault, if any (a function, so the caller's earlier reset does not narrow it away). */
export function faultOf(sink: FaultSink): FaultSink['fault'] {
  return sink.fault
}
