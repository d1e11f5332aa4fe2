/**
 * Edit latency in the worker: `npx tsx scripts/bench/edit-latency.ts [--size N] [--edits E] [--json]`.
 *
 * What a keystroke costs once it reaches the worker, measured over the real dispatcher
 * (`createHandler`, src/worker/handle.ts) and the real engine on the bench's generated events
 * (scripts/bench/generate-events.ts), as the page's worker would answer them:
 *   - `run` of each edit while typing: inside the JAMF exclusion list of the Login/Logout Hook
 *     seed (event query) and inside the second stage of the LaunchDaemon seed (sequence). Each
 *     run is split into compile (parse + check + compile), scan (runEql over the events) and the
 *     rest (exceptions, report building, histogram: what the dispatcher adds);
 *   - the background requests the page sends after a run (analyze, compare, alerts, fingerprint),
 *     which a run queued behind them must wait for (a worker cannot be pre-empted).
 * The page's keystroke-to-highlights figure is the browser bench's (engineer F's
 * `npm run bench:browser`); this one says where the worker's share of it goes.
 */
import { performance } from 'node:perf_hooks'
import { buildSchema, compileEql, compileKql, eqlSettings, formatKql, parseEventsText, runEql, runKql } from '../../src/engine/index'
import { formatEql } from '../../src/engine/eql/parser'
import { collectFieldValues, completeAt, hoverAt } from '../../src/engine/complete'
import { createEventsReader } from '../../src/engine/events/events-reader'
import { createHandler } from '../../src/worker/handle'
import { PROTOCOL_VERSION, type Reply, type RunSettings } from '../../src/worker/protocol'
import { createScheduler } from '../../src/worker/scheduler'
import { generateEvents } from './generate-events'
import { LAUNCH_DAEMON as LAUNCH_DAEMON_SEED, LOGIN_HOOK as LOGIN_HOOK_SEED } from '../bench-browser/queries'

/** A figure in ms; `target` is a ceiling, null for information only. */
interface Row {
  readonly name: string
  readonly value: number
  readonly unit: 'ms'
  readonly target: number | null
}

function renderTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [r.name, r.value.toFixed(1), r.unit, r.target === null ? '' : `<= ${r.target}`, r.target === null ? '' : r.value <= r.target ? 'ok' : 'OVER'])
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...cells.map((c) => (c[i] ?? '').length)))
  return cells.map((c) => c.map((s, i) => (i === 1 ? s.padStart(widths[i] ?? 0) : s.padEnd(widths[i] ?? 0))).join('  ').trimEnd()).join('\n')
}

// The seed rules' queries (as the examples ship them), with a marker `@` where the user types: a
// new value at the end of the JAMF exclusion list; a second accepted value of launchctl's argument.
const LOGIN_HOOK = withMarker(LOGIN_HOOK_SEED, /"(\s*\))\s*$/, '",\n         "@"$1')
const LAUNCH_DAEMON = withMarker(LAUNCH_DAEMON_SEED, 'process.args == "load"]', 'process.args in ("load", "@")]')

function withMarker(query: string, at: string | RegExp, replacement: string): string {
  const out = query.replace(at, replacement)
  if (out === query) throw new Error(`edit-latency: the seed query changed; no place for the typing marker (${String(at)})`)
  return out
}

/**
 * One query per keystroke: `typed` entered character by character at the marker (inside a string
 * the editor's auto-closed quotes opened), so every edit compiles, as while typing an exclusion.
 */
function typingInto(template: string, typed: string): string[] {
  return Array.from({ length: typed.length }, (_, k) => template.replace('@', typed.slice(0, k + 1)))
}
const LOGIN_HOOK_EDITS = typingInto(LOGIN_HOOK, '/Library/Application Support/JAMF/')
const LAUNCH_DAEMON_EDITS = typingInto(LAUNCH_DAEMON, 'bootstrap system /Library/')

interface Options {
  readonly size: number
  readonly edits: number
  readonly json: boolean
}

function parseOptions(argv: readonly string[]): Options {
  let size = 200_000
  let edits = 20
  let json = false
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = (): string => argv[++i] ?? ''
    if (a === '--json') json = true
    else if (a === '--size') size = Number(value())
    else if (a === '--edits') edits = Number(value())
    else throw new Error(`unknown option ${a ?? ''} (use --size N, --edits E, --json)`)
  }
  if (!Number.isInteger(size) || size <= 0) throw new Error('--size must be a positive integer')
  if (!Number.isInteger(edits) || edits <= 0) throw new Error('--edits must be a positive integer')
  return { size, edits, json }
}

/** p-th percentile (nearest rank) of the durations */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0
}
const median = (values: readonly number[]): number => percentile(values, 50)

function main(): void {
  const opts = parseOptions(process.argv.slice(2))
  const log = (s: string): void => void (opts.json ? process.stderr : process.stdout).write(s + '\n')
  const generated = generateEvents({ size: opts.size })
  const ndjson = generated.events.map((e) => JSON.stringify(e)).join('\n')
  log(`events: ${opts.size.toLocaleString('en-US')} (${(Buffer.byteLength(ndjson) / 1e6).toFixed(1)} MB NDJSON)`)

  const handle = createHandler({ buildSchema, compileEql, compileKql, eqlSettings, formatEql, formatKql, parseEventsText, runEql, runKql, createEventsReader, collectFieldValues, completeAt, hoverAt })
  let id = 1
  const ask = (body: Record<string, unknown>): { reply: Reply; ms: number } => {
    const t0 = performance.now()
    const reply = handle({ ...body, id: id++, protocol: PROTOCOL_VERSION })
    return { reply, ms: performance.now() - t0 }
  }
  const loaded = ask({ kind: 'setEvents', version: 1, text: ndjson })
  if (!loaded.reply.ok) throw new Error(`setEvents failed: ${loaded.reply.failure.message}`)
  log(`setEvents (parse + schema): ${loaded.ms.toFixed(0)} ms`)
  // The engine's own view of the same events, for the compile / scan split.
  const events = parseEventsText(ndjson).events
  const schema = buildSchema({ ecs: true, events }).schema
  const settings: RunSettings = {}
  const rows: Row[] = []
  // The editor's first completion after a load builds the fields-and-values index over every
  // event (a foreground request: a run waits for it); later ones read it.
  const completion = (label: string): void => {
    const text = 'process where process.name == "'
    const r = ask({ kind: 'complete', eventsVersion: 1, language: 'eql', text, offset: text.length })
    if (!r.reply.ok) throw new Error(`complete failed: ${r.reply.failure.message}`)
    rows.push({ name: `complete, ${label}`, value: r.ms, unit: 'ms', target: null })
  }
  completion('first on a set (builds the field-value index; the scheduler builds it after the first run)')
  completion('next')

  const typing = (name: string, queries: readonly string[], target: number): void => {
    const totals: number[] = []
    const compiles: number[] = []
    const scans: number[] = []
    // warm-up: the first run of a rule fills the columns it reads; a typing user has run it before
    ask({ kind: 'run', eventsVersion: 1, language: 'eql', query: queries[0] ?? '', settings, displayLimit: 500 })
    for (const query of queries.slice(0, opts.edits)) {
      const run = ask({ kind: 'run', eventsVersion: 1, language: 'eql', query, settings, displayLimit: 500 })
      if (!run.reply.ok) throw new Error(`${name}: run failed: ${run.reply.failure.message}`)
      totals.push(run.ms)
      const c0 = performance.now()
      const compiled = compileEql(query, { schema, settings: eqlSettings({}) })
      compiles.push(performance.now() - c0)
      if (compiled.program === null) continue
      const s0 = performance.now()
      runEql(compiled.program, events, {})
      scans.push(performance.now() - s0)
    }
    const p95 = percentile(totals, 95)
    rows.push({ name: `${name}: run p95 (worker)`, value: p95, unit: 'ms', target })
    rows.push({ name: `${name}: run median`, value: median(totals), unit: 'ms', target: null })
    rows.push({ name: `${name}: compile median`, value: median(compiles), unit: 'ms', target: null })
    rows.push({ name: `${name}: scan median (runEql)`, value: median(scans), unit: 'ms', target: null })
    rows.push({ name: `${name}: rest median (report)`, value: Math.max(0, median(totals) - median(compiles) - median(scans)), unit: 'ms', target: null })
  }
  typing('login hook, typing in exclusions', LOGIN_HOOK_EDITS, 400)
  typing('launchdaemon, typing in stage 2', LAUNCH_DAEMON_EDITS, 800)

  // What a clause-result cache could save at most: scanning with only the clauses the edits leave
  // unchanged (the exclusion list, or the second stage, left out), against reading one byte per
  // event from a cached result (the cheapest form such a cache could take).
  const unchanged = (name: string, query: string): void => {
    const compiled = compileEql(query, { schema, settings: eqlSettings({}) })
    if (compiled.program === null) throw new Error(`${name} does not compile`)
    const program = compiled.program
    const times: number[] = []
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now()
      runEql(program, events, {})
      times.push(performance.now() - t0)
    }
    rows.push({ name: `${name}: scan of the unchanged clauses alone`, value: median(times), unit: 'ms', target: null })
  }
  unchanged('login hook', LOGIN_HOOK.slice(0, LOGIN_HOOK.indexOf(' and\n not process.args')))
  unchanged('launchdaemon', `file where ${LAUNCH_DAEMON.slice(LAUNCH_DAEMON.indexOf('[file where') + 11, LAUNCH_DAEMON.indexOf(']'))}`)
  const bits = new Uint8Array(events.length).map((_, i) => i & 1)
  const reads: number[] = []
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now()
    let n = 0
    for (let i = 0; i < bits.length; i++) n += bits[i] ?? 0
    reads.push(performance.now() - t0)
    if (n < 0) log('')
  }
  rows.push({ name: 'a cached clause result: one byte read per event', value: median(reads), unit: 'ms', target: null })

  // Background requests after a run: what a keystroke queued behind one of them waits.
  const hook = LOGIN_HOOK_EDITS[0] ?? ''
  const daemon = LAUNCH_DAEMON_EDITS[0] ?? ''
  const background = (name: string, body: Record<string, unknown>): void => {
    const times: number[] = []
    for (let i = 0; i < 3; i++) {
      const r = ask(body)
      if (!r.reply.ok) throw new Error(`${name} failed: ${r.reply.failure.message}`)
      times.push(r.ms)
    }
    rows.push({ name: `${name} (first / median of 3)`, value: median(times), unit: 'ms', target: null })
    log(`  ${name}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`)
  }
  const budgetMs = 3000
  background('analyze, login hook', { kind: 'analyze', eventsVersion: 1, language: 'eql', query: hook, settings, budgetMs })
  background('analyze, launchdaemon', { kind: 'analyze', eventsVersion: 1, language: 'eql', query: daemon, settings, budgetMs })
  const side = (query: string) => ({ language: 'eql', query, settings })
  background('compare, login hook edit vs seed', { kind: 'compare', eventsVersion: 1, a: side(LOGIN_HOOK_EDITS[5] ?? hook), b: side(hook), budgetMs })
  background('alerts, login hook (bare query)', { kind: 'alerts', eventsVersion: 1, language: 'eql', query: hook, settings, rule: null, budgetMs })
  background('alerts, launchdaemon (bare query)', { kind: 'alerts', eventsVersion: 1, language: 'eql', query: daemon, settings, rule: null, budgetMs })

  // The same analyses through the worker's scheduler (src/worker/scheduler.ts): answered in
  // slices with a yield between them; the longest slice is the longest a keystroke's run waits.
  const sliced = (name: string, body: Record<string, unknown>): void => {
    const tasks: (() => void)[] = []
    let answered = false
    const receive = createScheduler({ handle, post: () => void (answered = true), later: (fn) => tasks.push(fn), now: () => performance.now() })
    const slices: number[] = []
    const t0 = performance.now()
    receive({ ...body, id: id++, protocol: PROTOCOL_VERSION })
    for (let task = tasks.shift(); task !== undefined; task = tasks.shift()) {
      const s0 = performance.now()
      task()
      slices.push(performance.now() - s0)
    }
    if (!answered) throw new Error(`${name}: no answer`)
    log(`  ${name} slices: ${slices.map((t) => t.toFixed(0)).join(" ")}`)
    rows.push({ name: `${name}, sliced: total`, value: performance.now() - t0, unit: 'ms', target: null })
    rows.push({ name: `${name}, sliced: longest slice (${slices.length} slices)`, value: Math.max(...slices), unit: 'ms', target: null })
  }
  // Marks whose events are gone: placing them reads every event's fingerprint (made once per set).
  const marks = Array.from({ length: 20 }, (_, k) => ({ index: k * 97, fingerprint: 'moved' }))
  sliced('fingerprint, 20 moved marks, new event set', { kind: 'fingerprint', eventsVersion: 1, marks })
  background('fingerprint, 20 moved marks, fingerprints made', { kind: 'fingerprint', eventsVersion: 1, marks })
  sliced('analyze, login hook', { kind: 'analyze', eventsVersion: 1, language: 'eql', query: hook, settings, budgetMs })
  sliced('analyze, launchdaemon', { kind: 'analyze', eventsVersion: 1, language: 'eql', query: daemon, settings, budgetMs })

  if (opts.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n')
  else log('\n' + renderTable(rows))
}

main()
