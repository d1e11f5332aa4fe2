import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic'
import { NO_HITS, type MatchedEvent, type RunOutput } from '../result'
import { span } from '../source/span'
import { scalarText } from '../values/field-indexer'
import { KQL_RUN_CODES } from './codes-check'
import type { KqlProgram, KqlRunOptions } from './program'
import { beginScan, endScan, scan } from '../values/prepared-events'

// how often (in events) the loop polls shouldStop: one AND per event
const POLL_MASK = 4095

/**
 * Runs a compiled KQL program over events (any JSON values; non-objects match nothing). The
 * result is kind 'events': the matched events in INPUT order (a KQL rule has no ordering of its
 * own), each with the leaf clauses that held, computed for matched events only. Never throws.
 */
export function runKql(program: KqlProgram | null, events: readonly unknown[], opts: KqlRunOptions = {}): RunOutput {
  const diagnostics: Diagnostic[] = []
  if (program === null || typeof program !== 'object') {
    diagnostics.push(makeDiagnostic(KQL_RUN_CODES.noProgram, span(0, 0)))
    return { result: null, diagnostics, eventCount: 0 }
  }
  const list: readonly unknown[] = Array.isArray(events) ? events : []
  const n = list.length
  const test = program.test
  const matched: number[] = []
  let seen = 0
  try {
    // every event, hidden ones too: Elasticsearch adopts the first indexed value, filters or not
    bindConstants(program.constants, list)
    // field reads come from the events' columns (values/prepared-events.ts)
    beginScan(list)
    const s = scan
    const hidden = opts.excluded instanceof Uint8Array ? opts.excluded : undefined
    for (; seen < n; seen++) {
      if ((seen & POLL_MASK) === 0 && seen > 0 && opts.shouldStop?.() === true) {
        diagnostics.push(makeDiagnostic(KQL_RUN_CODES.stopped, program.span, { count: seen }))
        break
      }
      // an event hidden by an exception is not in the search at all
      if (hidden !== undefined && hidden[seen] === 1) continue
      const ev = list[seen]
      s.event = ev
      s.index = seen
      if (test(ev)) matched.push(seen)
    }
    endScan()
    const out: MatchedEvent[] = opts.hits === false ? matched.map((index) => ({ index, hits: NO_HITS })) : matched.map((index) => ({ index, hits: program.hits(list[index]) }))
    return { result: { kind: 'events', events: out }, diagnostics, eventCount: seen }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    diagnostics.push(makeDiagnostic(KQL_RUN_CODES.internal, program.span, { message }))
    return { result: null, diagnostics, eventCount: seen }
  } finally {
    endScan()
  }
}

/**
 * Sets each value-less constant_keyword field to the first value found in the events (exported
 * for the explainer, whose own compiled cells must be bound the same way).
 */
export function bindConstants(cells: KqlProgram['constants'], events: readonly unknown[]): void {
  for (const cell of cells) {
    cell.value = undefined
    for (const e of events) {
      const v = cell.read(e)
      const first = Array.isArray(v) ? (v as unknown[])[0] : v
      const s = first === undefined ? undefined : scalarText(first)
      if (s !== undefined) {
        cell.value = s
        break
      }
    }
  }
}
