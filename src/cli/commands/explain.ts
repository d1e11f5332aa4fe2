/**
 * `rule-playground explain`: the evaluation tree of a query for one event — every clause true,
 * false or null (missing field) with the values it read and the operator's rule — and the clause
 * that decided the outcome, named by its source text and span. The event is picked by
 * `--event-id` (looked up in `--id-field`, default `id`) or by `--event-index`.
 *
 * Text output is the engine's formatExplanation followed by one "decided by" line per filter.
 * With --json: {"query", "language", "event": {"index"}, "explanation"}, where each filter's
 * `deciding` (an object reference inside the tree) is written as a path of child indexes from
 * `tree`, next to `decidingSpan` and `decidingText`. Exit: 0 explained (matched or not); 2 bad
 * usage, unreadable input, a query that does not compile, or no such event.
 */
import type { EqlExplanation, FilterExplanation, KqlExplanation, TraceNode } from '../../engine/explain'
import { parseEventsText } from '../../engine/events/parse-events'
import { lineStarts, toLineColumn, type Span } from '../../engine/source/span'
import { UsageError, type ParsedArgs } from '../args'
import { EngineUnavailable, loadEngine } from '../engine-port'
import { InputError, mappingsFrom, queryFrom, readText, settingsFrom } from '../io'
import { formatDiagnostics } from './run'

type ExplainModule = typeof import('../../engine/explain')
type Explanation = EqlExplanation | KqlExplanation

/** The command; resolves to the exit code (throws UsageError / InputError for exit 2). */
export async function explainCommand(args: ParsedArgs): Promise<number> {
  const query = queryFrom(args)
  if (query === undefined) throw new UsageError('explain needs --query or --query-file')
  const eventsPath = args.options.events
  if (eventsPath === undefined) throw new UsageError('explain needs --events <file> (or --events - for stdin)')
  if (args.positionals.length > 0) throw new UsageError(`explain takes no file arguments (got '${args.positionals[0] ?? ''}')`)
  const parsed = parseEventsText(readText(eventsPath, '--events'))
  if (parsed.problems.length > 0) {
    const lines = parsed.problems.map((p) => `${eventsPath}:${p.line}: ${p.message}`)
    throw new InputError(`unreadable events (${parsed.problems.length}):\n${lines.join('\n')}`)
  }
  const index = pickEvent(parsed.events, args)
  const mappings = mappingsFrom(args)
  const load = await loadEngine()
  if (!load.ok) throw new EngineUnavailable(load.error)
  const { schema } = load.engine.buildSchema({ ecs: true, mappings, events: parsed.events })
  const mod = await loadExplain()
  const compiled =
    args.language === 'eql'
      ? mod.compileExplainEql(query, { schema, settings: load.engine.eqlSettings(settingsFrom(args)) })
      : mod.compileExplainKql(query, { schema })
  if (compiled.explainer === null) {
    process.stderr.write(formatDiagnostics(query, compiled.diagnostics) + '\n')
    return 2
  }
  const explanation = compiled.explainer.explain(parsed.events[index])
  if (args.switches.has('json')) {
    process.stdout.write(JSON.stringify({ query, language: args.language, event: { index }, explanation: explanationJson(explanation) }, jsonSafe) + '\n')
  } else {
    process.stdout.write(`event #${index}\n${mod.formatExplanation(explanation)}\n${decidingLines(query, explanation).join('\n')}\n`)
  }
  return 0
}

async function loadExplain(): Promise<ExplainModule> {
  try {
    return await import('../../engine/explain')
  } catch (e) {
    throw new EngineUnavailable(`cannot load src/engine/explain: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)
  }
}

/** The 0-based index of the event to explain, from --event-id or --event-index. */
export function pickEvent(events: readonly unknown[], args: ParsedArgs): number {
  const id = args.options['event-id']
  const at = args.options['event-index']
  if ((id === undefined) === (at === undefined)) throw new UsageError('explain needs one of --event-id <id> or --event-index <n>')
  if (at !== undefined) {
    if (!/^\d+$/.test(at)) throw new UsageError(`--event-index must be a whole number, not '${at}'`)
    const n = Number(at)
    if (n >= events.length) throw new InputError(`--event-index ${n}: there are ${events.length} events`)
    return n
  }
  const field = args.options['id-field'] ?? 'id'
  const found: number[] = []
  events.forEach((e, i) => {
    if (fieldValues(e, field).some((v) => String(v) === id)) found.push(i)
  })
  const first = found[0]
  if (first === undefined) throw new InputError(`no event has ${field} = '${id ?? ''}'`)
  // two events with one id: explaining either silently could answer the wrong question
  if (found.length > 1) throw new InputError(`${found.length} events have ${field} = '${id ?? ''}' (indexes ${found.slice(0, 5).join(', ')}); use --event-index`)
  return first
}

/** Scalar values at a dotted field, whether the event nests objects or uses dotted keys. */
export function fieldValues(value: unknown, field: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => fieldValues(v, field))
  if (field === '') return value !== null && typeof value === 'object' ? [] : [value]
  if (value === null || typeof value !== 'object') return []
  const record = value as Record<string, unknown>
  const parts = field.split('.')
  const out: unknown[] = []
  for (let k = parts.length; k >= 1; k--) {
    const key = parts.slice(0, k).join('.')
    if (Object.hasOwn(record, key)) out.push(...fieldValues(record[key], parts.slice(k).join('.')))
  }
  return out
}

/** Each filter of the explanation with its label ("" for a single filter). */
function filtersOf(x: Explanation): { label: string; filter: FilterExplanation }[] {
  if (x.kind === 'kql' || x.kind === 'event') return [{ label: '', filter: x }]
  const stages = x.stages.map((s) => ({ label: `stage ${s.stage + 1}: `, filter: s as FilterExplanation }))
  return x.until === null ? stages : [...stages, { label: 'until: ', filter: x.until }]
}

/** "decided by" lines: the deciding clause's text, offsets and line:column in the query. */
export function decidingLines(query: string, x: Explanation): string[] {
  const starts = lineStarts(query)
  return filtersOf(x).map(({ label, filter }) => {
    const at = toLineColumn(starts, filter.decidingSpan.start)
    return `${label}decided by: ${filter.deciding.text.replace(/\s+/g, ' ')}  (span ${spanText(filter.decidingSpan)}, line ${at.line} column ${at.column}; ${filter.outcome ? 'matches' : 'does not match'})`
  })
}

function spanText(s: Span): string {
  return `${s.start}-${s.end}`
}

/** The explanation as plain JSON: `deciding` becomes the path to that node from `tree`. */
export function explanationJson(x: Explanation): unknown {
  if (x.kind === 'kql' || x.kind === 'event') return filterJson(x)
  return { ...x, stages: x.stages.map(filterJson), until: x.until === null ? null : filterJson(x.until) }
}

function filterJson<T extends FilterExplanation>(f: T): Omit<T, 'deciding'> & { deciding: number[] | null; decidingText: string } {
  return { ...f, deciding: pathTo(f.tree, f.deciding), decidingText: f.deciding.text }
}

/** Child indexes from `root` down to `target` (by identity); null when it is not in the tree. */
export function pathTo(root: TraceNode, target: TraceNode): number[] | null {
  if (root === target) return []
  for (let i = 0; i < root.children.length; i++) {
    const child = root.children[i]
    const rest = child === undefined ? null : pathTo(child, target)
    if (rest !== null) return [i, ...rest]
  }
  return null
}

/** Values read from events may be bigints (exact longs); JSON has no bigint. */
function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value
}
