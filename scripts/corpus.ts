/**
 * Corpus check: parses and compiles every EQL query of a rules .jsonl (default
 * ../shared/corpus/rules.jsonl, Elastic's detection rules; deprecated rules included) and counts
 * the outcomes. Format read: see src/cli/rule-sources.ts (one rule object per line).
 *
 *   npm run corpus -- [rules.jsonl] [--json] [--language eql|kql]
 *
 * Schema choice: a rule runs against its integration's index, where every field it names is
 * mapped, while Elasticsearch rejects an unmapped field. So each query compiles against ECS, with
 * any field ECS does not know assumed to be a keyword (src/cli/lenient-compile.ts); a rule fails
 * only on a real syntax or type error, not because the playground lacks its integration's mapping.
 * Each rule's `event_category_override` is honoured.
 *
 * Output: counts by outcome (ok, parse errors, check errors with the most common codes), the
 * failing rules, then KQL as "skipped: not implemented". With --json exactly
 * {"eql": {"total": n, "ok": n, "failed": n}}. Exit 1 when any EQL rule failed, 2 on bad usage.
 */
import { readFileSync } from 'node:fs'
import type { Diagnostic } from '../src/engine/diagnostics/diagnostic'
import { loadEngine } from '../src/cli/engine-port'
import { compileLenient } from '../src/cli/lenient-compile'
import { readRulesJsonl, type RuleQuery } from '../src/cli/rule-sources'

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

/** EQL1xxx are lexing/parsing codes; everything else is a check (or compile) error. */
function outcomeOf(errors: readonly Diagnostic[]): Outcome {
  if (errors.length === 0) return 'ok'
  return errors.some((d) => d.code.startsWith('EQL1')) ? 'parse' : 'check'
}

function top(counts: Map<string, number>, n: number): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([k, v]) => `${k} × ${v}`)
}

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
  const eql = opts.language === 'kql' ? [] : rules.filter((r) => r.language === 'eql')
  const kql = opts.language === 'eql' ? [] : rules.filter((r) => r.language === 'kql')

  const load = await loadEngine()
  if (!load.ok && eql.length > 0) {
    process.stderr.write(`corpus: ${load.error}\n`)
    return 3
  }
  const counts: Record<Outcome, number> = { ok: 0, parse: 0, check: 0 }
  const codes = new Map<string, number>()
  const failures: Failure[] = []
  const assumedFields = new Set<string>()
  if (load.ok) {
    const engine = load.engine
    const baseSchema = engine.buildSchema({ ecs: true }).schema
    for (const rule of eql) {
      const settings = engine.eqlSettings(rule.eventCategoryField ? { eventCategoryField: rule.eventCategoryField } : {})
      let errors: Diagnostic[]
      try {
        const { compiled, assumed } = compileLenient(engine, rule.query, { settings, baseSchema })
        assumed.forEach((f) => assumedFields.add(f))
        errors = compiled.diagnostics.filter((d) => d.severity === 'error')
      } catch (e) {
        // the engine must not throw: count it as a failure with a pseudo-code so it stands out
        const message = e instanceof Error ? e.message : String(e)
        errors = [{ code: 'THROWN', severity: 'error', message, span: { start: 0, end: 0 } }]
      }
      const outcome = outcomeOf(errors)
      counts[outcome]++
      const first = errors[0]
      if (first === undefined) continue
      failures.push({ rule, outcome, first })
      for (const code of new Set(errors.map((d) => d.code))) codes.set(code, (codes.get(code) ?? 0) + 1)
    }
  }
  const failed = counts.parse + counts.check
  if (opts.json) {
    process.stdout.write(JSON.stringify({ eql: { total: eql.length, ok: counts.ok, failed } }) + '\n')
    return failed > 0 ? 1 : 0
  }
  const out: string[] = []
  if (opts.language !== 'kql') {
    const deprecated = eql.filter((r) => r.deprecated).length
    out.push(`EQL: ${eql.length} rules (${deprecated} deprecated)`)
    out.push(`  ok:           ${counts.ok}`)
    out.push(`  parse errors: ${counts.parse}`)
    out.push(`  check errors: ${counts.check}`)
    if (codes.size > 0) out.push(`  most common codes: ${top(codes, 8).join(', ')}`)
    out.push(`  non-ECS fields assumed mapped: ${assumedFields.size} (type of the ECS fields with the same last segment, else keyword)`)
    if (failures.length > 0) out.push('  failing rules:')
    for (const f of failures) {
      out.push(`    ${f.rule.name} (${f.rule.path ?? f.rule.source}) [${f.outcome}] ${f.first.code}: ${f.first.message}`)
    }
  }
  if (opts.language !== 'eql') out.push(`KQL: ${kql.length} rules, skipped: not implemented`)
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
