/**
 * `npm run fuzz -- --iterations N [--seed S] [--json] [--out DIR]`: feeds the EQL and KQL parsers,
 * checkers, compilers and evaluators (the public engine API) random and mutated queries over
 * random event batches (scripts/fuzz/), and fails when any input throws, takes over 50 ms,
 * returns a diagnostic outside the query text, reports an internal error, or ends with neither a
 * result nor an error. Each failing case is written as a small JSON file {language, query, events,
 * problem} so it can become a fixture. Exit code 1 when anything failed. See docs/fuzzing.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as engine from '../src/engine/index'
import { runCampaign, type CampaignResult, type Failure } from './fuzz/campaign'
import type { FuzzEngine } from './fuzz/harness'
import type { Language } from './fuzz/mutate-query'
import { loadSeeds } from './fuzz/seeds'

const USAGE = 'usage: npm run fuzz -- --iterations N [--seed S] [--json] [--out DIR]'

interface FuzzOptions {
  readonly iterations: number
  readonly seed: number
  readonly json: boolean
  readonly out: string
}

function parseArgs(argv: readonly string[]): FuzzOptions | string {
  let iterations = 1000
  let seed = 1
  let json = false
  let out = '/tmp/rule-playground-fuzz'
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = argv[i + 1]
    if (a === '--json') json = true
    else if ((a === '--iterations' || a === '--seed') && value !== undefined && /^\d+$/.test(value)) {
      if (a === '--iterations') iterations = Number(value)
      else seed = Number(value)
      i++
    } else if (a === '--out' && value !== undefined) {
      out = value
      i++
    } else return `unknown or incomplete option ${a ?? ''}\n${USAGE}`
  }
  return { iterations, seed, json, out }
}

function writeFailures(out: string, failures: readonly Failure[]): void {
  if (failures.length === 0) return
  mkdirSync(out, { recursive: true })
  failures.forEach((f, n) => {
    const file = join(out, `case-${String(n + 1).padStart(4, '0')}-${f.language}.json`)
    // -0 and NaN do not survive JSON; the file still replays the query, which is what fails most.
    writeFileSync(file, JSON.stringify({ language: f.language, query: f.query, events: f.events, problem: f.problem }, null, 2) + '\n')
  })
}

function table(result: CampaignResult, wallMs: number): string {
  const head = ['language', 'inputs', 'exceptions', 'internal', 'over 50 ms', 'bad spans', 'no outcome', 'retimed', 'slowest ms', 'inputs/s']
  const rows: string[][] = [head]
  const langs: Language[] = ['eql', 'kql']
  for (const lang of langs) {
    const f = result.figures[lang]
    rows.push([lang, `${f.inputs}`, `${f.exceptions}`, `${f.internalErrors}`, `${f.slow}`, `${f.badSpans}`, `${f.noOutcome}`, `${f.retimed}`,
      f.slowestMs.toFixed(1), f.totalMs > 0 ? `${Math.round(f.inputs / (f.totalMs / 1000))}` : '-'])
  }
  const total = langs.reduce((n, l) => n + result.figures[l].inputs, 0)
  rows.push(['all', `${total}`, '', '', '', '', '', '', '', `${Math.round(total / (wallMs / 1000))} (wall)`])
  const widths = head.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)))
  return rows.map((r) => r.map((cell, c) => cell.padStart(widths[c] ?? 0)).join('  ')).join('\n')
}

function main(): number {
  const opts = parseArgs(process.argv.slice(2))
  if (typeof opts === 'string') {
    console.error(opts)
    return 2
  }
  const seeds = loadSeeds()
  const api: FuzzEngine = engine
  // Warm the JIT on the seeds first (unmeasured): the 50 ms budget is about inputs, not start-up.
  runCampaign(api, { ...seeds, eql: seeds.eql.slice(0, 50), kql: seeds.kql.slice(0, 50) }, { iterations: 200, seed: opts.seed ^ 0x9e3779b9 })
  const t0 = performance.now()
  const result = runCampaign(api, seeds, { iterations: opts.iterations, seed: opts.seed })
  const wallMs = performance.now() - t0
  writeFailures(opts.out, result.failures)
  if (opts.json) {
    console.log(JSON.stringify({ seed: opts.seed, iterations: opts.iterations, seeds: seeds.source, wallMs: Math.round(wallMs), figures: result.figures, slowest: result.slowest, failures: result.failures.length, out: opts.out }, null, 2))
  } else {
    console.log(`fuzz: seed ${opts.seed}, ${opts.iterations} inputs, seeds from ${seeds.source}`)
    console.log(table(result, wallMs))
    console.log(`wall time ${(wallMs / 1000).toFixed(1)} s; slowest inputs:`)
    for (const s of result.slowest) console.log(`  ${s.ms.toFixed(1)} ms ${s.language}: ${JSON.stringify(s.query.slice(0, 100))}`)
    if (result.failures.length > 0) {
      console.log(`${result.failures.length} failing case(s) written to ${opts.out}:`)
      for (const f of result.failures.slice(0, 20)) console.log(`  ${f.language} ${JSON.stringify(f.query.slice(0, 100))}: ${f.problem.slice(0, 200)}`)
    } else console.log('no failures')
  }
  return result.failures.length > 0 ? 1 : 0
}

process.exitCode = main()
