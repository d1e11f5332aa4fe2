/**
 * Engine benchmark: `npm run bench -- [--size N] [--runs R] [--json] [--corpus rules.jsonl]`.
 *
 * Generates N (default 100,000) deterministic Elastic Defend macOS events, serialises them to
 * NDJSON in memory, and times, through the public engine API only:
 *   - parse + check + compile of the longest EQL rule of the corpus (median, ms);
 *   - evaluation throughput of the Login/Logout Hook seed (event query), the LaunchDaemon seed
 *     (sequence) and the most regex-heavy corpus event query (events/s);
 *   - KQL: throughput of the Periodic Tasks and DirectoryService plugin seeds and of the longest
 *     KQL corpus rule (events/s), and parse + compile of that rule (median, ms);
 *   - JSON.parse of the same NDJSON, the yardstick: evaluating a seed rule should cost less than
 *     reading its events, so the ratio eval/JSON.parse should stay below 1.
 * Each throughput is reported twice: the first run over an events array (columns of prepared
 * events filled as the query reads them, see src/engine/values/prepared-events.ts) and the
 * steady state (median of repeated runs over the same array, as the worker runs query edits).
 * Targets (steady state): event queries (EQL and KQL) >= 5M events/s, sequences >= 1M events/s. The corpus is read at run time
 * from ../shared (or $SHARED_DIR); without it the corpus rows are skipped with a note.
 */
import { buildSchema, compileEql, compileKql, runEql, runKql, type EqlProgram, type KqlProgram, type RunOutput, type Schema } from '../src/engine/index'
import { pickCorpusRules, type PreparedRule } from './bench/corpus-rules'
import { generateEvents } from './bench/generate-events'
import { DIRECTORY_SERVICE_PLUGIN, PERIODIC_TASKS, pickLongestKql } from './bench/kql-rules'
import { measure, perSecond, renderJson, renderTable, type Row, type Timing } from './bench/timing-report'

// The seed rules' queries (they ship with the playground as examples).
const LOGIN_HOOK = `process where host.os.type == "macos" and event.type == "start" and
 process.name == "defaults" and process.args == "write" and process.args : ("LoginHook", "LogoutHook") and
 not process.args :
       (
         "Support/JAMF/ManagementFrameworkScripts/logouthook.sh",
         "Support/JAMF/ManagementFrameworkScripts/loginhook.sh",
         "/Library/Application Support/JAMF/ManagementFrameworkScripts/logouthook.sh",
         "/Library/Application Support/JAMF/ManagementFrameworkScripts/loginhook.sh"
       )`
const LAUNCH_DAEMON = `sequence by host.id with maxspan=1m
 [file where host.os.type == "macos" and event.type != "deletion" and file.path : ("/System/Library/LaunchDaemons/*", "/Library/LaunchDaemons/*")]
 [process where host.os.type == "macos" and event.type in ("start", "process_started") and process.name == "launchctl" and process.args == "load"]`

interface Options {
  readonly size: number
  readonly runs: number
  readonly json: boolean
  readonly corpus: string
}

function parseOptions(argv: readonly string[]): Options {
  let size = 100_000
  let runs = 7
  let json = false
  let corpus = `${process.env['SHARED_DIR'] ?? '../shared'}/corpus/rules.jsonl`
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = (): string => argv[++i] ?? ''
    if (a === '--json') json = true
    else if (a === '--size') size = Number(value())
    else if (a === '--runs') runs = Number(value())
    else if (a === '--corpus') corpus = value()
    else throw new Error(`unknown option ${a ?? ''} (use --size N, --runs R, --json, --corpus FILE)`)
  }
  if (!Number.isInteger(size) || size <= 0) throw new Error('--size must be a positive integer')
  if (!Number.isInteger(runs) || runs <= 0) throw new Error('--runs must be a positive integer')
  return { size, runs, json, corpus }
}

function countOf(out: RunOutput): number {
  const r = out.result
  if (r === null) return -1
  return r.kind === 'events' ? r.events.length : r.kind === 'sequences' ? r.sequences.length : r.samples.length
}

function compileOrThrow(name: string, query: string, schema: Schema, eventCategoryField = 'event.category'): EqlProgram {
  const out = compileEql(query, { schema, settings: { eventCategoryField } })
  if (out.program === null) {
    const why = out.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')
    throw new Error(`${name} does not compile: ${why}`)
  }
  return out.program
}

function compileKqlOrThrow(name: string, query: string, schema: Schema): KqlProgram {
  const out = compileKql(query, { schema })
  if (out.program === null) {
    const why = out.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')
    throw new Error(`${name} does not compile: ${why}`)
  }
  return out.program
}

function main(): void {
  const opts = parseOptions(process.argv.slice(2))
  const log = (s: string): void => void (opts.json ? process.stderr : process.stdout).write(s + '\n')
  const timing = { warmup: 2, runs: opts.runs }

  const generated = generateEvents({ size: opts.size })
  const ndjson = generated.events.map((e) => JSON.stringify(e)).join('\n')
  const bytes = Buffer.byteLength(ndjson)
  log(`events: ${opts.size.toLocaleString('en-US')} (${(bytes / 1e6).toFixed(1)} MB NDJSON); planted: ${JSON.stringify(generated.planted)}`)

  // The yardstick, and the events the engine runs on (parsed exactly as the app would read them).
  let events: unknown[] = []
  const parseTime = measure(() => {
    events = ndjson.split('\n').map((line) => JSON.parse(line) as unknown)
    return events
  }, timing)

  const schema = buildSchema({ ecs: true, events: events.slice(0, 2000) }).schema
  const rows: Row[] = []
  const run = (program: EqlProgram | KqlProgram, list: readonly unknown[]): RunOutput =>
    program.kind === 'kql' ? runKql(program, list) : runEql(program, list)
  const throughput = (name: string, program: EqlProgram | KqlProgram, target: string): Timing => {
    // First run over an events array the engine has not seen: a fresh copy of the array (same
    // event objects) gets new, empty columns, so this includes filling the cells the query reads
    // (and the ~0.2 ms copy). It is what a new data set, or a query reading new fields, costs.
    const first = measure(() => run(program, events.slice()), timing)
    rows.push({ name: `${name}, first run (fills columns)`, value: perSecond(events.length, first.medianMs), unit: 'events/s', target: null })
    // Steady state: repeated runs over the same array, as the worker runs each edit of a query.
    let count = 0
    const t = measure(() => {
      const out = run(program, events)
      count = countOf(out)
      return out
    }, timing)
    rows.push({ name, value: perSecond(events.length, t.medianMs), unit: 'events/s', target })
    log(`  ${name}: ${count} result(s), median ${t.medianMs.toFixed(2)} ms (first run ${first.medianMs.toFixed(2)} ms)`)
    return t
  }

  const corpus = pickCorpusRules(opts.corpus)
  for (const note of corpus.notes) log(`note: ${note}`)
  const longest: PreparedRule | null = corpus.longest
  if (longest) {
    const settings = { eventCategoryField: longest.eventCategoryField }
    const t = measure(() => compileEql(longest.query, { schema: longest.schema, settings }), { warmup: 3, runs: Math.max(opts.runs, 21) })
    rows.push({ name: `parse+compile longest corpus rule (${longest.query.length} chars)`, value: t.medianMs, unit: 'ms', target: null })
    log(`  longest corpus rule: ${longest.name}`)
  }

  const hook = throughput('login/logout hook seed (event query)', compileOrThrow('login hook seed', LOGIN_HOOK, schema), '>= 5000000')
  throughput('launchdaemon seed (sequence)', compileOrThrow('launchdaemon seed', LAUNCH_DAEMON, schema), '>= 1000000')
  const regex = corpus.regexHeavy
  if (regex) {
    throughput('regex-heavy corpus rule (event query)', compileOrThrow(regex.name, regex.query, regex.schema, regex.eventCategoryField), '>= 5000000')
    log(`  regex-heavy corpus rule: ${regex.name}`)
  }

  throughput('periodic tasks seed (KQL)', compileKqlOrThrow('periodic tasks seed', PERIODIC_TASKS, schema), '>= 5000000')
  throughput('directoryservice plugin seed (KQL)', compileKqlOrThrow('directoryservice seed', DIRECTORY_SERVICE_PLUGIN, schema), '>= 5000000')
  const kqlCorpus = pickLongestKql(opts.corpus)
  for (const note of kqlCorpus.notes) log(`note: ${note}`)
  const longestKql = kqlCorpus.longest
  if (longestKql) {
    const t = measure(() => compileKql(longestKql.query, { schema: longestKql.schema }), { warmup: 3, runs: Math.max(opts.runs, 21) })
    rows.push({ name: `parse+compile longest KQL corpus rule (${longestKql.query.length} chars)`, value: t.medianMs, unit: 'ms', target: null })
    throughput('longest KQL corpus rule', compileKqlOrThrow(longestKql.name, longestKql.query, longestKql.schema), '>= 5000000')
    log(`  longest KQL corpus rule: ${longestKql.name}`)
  }
  rows.push({ name: 'JSON.parse of the same NDJSON (yardstick)', value: perSecond(events.length, parseTime.medianMs), unit: 'events/s', target: null })
  rows.push({ name: 'login hook eval / JSON.parse time', value: hook.medianMs / parseTime.medianMs, unit: 'ratio', target: '< 1' })

  if (opts.json) process.stdout.write(renderJson(rows) + '\n')
  else log('\n' + renderTable(rows))
}

try {
  main()
} catch (err) {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
}
