/**
 * The engine's share of the load and keystroke budgets, timed through the worker's own
 * dispatcher (src/worker/handle.ts, the code the page's worker runs, minus postMessage): a
 * streamed file load in 1 MiB chunks, then query edits, each one compiled, run over the whole
 * event set and turned into the run report, then the first page of the event list asked with
 * that run's hits (the highlights of the rows in view), each reply structured-cloned as
 * postMessage would. What is left of each budget is the page's: transfer, React, Monaco, painting
 * (`npm run bench:browser` measures the whole keystroke).
 */
import { buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql } from '../../src/engine/index'
import { createEventsReader } from '../../src/engine/events/events-reader'
import { createHandler } from '../../src/worker/handle'
import { LAUNCH_DAEMON_DEPRECATED } from '../../src/examples/launch-daemon-deprecated'
import { LOGIN_HOOK_CURRENT } from '../../src/examples/login-hook-current'
import { PAGE_SIZE } from '../../src/ui/results/event-pages'
import { PROTOCOL_VERSION, type Reply, type RunReport } from '../../src/worker/protocol'
import { FULL_SIZE } from './bench-options'
import { atMost, measure, now, type MeasureOptions, type Row, type Timing } from './timing-report'

/** The smaller event set, and its budgets (ms) for the whole load and keystroke. */
export const SMALL_SET = 10_000
export const BUDGET_MS = { load: 3000, smallSet: 100, fullSet: 400, sequence: 800 } as const

/** What the page's client sends by default (src/worker/client.ts). */
const DISPLAY_LIMIT = 500
const CHUNK_BYTES = 1 << 20

/** A worker dispatcher holding one streamed event set. */
export interface LoadedWorker {
  /** ms from the first chunk to the loaded reply (UTF-8 decode, parse, schema) */
  readonly loadMs: number
  readonly eventCount: number
  /** one run as the page asks for it, then the list's first page with its hits; throws when the worker answers a failure */
  run(query: string): RunReport
}

/** Streams `ndjson` into a fresh dispatcher as the page streams a dropped file. */
export function loadWorker(ndjson: Buffer): LoadedWorker {
  const handle = createHandler({ buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql, createEventsReader })
  let id = 0
  const ask = (request: Record<string, unknown>): Reply => {
    const reply = handle({ id: ++id, protocol: PROTOCOL_VERSION, ...request })
    if (!reply.ok) throw new Error(`worker ${String(request['kind'])}: ${reply.failure.code} ${reply.failure.message}`)
    return reply
  }
  const t0 = now()
  ask({ kind: 'beginEvents', datasetVersion: 1, name: 'bench.ndjson', size: ndjson.length })
  for (let at = 0; at < ndjson.length; at += CHUNK_BYTES) {
    // a copy, as a transferred ArrayBuffer is the worker's own
    const chunk = ndjson.buffer.slice(ndjson.byteOffset + at, ndjson.byteOffset + Math.min(at + CHUNK_BYTES, ndjson.length))
    ask({ kind: 'appendEvents', datasetVersion: 1, chunk })
  }
  const loaded = ask({ kind: 'endEvents', datasetVersion: 1 })
  const loadMs = now() - t0
  const eventCount = loaded.ok && loaded.kind === 'endEvents' ? loaded.result.eventCount : 0
  return {
    loadMs,
    eventCount,
    run(query) {
      const reply = ask({ kind: 'run', language: 'eql', query, eventsVersion: 1, settings: {}, displayLimit: DISPLAY_LIMIT })
      if (!reply.ok || reply.kind !== 'run') throw new Error('worker run: unexpected reply')
      const report = reply.result
      const error = report.diagnostics.find((d) => d.severity === 'error')
      if (error) throw new Error(`worker run: ${error.code} ${error.message}`)
      // what postMessage does to the reply before the page sees it
      structuredClone(reply)
      // the rows in view (the list's first page of all events) with this run's highlights
      structuredClone(ask({ kind: 'getEvents', eventsVersion: 1, from: 0, count: PAGE_SIZE, runId: report.runId }))
      return report
    },
  }
}

/** Matches of a run report, for the log (a changed count means a changed query, not a slower one). */
export function matchCount(report: RunReport): number {
  return report.matchedIndexes.length
}

export interface EditTiming {
  /** the first run after the load: fills the prepared columns the query reads */
  readonly firstMs: number
  /** the timed edits */
  readonly edits: Timing
  readonly matches: number
}

/**
 * Times `edit(i)` queries run one after another, as keystrokes are: the first run after the load
 * once, then `warmup` edits untimed, then `runs` timed edits (p95 is the figure).
 */
export function timeEdits(worker: LoadedWorker, edit: (i: number) => string, options: MeasureOptions): EditTiming {
  const t0 = now()
  const first = worker.run(edit(0))
  const firstMs = now() - t0
  let matches = matchCount(first)
  const edits = measure((i) => {
    const report = worker.run(edit(i < 0 ? 1000 - i : i + 1))
    matches = matchCount(report)
    return report
  }, options)
  return { firstMs, edits, matches }
}

/**
 * An edit of a seed query that changes a literal, not the fields read: as an analyst typing an
 * excluded value, each edit is a new query to compile and run, over the same columns.
 */
export function editedEventQuery(query: string, i: number): string {
  return query.replace(/\)\s*$/, `, "/opt/mgmt-${i}/loginhook.sh"\n )`)
}

/** An edit of a sequence's maxspan (60 s and a few more), the number an analyst tunes most. */
export function editedSequence(query: string, i: number): string {
  return query.replace(/maxspan=\w+/, `maxspan=${60 + (i % 30)}s`)
}

/**
 * The load and keystroke rows: edits of the Login/Logout Hook event query over `smallSet` (the
 * issue's 10,000 events) and `fullSet` (200,000), of the LaunchDaemon sequence over `fullSet`,
 * and the streamed load of `fullSet`. Each is judged only at the size its budget is stated for.
 */
export function keystrokeRows(smallSet: Buffer, fullSet: Buffer, edits: MeasureOptions, log: (line: string) => void): Row[] {
  const eventQuery = (i: number): string => editedEventQuery(LOGIN_HOOK_CURRENT.query, i)
  // "2,000 of 10,000 events" on a small run, so the two sets' rows stay apart
  const size = (ran: number, full: number): string => (ran < full ? `${ran.toLocaleString('en-US')} of ` : '') + full.toLocaleString('en-US')
  const name = (what: string, ran: number, full: number): string => `keystroke, ${what}, ${size(ran, full)} events: worker p95 of ${edits.runs} edits`
  const rows: Row[] = []
  const small = loadWorker(smallSet)
  const s = timeEdits(small, eventQuery, edits)
  rows.push({ name: name('event query', small.eventCount, SMALL_SET), value: s.edits.p95Ms, unit: 'ms', target: atMost(BUDGET_MS.smallSet), scale: { events: small.eventCount, full: SMALL_SET } })
  log(`  event query over ${small.eventCount} events: ${s.matches} match(es), edit median ${s.edits.medianMs.toFixed(1)} ms, first run ${s.firstMs.toFixed(1)} ms`)

  const worker = loadWorker(fullSet)
  const scale = { events: worker.eventCount, full: FULL_SIZE }
  const mbPerSec = (fullSet.length / 1e3) / Math.max(worker.loadMs, 1e-6)
  rows.push({ name: 'load: worker reads the streamed NDJSON (decode, parse, schema)', value: worker.loadMs, unit: 'ms', target: atMost(BUDGET_MS.load), scale, mbPerSec })
  const query = timeEdits(worker, eventQuery, edits)
  rows.push({ name: 'load: first run of the event query after it (fills columns)', value: query.firstMs, unit: 'ms', target: null })
  rows.push({ name: name('event query', worker.eventCount, FULL_SIZE), value: query.edits.p95Ms, unit: 'ms', target: atMost(BUDGET_MS.fullSet), scale })
  const sequence = timeEdits(worker, (i) => editedSequence(LAUNCH_DAEMON_DEPRECATED.query, i), edits)
  rows.push({ name: name('LaunchDaemon sequence', worker.eventCount, FULL_SIZE), value: sequence.edits.p95Ms, unit: 'ms', target: atMost(BUDGET_MS.sequence), scale })
  log(
    `  worker over ${worker.eventCount} events: load ${worker.loadMs.toFixed(0)} ms; event query ${query.matches} match(es), edit median ${query.edits.medianMs.toFixed(1)} ms; ` +
      `sequence ${sequence.matches} matched event(s), edit median ${sequence.edits.medianMs.toFixed(1)} ms (first run ${sequence.firstMs.toFixed(1)} ms)`,
  )
  return rows
}
