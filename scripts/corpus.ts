/**
 * Corpus check: parses and compiles every EQL and KQL (`language: kuery`) query of a rules .jsonl
 * (default ../shared/corpus/rules.jsonl, Elastic's detection rules; deprecated rules included;
 * an empty KQL query is a match-all and counts as ok) and counts the outcomes. Format read: see src/cli/rule-sources.ts (one rule object per line).
 *
 *   npm run corpus -- [rules.jsonl] [--json] [--language eql|kql]
 *
 * Schema choice: a rule runs against its integration's index, where every field it names is
 * mapped, while Elasticsearch rejects an unmapped field. So each query compiles against ECS, with
 * any field ECS does not know assumed to be a keyword (src/cli/lenient-compile.ts); a rule fails
 * only on a real syntax or type error, not because the playground lacks its integration's mapping.
 * Each rule's `event_category_override` is honoured. KQL rules get the same choice
 * (src/cli/lenient-kql.ts).
 *
 * Output: per language, counts by outcome (ok, parse errors, check errors with the most common
 * codes) and the failing rules. With --json exactly
 * {"eql": {"total": n, "ok": n, "failed": n}, "kql": {"total": n, "ok": n, "failed": n}}.
 * Exit 1 when any rule failed, 2 on bad usage, 3 when the engine cannot be loaded.
 */
import { readFileSync } from 'node:fs'
import type { Diagnostic } from '../src/engine/diagnostics/diagnostic'
import { loadEngine, type CompileOutput, type EngineApi } from '../src/cli/engine-port'
import { compileLenient } from '../src/cli/lenient-compile'
import { compileKqlLenient } from '../src/cli/lenient-kql'
import { readRulesJsonl, type RuleQuery } from '../src/cli/rule-sources'
import { assumeSearchable } from '../src/cli/integration-schema'

interface Options {
  readonly file: string
  readonly json: boolean
  readonly language: 'eql' | 'kql' | 'all'
}

function parseOptions(argv: readonly string[]): Options | string {
  let file: string | undefined
  let json = false
  let language: Options['language'] = 'all'
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ''
    if (a === '--json') json = true
    else if (a === '--language' || a.startsWith('--language=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]
      if (v !== 'eql' && v !== 'kql') return `--language must be eql or kql`
      language = v
    } else if (a.startsWith('--')) return `unknown option ${a}`
    else if (file === undefined) file = a
    else return `one rules file only (got ${a})`
  }
  return { file: file ?? '../shared/corpus/rules.jsonl', json, language }
}

type Outcome = 'ok' | 'parse' | 'check'

interface Failure {
  readonly rule: RuleQuery
  readonly outcome: Outcome
  readonly first: Diagnostic
}

/** One language's results over the corpus. */
interface LanguageTally {
  readonly rules: readonly RuleQuery[]
  readonly counts: Record<Outcome, number>
  readonly codes: Map<string, number>
  readonly failures: Failure[]
  readonly assumed: Set<string>
}

/** EQL1xxx / KQL1xxx are lexing/parsing codes; everything else is a check (or compile) error. */
function outcomeOf(errors: readonly Diagnostic[]): Outcome {
  if (errors.length === 0) return 'ok'
  return errors.some((d) => /^(EQL|KQL)1/.test(d.code)) ? 'parse' : 'check'
}

function top(counts: Map<string, number>, n: number): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([k, v]) => `${k} × ${v}`)
}

/** Compiles every rule with `compile` and tallies the outcomes. */
function tallyRules(rules: readonly RuleQuery[], compile: (rule: RuleQuery) => { compiled: CompileOutput; assumed: readonly string[] }): LanguageTally {
  const t: LanguageTally = { rules, counts: { ok: 0, parse: 0, check: 0 }, codes: new Map(), failures: [], assumed: new Set() }
  for (const rule of rules) {
    let errors: Diagnostic[]
    try {
      const { compiled, assumed } = compile(rule)
      assumed.forEach((f) => t.assumed.add(f))
      errors = compiled.diagnostics.filter((d) => d.severity === 'error')
    } catch (e) {
      // the engine must not throw: count it as a failure with a pseudo-code so it stands out
      const message = e instanceof Error ? e.message : String(e)
      errors = [{ code: 'THROWN', severity: 'error', message, span: { start: 0, end: 0 } }]
    }
    const outcome = outcomeOf(errors)
    t.counts[outcome]++
    const first = errors[0]
    if (first === undefined) continue
    t.failures.push({ rule, outcome, first })
    for (const code of new Set(errors.map((d) => d.code))) t.codes.set(code, (t.codes.get(code) ?? 0) + 1)
  }
  return t
}

function report(label: string, t: LanguageTally): string[] {
  const out: string[] = []
  const deprecated = t.rules.filter((r) => r.deprecated).length
  out.push(`${label}: ${t.rules.length} rules (${deprecated} deprecated)`)
  out.push(`  ok:           ${t.counts.ok}`)
  out.push(`  parse errors: ${t.counts.parse}`)
  out.push(`  check errors: ${t.counts.check}`)
  if (t.codes.size > 0) out.push(`  most common codes: ${top(t.codes, 8).join(', ')}`)
  out.push(`  non-ECS fields assumed mapped: ${t.assumed.size} (type of the ECS fields with the same last segment, else keyword)`)
  if (t.failures.length > 0) out.push('  failing rules:')
  for (const f of t.failures) out.push(`    ${f.rule.name} (${f.rule.path ?? f.rule.source}) [${f.outcome}] ${f.first.code}: ${f.first.message}`)
  return out
}

const failedOf = (t: LanguageTally): number => t.counts.parse + t.counts.check
const summaryOf = (t: LanguageTally): { total: number; ok: number; failed: number } => ({ total: t.rules.length, ok: t.counts.ok, failed: failedOf(t) })

async function main(argv: readonly string[]): Promise<number> {
  const opts = parseOptions(argv)
  if (typeof opts === 'string') {
    process.stderr.write(`corpus: ${opts}\nusage: npm run corpus -- [rules.jsonl] [--json] [--language eql|kql]\n`)
    return 2
  }
  let text: string
  try {
    text = readFileSync(opts.file, 'utf8')
  } catch (e) {
    process.stderr.write(`corpus: cannot read ${opts.file}: ${e instanceof Error ? e.message : String(e)}\n`)
    return 2
  }
  const { rules, problems } = readRulesJsonl(opts.file, text)
  for (const p of problems) process.stderr.write(`corpus: ${p}\n`)
  const eqlRules = opts.language === 'kql' ? [] : rules.filter((r) => r.language === 'eql')
  const kqlRules = opts.language === 'eql' ? [] : rules.filter((r) => r.language === 'kql')

  const load = await loadEngine()
  if (!load.ok) {
    process.stderr.write(`corpus: ${load.error}\n`)
    return 3
  }
  const engine: EngineApi = load.engine
  if (kqlRules.length > 0 && (engine.compileKql === undefined || engine.parseKql === undefined)) {
    process.stderr.write('corpus: the KQL engine is not available (src/engine exports no compileKql/parseKql)\n')
    return 3
  }
  // unknown fields assumed mapped and ECS fields assumed searchable: see integration-schema.ts
  const baseSchema = assumeSearchable(engine.buildSchema({ ecs: true }).schema)
  const eql = tallyRules(eqlRules, (rule) => {
    const settings = engine.eqlSettings(rule.eventCategoryField ? { eventCategoryField: rule.eventCategoryField } : {})
    return compileLenient(engine, rule.query, { settings, baseSchema })
  })
  const kql = tallyRules(kqlRules, (rule) => compileKqlLenient(engine, rule.query, { baseSchema }))
  const failed = failedOf(eql) + failedOf(kql)
  if (opts.json) {
    process.stdout.write(JSON.stringify({ eql: summaryOf(eql), kql: summaryOf(kql) }) + '\n')
    return failed > 0 ? 1 : 0
  }
  const out: string[] = []
  if (opts.language !== 'kql') out.push(...report('EQL', eql))
  if (opts.language !== 'eql') out.push(...report('KQL', kql))
  process.stdout.write(out.join('\n') + '\n')
  return failed > 0 ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`corpus: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    process.exitCode = 3
  },
)
