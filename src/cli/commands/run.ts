/**
 * `rule-playground run`: compiles a query (EQL, or KQL with --language kql) and runs it over
 * events (types: ECS, --mappings, then inferred from the events). Output (stdout), NDJSON, one
 * line per result in result order:
 *
 *   {"index": 3, "event": {...}}                                          an event query's match
 *   {"sequence": 0, "join_keys": [...], "events": [{"index": 1, "event": {...}}, {"missing": true}]}
 *   {"sample": 0, "join_keys": [...], "events": [...]}
 *
 * With --json, one JSON document instead: {"kind", "results": [...same objects...], "diagnostics",
 * "eventCount", "excepted"}. Diagnostics go to stderr as caret frames. With --exceptions, the
 * items are applied on top of the query as the detection engine applies a rule's (the excepted
 * events are hidden from the search); how many they took out goes to stderr. Exit: 0; 1 with
 * --expect-match and no result, or when an item makes the search fail; 2 for unusable input
 * (unreadable events or exceptions, a query that does not compile).
 */
import { formatCaret } from '../../engine/diagnostics/caret'
import type { Diagnostic } from '../../engine/diagnostics/diagnostic'
import { parseEventsText } from '../../engine/events/parse-events'
import { isMissing, type MatchedEvent, type MissingEvent, type RunOutput, type RunResult } from '../../engine/result'
import type { Schema } from '../../engine/schema/types'
import { UsageError, type ParsedArgs } from '../args'
import { EngineUnavailable, kqlOf, loadEngine, runKqlProgram, runProgram, runWithItems, type CompileOutput, type EngineApi } from '../engine-port'
import { exceptionsFrom } from '../exceptions-file'
import { InputError, mappingsFrom, queryFrom, readText, settingsFrom } from '../io'

function eventEntry(e: MatchedEvent | MissingEvent, events: readonly unknown[]): object {
  return isMissing(e) ? { missing: true } : { index: e.index, event: events[e.index] }
}

/** The result as NDJSON-able objects, one per match. */
export function resultLines(result: RunResult, events: readonly unknown[]): object[] {
  if (result.kind === 'events') return result.events.map((e) => eventEntry(e, events))
  const label = result.kind === 'sequences' ? 'sequence' : 'sample'
  const groups = result.kind === 'sequences' ? result.sequences : result.samples
  return groups.map((g, n) => ({ [label]: n, join_keys: g.joinKeys, events: g.events.map((e) => eventEntry(e, events)) }))
}

/** Caret frames of the diagnostics, one block each. */
export function formatDiagnostics(query: string, diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => formatCaret(query, d)).join('\n')
}

type Runner = (program: unknown, events: readonly unknown[], excluded: Uint8Array | undefined) => RunOutput

/** Compiles with the engine of --language; KQL takes no EQL request settings (size, fields). */
function compileFor(engine: EngineApi, args: ParsedArgs, query: string, schema: Schema): { compiled: CompileOutput; run: Runner } {
  if (args.language === 'eql') {
    return { compiled: engine.compileEql(query, { schema, settings: engine.eqlSettings(settingsFrom(args)) }), run: (p, e, x) => runProgram(engine, p, e, x) }
  }
  const eqlOnly = (['size', 'timestamp-field', 'tiebreaker-field', 'event-category-field'] as const).filter((o) => args.options[o] !== undefined)
  if (eqlOnly.length > 0) throw new UsageError(`--${eqlOnly[0] ?? ''} applies to EQL only`)
  const kql = kqlOf(engine, ['compileKql', 'runKql'])
  return { compiled: kql.compileKql(query, { schema }), run: (p, e, x) => runKqlProgram(kql, p, e, x) }
}

/** The `run` command; resolves to the exit code (throws UsageError / InputError for exit 2). */
export async function runCommand(args: ParsedArgs): Promise<number> {
  const query = queryFrom(args)
  if (query === undefined) throw new UsageError('run needs --query or --query-file')
  const eventsPath = args.options.events
  if (eventsPath === undefined) throw new UsageError('run needs --events <file> (or --events - for stdin)')
  if (args.positionals.length > 0) throw new UsageError(`run takes no file arguments (got '${args.positionals[0] ?? ''}')`)
  const parsed = parseEventsText(readText(eventsPath, '--events'))
  if (parsed.problems.length > 0) {
    const lines = parsed.problems.map((p) => `${eventsPath}:${p.line}: ${p.message}`)
    throw new InputError(`unreadable events (${parsed.problems.length}):\n${lines.join('\n')}`)
  }
  const mappings = mappingsFrom(args)
  const items = exceptionsFrom(args.options.exceptions)
  const load = await loadEngine()
  if (!load.ok) throw new EngineUnavailable(load.error)
  const engine = load.engine
  const { schema, diagnostics: schemaDiagnostics } = engine.buildSchema({ ecs: true, mappings, events: parsed.events })
  const schemaErrors = schemaDiagnostics.filter((d) => d.severity === 'error')
  if (schemaErrors.length > 0) throw new InputError(`--mappings: ${schemaErrors.map((d) => d.message).join('; ')}`)
  const { compiled, run } = compileFor(engine, args, query, schema)
  const errors = compiled.diagnostics.some((d) => d.severity === 'error')
  if (compiled.diagnostics.length > 0 && !args.switches.has('json')) process.stderr.write(formatDiagnostics(query, compiled.diagnostics) + '\n')
  if (errors || compiled.program === null) {
    if (args.switches.has('json')) process.stdout.write(JSON.stringify({ kind: null, results: [], diagnostics: compiled.diagnostics, eventCount: parsed.events.length }) + '\n')
    return 2
  }
  const program = compiled.program
  const applied = runWithItems(engine, program, (excluded) => run(program, parsed.events, excluded), items, schema, parsed.events)
  const out = applied.output
  const lines = out.result === null ? [] : resultLines(out.result, parsed.events)
  if (args.switches.has('json')) {
    const diagnostics = [...compiled.diagnostics, ...applied.diagnostics, ...out.diagnostics]
    process.stdout.write(JSON.stringify({ kind: out.result?.kind ?? null, results: lines, diagnostics, eventCount: out.eventCount, excepted: applied.excepted }) + '\n')
  } else {
    // an item's problem has no place in the query: said in words, not as a caret frame
    for (const d of applied.diagnostics) process.stderr.write(`${d.severity} ${d.code}: ${d.message}\n`)
    if (items.length > 0) process.stderr.write(`${applied.excepted.length} event${applied.excepted.length === 1 ? '' : 's'} taken out by the ${items.length} exception item${items.length === 1 ? '' : 's'}\n`)
    if (out.diagnostics.length > 0) process.stderr.write(formatDiagnostics(query, out.diagnostics) + '\n')
    for (const line of lines) process.stdout.write(JSON.stringify(line) + '\n')
    process.stderr.write(`${lines.length} result${lines.length === 1 ? '' : 's'} over ${parsed.events.length} events\n`)
  }
  if (out.result === null) return 1
  return args.switches.has('expect-match') && lines.length === 0 ? 1 : 0
}
