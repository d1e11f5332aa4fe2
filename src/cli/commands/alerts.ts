/**
 * `rule-playground alerts --rule <file> --events <file> [--json] [--anchor <iso>]`: simulates the
 * detection engine's executions of the rule over the events (schedule, rule type, exceptions,
 * filters, dedup across overlapping look-back windows, max_signals) and prints the executions and
 * the alerts they write (src/engine/alerts, README "Alert documents and the pipeline"), so a
 * pipeline can check a rule's alert volume.
 *
 * The rule file is read by the rules module's importer (detection-rules TOML, Kibana rule JSON or
 * export NDJSON: its exception items are applied; the first rule of a file with several). More
 * items may come from --exceptions. With --json: {rule, schedule, executions, alerts, totals,
 * diagnostics}, alerts with their documents. Exit: 0 simulated; 2 bad usage, unreadable input, a
 * rule type that is not simulated or a query that does not compile.
 */
import type { RuleSimulation } from '../../engine/alerts'
import type { Diagnostic } from '../../engine/diagnostics/diagnostic'
import { parseEventsText } from '../../engine/events/parse-events'
import type { ExceptionItem } from '../../engine/exceptions/types'
import type { RuleDocument } from '../../engine/rules/rule-document'
import { UsageError, type ParsedArgs } from '../args'
import { EngineUnavailable, loadEngine } from '../engine-port'
import { exceptionsFrom } from '../exceptions-file'
import { InputError, mappingsFrom, readText, settingsFrom } from '../io'
import { formatSimulation } from './alerts-format'
import { formatDiagnostics } from './run'

type AlertsModule = typeof import('../../engine/alerts')
type RulesModule = typeof import('../../engine/rules')

async function loadModules(): Promise<{ alerts: AlertsModule; rules: RulesModule }> {
  try {
    return { alerts: await import('../../engine/alerts'), rules: await import('../../engine/rules') }
  } catch (e) {
    throw new EngineUnavailable(`cannot load src/engine/alerts: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)
  }
}

/** The rule of --rule and the exception items that came with it. Throws InputError. */
export function ruleFrom(rules: RulesModule, path: string): { rule: RuleDocument; items: readonly ExceptionItem[]; notes: string[] } {
  const imported = rules.importRule(readText(path, '--rule'))
  const errors = imported.diagnostics.filter((d) => d.severity === 'error')
  const rule = imported.rules[0]
  if (rule === undefined || errors.length > 0 || imported.format === 'bare-query') {
    const why = errors.length > 0 ? errors.map((d) => `${d.code}: ${d.message}`).join('\n') : 'no rule found (give a detection-rules TOML, a Kibana rule JSON or an export NDJSON)'
    throw new InputError(`--rule '${path}': ${why}`)
  }
  const notes = imported.diagnostics.filter((d) => d.severity !== 'error').map((d) => `${d.severity} ${d.code}: ${d.message}`)
  if (imported.rules.length > 1) notes.push(`--rule '${path}' holds ${imported.rules.length} rules; the first, '${rule.name}', is simulated`)
  return { rule, items: imported.exceptions?.[0]?.items ?? [], notes }
}

/** The --anchor time as epoch ms (a run happens then), or undefined. Throws UsageError. */
export function anchorFrom(args: ParsedArgs): number | undefined {
  const text = args.options.anchor
  if (text === undefined) return undefined
  const ms = Date.parse(text)
  if (!Number.isFinite(ms)) throw new UsageError(`--anchor must be an ISO date and time such as 2024-06-04T13:00:00Z, not '${text}'`)
  return ms
}

/** The command; resolves to the exit code (throws UsageError / InputError for exit 2). */
export async function alertsCommand(args: ParsedArgs): Promise<number> {
  const rulePath = args.options.rule
  if (rulePath === undefined) throw new UsageError('alerts needs --rule <rule.toml|rule.json|export.ndjson>')
  const eventsPath = args.options.events
  if (eventsPath === undefined) throw new UsageError('alerts needs --events <file> (or --events - for stdin)')
  if (args.positionals.length > 0) throw new UsageError(`alerts takes no file arguments (got '${args.positionals[0] ?? ''}')`)
  const anchor = anchorFrom(args)
  const { alerts, rules } = await loadModules()
  const { rule, items, notes } = ruleFrom(rules, rulePath)
  const language = rule.language === 'eql' ? 'eql' : rule.language === 'kuery' ? 'kql' : null
  if (language === null) throw new InputError(`--rule '${rulePath}': a ${String(rule.language)} rule is not simulated (EQL and KQL rules are)`)
  const parsed = parseEventsText(readText(eventsPath, '--events'))
  if (parsed.problems.length > 0) {
    const lines = parsed.problems.map((p) => `${eventsPath}:${p.line}: ${p.message}`)
    throw new InputError(`unreadable events (${parsed.problems.length}):\n${lines.join('\n')}`)
  }
  const extra = args.options.exceptions === undefined ? [] : exceptionsFrom(args.options.exceptions)
  const load = await loadEngine()
  if (!load.ok) throw new EngineUnavailable(load.error)
  const { schema } = load.engine.buildSchema({ ecs: true, mappings: mappingsFrom(args), events: parsed.events })
  const sim = alerts.simulateRule({
    rule,
    language,
    query: rule.query,
    exceptions: [...items, ...extra],
    events: parsed.events,
    schema,
    settings: settingsFrom(args),
    ...(anchor !== undefined ? { anchor } : {}),
  })
  const failed = sim.ruleType === null || sim.diagnostics.some((d) => d.severity === 'error')
  if (args.switches.has('json')) {
    process.stdout.write(JSON.stringify(simulationJson(sim, rule)) + '\n')
  } else {
    for (const n of notes) process.stderr.write(n + '\n')
    if (sim.diagnostics.length > 0) process.stderr.write(diagnosticsText(rule.query, sim.diagnostics) + '\n')
    if (!failed) process.stdout.write(formatSimulation(sim, rule.name))
  }
  return failed ? 2 : 0
}

/** Query diagnostics as caret frames; rule, schedule, exception and filter ones (span 0,0) in words. */
function diagnosticsText(query: string, diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => (/^(EQL|KQL)/.test(d.code) ? formatDiagnostics(query, [d]) : `${d.severity} ${d.code}: ${d.message}`))
    .join('\n')
}

/** The --json document. */
export function simulationJson(sim: RuleSimulation, rule: RuleDocument): Record<string, unknown> {
  return {
    rule: { name: rule.name, type: rule.type, ruleId: rule.ruleId ?? null, simulatedType: sim.ruleType },
    schedule: sim.schedule,
    executions: sim.executions.map((x) => ({
      index: x.index,
      runAt: isoOrNull(x.runAt),
      window: { from: isoOrNull(x.windowFrom), to: isoOrNull(x.windowTo) },
      eventsInWindow: x.eventsInWindow,
      alerts: x.alerts,
      duplicates: x.duplicates,
      dropped: x.dropped,
      atCap: x.atCap,
      alertIds: x.alertIds,
      droppedEvents: x.droppedDetections.map((d) => d.eventIndexes),
    })),
    alerts: sim.alerts.map((a) => ({ id: a.id, execution: a.execution, eventIndexes: a.detection.eventIndexes, document: a.document, buildingBlocks: a.buildingBlocks })),
    totals: sim.totals,
    diagnostics: sim.diagnostics,
    stopped: sim.stopped,
  }
}

function isoOrNull(ms: number): string | null {
  const d = new Date(ms)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}
