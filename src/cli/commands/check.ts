/**
 * `rule-playground check`: compiles queries and prints their diagnostics as caret frames. Sources:
 * --query / --query-file (language from --language), or rule files given as arguments (a
 * detection-rules rule TOML, or a rules .jsonl). Fields ECS and --mappings do not know are
 * assumed mapped as keyword (lenient-compile.ts) unless --strict-fields. KQL queries likewise
 * (lenient-kql.ts); other languages (ES|QL, Lucene) are skipped.
 *
 * Output: per query with diagnostics, a "<source> <name>" header then the frames; last line
 * "N ok, N failed[, N skipped]". With --json: one JSON object per query (source, name, language,
 * status, diagnostics, assumed_fields). Exit: 0 all ok, 1 some query has an error, 2 bad input.
 */
import { UsageError, type ParsedArgs } from '../args'
import { EngineUnavailable, loadEngine } from '../engine-port'
import { InputError, mappingsFrom, queryFrom, readText, settingsFrom } from '../io'
import { compileLenient } from '../lenient-compile'
import { compileKqlLenient } from '../lenient-kql'
import { readRules, type RuleQuery } from '../rule-sources'
import { formatDiagnostics } from './run'
import { assumeSearchable } from '../integration-schema'

function gatherRules(args: ParsedArgs): RuleQuery[] {
  const query = queryFrom(args)
  if (query !== undefined) {
    if (args.positionals.length > 0) throw new UsageError('give --query/--query-file or rule files, not both')
    const source = args.options['query-file'] ?? '--query'
    return [{ source, name: '', language: args.language, declared: args.language, query, deprecated: false }]
  }
  if (args.positionals.length === 0) throw new UsageError('check needs --query, --query-file or rule files (.toml, .jsonl)')
  const rules: RuleQuery[] = []
  const problems: string[] = []
  for (const path of args.positionals) {
    const read = readRules(path, readText(path, 'rule file'))
    rules.push(...read.rules)
    problems.push(...read.problems)
  }
  if (problems.length > 0) throw new InputError(problems.join('\n'))
  return rules
}

/** The `check` command; resolves to the exit code (throws UsageError / InputError for exit 2). */
export async function checkCommand(args: ParsedArgs): Promise<number> {
  const rules = gatherRules(args)
  const mappings = mappingsFrom(args)
  const json = args.switches.has('json')
  let ok = 0
  let failed = 0
  let skipped = 0
  const needsEngine = rules.some((r) => r.language === 'eql' || r.language === 'kql')
  const load = needsEngine ? await loadEngine() : undefined
  if (load !== undefined && !load.ok) throw new EngineUnavailable(load.error)
  const engine = load?.ok ? load.engine : undefined
  const settings = engine?.eqlSettings(settingsFrom(args))
  const built = engine?.buildSchema({ ecs: true, mappings }).schema
  // rule files run against integration indices we cannot see: see integration-schema.ts
  const baseSchema = built === undefined || args.switches.has('strict-fields') ? built : assumeSearchable(built)
  for (const rule of rules) {
    const label = rule.name ? `${rule.source} ${rule.name}` : rule.source
    if (rule.language === 'other' || engine === undefined || settings === undefined || baseSchema === undefined) {
      skipped++
      const why = `language ${rule.declared} is not checked`
      if (json) process.stdout.write(JSON.stringify({ source: rule.source, name: rule.name, language: rule.declared, status: 'skipped', reason: why }) + '\n')
      else process.stdout.write(`skipped ${label}: ${why}\n`)
      continue
    }
    const { compiled, assumed } =
      rule.language === 'kql'
        ? compileKqlLenient(engine, rule.query, { mappings, baseSchema, strict: args.switches.has('strict-fields') })
        : compileLenient(engine, rule.query, {
            // a rule's event_category_override is part of its request, like the flags
            settings: rule.eventCategoryField ? { ...settings, eventCategoryField: rule.eventCategoryField } : settings,
            mappings,
            baseSchema,
            strict: args.switches.has('strict-fields'),
          })
    const hasError = compiled.diagnostics.some((d) => d.severity === 'error')
    if (hasError) failed++
    else ok++
    if (json) {
      const status = hasError ? 'error' : 'ok'
      const line = { source: rule.source, name: rule.name, language: rule.language, status, diagnostics: compiled.diagnostics, assumed_fields: assumed }
      process.stdout.write(JSON.stringify(line) + '\n')
    } else if (compiled.diagnostics.length > 0) {
      process.stdout.write(`${label}\n${formatDiagnostics(rule.query, compiled.diagnostics)}\n`)
    }
  }
  if (!json) process.stdout.write(`${ok} ok, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : '') + '\n')
  return failed > 0 ? 1 : 0
}
