/**
 * Command-line parsing for `rule-playground`. Grammar read:
 *
 *   argv    = command *( option / positional )
 *   option  = "--" name [ "=" value ] / "--" name value     (value options, see VALUE_OPTIONS)
 *           / "--" name                                     (switches, see SWITCHES)
 *   "--"    ends options: everything after it is positional
 *
 * Unknown options, missing values and bad values are usage errors (exit code 2).
 */

export const COMMANDS = ['run', 'test', 'check', 'dsl', 'explain', 'alerts', 'help'] as const
export type Command = (typeof COMMANDS)[number]

const VALUE_OPTIONS = [
  'language',
  'query',
  'query-file',
  'events',
  'mappings',
  'size',
  'timestamp-field',
  'tiebreaker-field',
  'event-category-field',
  'event-id',
  'id-field',
  'event-index',
  'exceptions',
  'rule',
  'anchor',
] as const
const SWITCHES = ['json', 'expect-match', 'help', 'strict-fields', 'no-schema'] as const

type ValueOption = (typeof VALUE_OPTIONS)[number]
type Switch = (typeof SWITCHES)[number]

/** A parsed command line; `language` and `size` are validated. */
export interface ParsedArgs {
  readonly command: Command
  readonly options: Readonly<Partial<Record<ValueOption, string>>>
  readonly switches: ReadonlySet<Switch>
  readonly positionals: readonly string[]
  readonly language: 'eql' | 'kql'
  readonly size: number | null
}

/** A problem with the command line: printed with a hint, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

function isValueOption(name: string): name is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(name)
}

function isSwitch(name: string): name is Switch {
  return (SWITCHES as readonly string[]).includes(name)
}

function isCommand(name: string): name is Command {
  return (COMMANDS as readonly string[]).includes(name)
}

/** Parses argv (without node and the script). Throws UsageError. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: Partial<Record<ValueOption, string>> = {}
  const switches = new Set<Switch>()
  const positionals: string[] = []
  let command: Command | undefined
  let onlyPositionals = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (onlyPositionals || !arg.startsWith('--') || arg === '-') {
      if (command === undefined && !onlyPositionals) {
        if (!isCommand(arg)) throw new UsageError(`unknown command '${arg}' (commands: ${COMMANDS.join(', ')})`)
        command = arg
      } else positionals.push(arg)
      continue
    }
    if (arg === '--') {
      onlyPositionals = true
      continue
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq < 0 ? undefined : eq)
    if (isSwitch(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`)
      switches.add(name)
    } else if (isValueOption(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i]
      if (value === undefined) throw new UsageError(`--${name} needs a value`)
      if (options[name] !== undefined) throw new UsageError(`--${name} given twice`)
      options[name] = value
    } else throw new UsageError(`unknown option '--${name}'`)
  }
  if (command === undefined) {
    if (switches.has('help')) command = 'help'
    else throw new UsageError('missing command')
  }
  const language = options.language ?? 'eql'
  if (language !== 'eql' && language !== 'kql') throw new UsageError(`--language must be eql or kql, not '${language}'`)
  let size: number | null = null
  if (options.size !== undefined) {
    if (!/^\d+$/.test(options.size)) throw new UsageError(`--size must be a whole number, not '${options.size}'`)
    size = Number(options.size)
  }
  if (options.query !== undefined && options['query-file'] !== undefined) throw new UsageError('give --query or --query-file, not both')
  return { command, options, switches, positionals, language, size }
}

/** The text of `--help`. */
export const HELP = `rule-playground — test Elastic Security detection rules (EQL, KQL) against sample events

Usage:
  rule-playground run   --query <text> | --query-file <file>  --events <file|->  [--exceptions <file>]
                        [options]
  rule-playground test  <suite file|dir | share link | file holding a share link>...
  rule-playground check --query <text> | --query-file <file> | <rule.toml|rules.jsonl>...  [options]
  rule-playground dsl   [--language kql] <query> | --query <text> | --query-file <file>
                        [--mappings <file> | --no-schema] [--exceptions <file>] [--json]
  rule-playground explain --query <text> | --query-file <file>  --events <file|->
                        --event-id <id> [--id-field <f>] | --event-index <n>  [--json]
  rule-playground alerts --rule <rule.toml|rule.json|export.ndjson>  --events <file|->
                        [--exceptions <file>] [--anchor <iso time>] [--json]

Commands:
  run     run a query over events; prints the matches as NDJSON (one line per matched event,
          sequence or sample, with the event's index in the input and the event)
  test    run conformance suites (Elasticsearch EQL spec files, or suites in our TOML format,
          such as the page's Test file export), or a share link's document (the whole URL, the
          #v1.… fragment, or a file holding one): every event marked "should match" / "should
          not match" is a case; exception items in a suite case or a document are applied as the
          detection engine applies them. Prints each failing case and "N passed, N failed"
  check   compile queries and print their diagnostics with caret frames: a query, detection-rules
          rule TOML files ([rule] query/language/type) or rules .jsonl files (query/language per line)
  dsl     print the Elasticsearch Query DSL Kibana's detection engine sends for a KQL query
          (field types from ECS and --mappings; dates in time zone Zulu)
  explain print the evaluation tree of a query for one event: every clause true, false or null
          with the values it read, and the clause that decided (its text and span)
  alerts  simulate the detection engine's scheduled executions of a rule (query, eql, threshold,
          new_terms) over the events: each run's look-back window, the alerts it writes, the
          detections seen again by overlapping windows (written once) and those past max_signals;
          then the alerts (time, reason, severity/risk) and totals

Options:
  --language eql|kql            query language (default eql; dsl: kql)
  --query <text>                the query
  --query-file <file>           read the query from a file ('-' = stdin)
  --events <file>               events: JSON object, JSON array, NDJSON, _search or _eql/search
                                response ('-' = stdin)
  --mappings <file>             Elasticsearch mapping JSON or a flat {"field": "type"} table
  --no-schema                   dsl: no field types at all (Kibana without a field list: match,
                                match_phrase and query_string instead of term and wildcard)
  --size <n>                    return at most n results (default: all; EQL only)
  --timestamp-field <f>         default @timestamp (EQL)
  --tiebreaker-field <f>        default none (EQL)
  --event-category-field <f>    default event.category (EQL)
  --event-id <id>               explain: the event whose --id-field (default id) is <id>
  --id-field <f>                explain: the field --event-id looks in (default id)
  --event-index <n>             explain: the event at 0-based position n in --events
  --exceptions <file>           run: exception items applied on top of the query; dsl: the query
                                wrapped with their negated clause. A JSON array of items (Kibana's
                                item shape) or a Kibana export NDJSON
  --rule <file>                 alerts: the rule (detection-rules TOML, Kibana rule JSON or export
                                NDJSON, whose exception items are applied)
  --anchor <iso time>           alerts: a time one run starts at (runs every interval from it;
                                default: aligned to the epoch)
  --json                        machine-readable output (dsl: on one line)
  --expect-match                run: exit 1 when nothing matches
  --strict-fields               check: fields unknown to ECS and --mappings are errors (default:
                                assumed mapped as keyword, as in the rule's integration index)
  --help                        this help

Exit codes: 0 ok; 1 failures (failing cases, query errors in check, no match with --expect-match);
2 bad usage or unreadable input (including a query that does not compile in run and dsl);
3 engine unavailable or internal error.
`
