/**
 * `rule-playground dsl`: prints the Elasticsearch Query DSL that Kibana's detection engine sends
 * for a KQL query — `{"bool": {"must": [], "filter": [<query>], "should": [], "must_not": []}}`
 * with dates in time zone Zulu (kql.md §1, §4). Field types come from ECS and --mappings, as the
 * engine resolves a rule's fields against its indices; --no-schema gives the shapes Kibana builds
 * without a field list (§4.6). The query is the first argument, --query or --query-file. With
 * --exceptions, the query is wrapped with the exception items' negated clause, as the rule's
 * search carries it: `{"bool": {"filter": [<query DSL>, {"bool": {"must_not": [...]}}]}}`.
 *
 * Output: the JSON, indented (one line with --json). Parse warnings go to stderr as caret frames.
 * Exit: 0; 2 for bad usage or a query that does not parse.
 */
import { UsageError, type ParsedArgs } from '../args'
import { EngineUnavailable, kqlOf, loadEngine } from '../engine-port'
import { exceptionsFrom } from '../exceptions-file'
import { InputError, mappingsFrom, queryFrom } from '../io'
import { formatDiagnostics } from './run'

// the detection engine's dateFormatTZ (kql.md §1); the engine module exports the same constant,
// repeated here because the CLI reaches the engine only through the port
const DETECTION_ENGINE_TZ = 'Zulu'

function queryOf(args: ParsedArgs): string {
  const option = queryFrom(args)
  if (option !== undefined) {
    if (args.positionals.length > 0) throw new UsageError('give the query as an argument or with --query/--query-file, not both')
    return option
  }
  if (args.positionals.length !== 1) throw new UsageError('dsl needs one query (an argument, --query or --query-file)')
  return args.positionals[0] ?? ''
}

/** The `dsl` command; resolves to the exit code (throws UsageError / InputError for exit 2). */
export async function dslCommand(args: ParsedArgs): Promise<number> {
  if (args.options.language !== undefined && args.language !== 'kql') throw new UsageError('dsl translates KQL only (--language kql)')
  if (args.switches.has('no-schema') && args.options.mappings !== undefined) throw new UsageError('give --mappings or --no-schema, not both')
  const query = queryOf(args)
  const mappings = mappingsFrom(args)
  const items = exceptionsFrom(args.options.exceptions)
  const load = await loadEngine()
  if (!load.ok) throw new EngineUnavailable(load.error)
  const kql = kqlOf(load.engine, ['parseKql', 'buildQueryFromKql'])
  const toExceptionsDsl = load.engine.exceptionsFilterDsl
  if (items.length > 0 && toExceptionsDsl === undefined) throw new EngineUnavailable('exception items cannot be translated: src/engine exports no exceptionsFilterDsl')
  let schema = null
  if (!args.switches.has('no-schema')) {
    const built = load.engine.buildSchema({ ecs: true, mappings })
    const errors = built.diagnostics.filter((d) => d.severity === 'error')
    if (errors.length > 0) throw new InputError(`--mappings: ${errors.map((d) => d.message).join('; ')}`)
    schema = built.schema
  }
  const parsed = kql.parseKql(query)
  if (parsed.diagnostics.length > 0) process.stderr.write(formatDiagnostics(query, parsed.diagnostics) + '\n')
  if (parsed.query === null || parsed.diagnostics.some((d) => d.severity === 'error')) return 2
  const queryDsl = kql.buildQueryFromKql(parsed.query as never, schema, { dateFormatTZ: DETECTION_ENGINE_TZ })
  const negated = items.length > 0 ? (toExceptionsDsl?.(items) ?? null) : null
  if (items.length > 0 && negated === null) process.stderr.write('no exception item can be sent (each tests a value list, which lives in Kibana): the query is printed alone\n')
  const dsl = negated === null ? queryDsl : { bool: { filter: [queryDsl, negated] } }
  process.stdout.write((args.switches.has('json') ? JSON.stringify(dsl) : JSON.stringify(dsl, null, 2)) + '\n')
  return 0
}
