/**
 * A fuzzing campaign: draws `iterations` inputs from a seeded Rng (mutated seed queries, stacked
 * mutations, pure noise; a fresh random event batch every few inputs), runs each through the
 * injected engine and tallies the figures per language. Pure apart from the clock, so the same
 * seed gives the same inputs and a fake engine can prove that failures are caught.
 */
import type { Schema } from '../../src/engine/index'
import { BUDGET_MS, runCase, schemaFor, type FuzzEngine, type FuzzInput, type Problem } from './harness'
import { mutateMany, vocabularyOf, type Language, type Vocabulary } from './mutate-query'
import { oddString } from './odd-strings'
import { makeRng, type Rng } from './prng'
import { randomEvents } from './random-events'
import type { Seeds } from './seeds'

export interface CampaignOptions {
  readonly iterations: number
  readonly seed: number
  /** inputs sharing one event batch (and its schema): buildSchema with ECS is the costly part */
  readonly batchEvery?: number
  readonly maxEvents?: number
  readonly now?: () => number
}

export interface LanguageFigures {
  inputs: number
  exceptions: number
  slow: number
  /** inputs whose first timing was over the budget but a retime was not (see CaseOutcome.firstMs) */
  retimed: number
  badSpans: number
  internalErrors: number
  noOutcome: number
  slowestMs: number
  slowestQuery: string
  totalMs: number
}

export interface Failure {
  readonly language: Language
  readonly query: string
  readonly events: readonly unknown[]
  readonly problem: string
  readonly ms: number
}

export interface CampaignResult {
  readonly figures: Record<Language, LanguageFigures>
  readonly failures: Failure[]
  /** the slowest inputs overall (ms, language, query head), for the report */
  readonly slowest: { ms: number; language: Language; query: string }[]
}

function emptyFigures(): LanguageFigures {
  return { inputs: 0, exceptions: 0, slow: 0, retimed: 0, badSpans: 0, internalErrors: 0, noOutcome: 0, slowestMs: 0, slowestQuery: '', totalMs: 0 }
}

/** One input query for `lang`: mostly mutated seeds, sometimes a seed as is, sometimes noise. */
export function makeQuery(rng: Rng, lang: Language, seeds: readonly string[], vocab: Vocabulary): string {
  const r = rng.next()
  if (r < 0.05) return rng.pick(seeds)
  if (r < 0.1) return oddString(rng, rng.range(0, 60))
  if (r < 0.15) return Array.from({ length: rng.range(1, 12) }, () => rng.pick(vocab.words)).join(' ')
  return mutateMany(rng, rng.pick(seeds), lang, vocab, seeds, 4)
}

/** Runs the campaign; never throws on engine behaviour (that is what it reports). */
export function runCampaign(engine: FuzzEngine, seeds: Seeds, opts: CampaignOptions): CampaignResult {
  const rng = makeRng(opts.seed)
  const batchEvery = opts.batchEvery ?? 25
  const vocab: Record<Language, Vocabulary> = { eql: vocabularyOf(seeds.eql), kql: vocabularyOf(seeds.kql) }
  const figures: Record<Language, LanguageFigures> = { eql: emptyFigures(), kql: emptyFigures() }
  const failures: Failure[] = []
  const slowest: CampaignResult['slowest'] = []
  let events: readonly unknown[] = []
  let schema: Schema | null = null
  for (let i = 0; i < opts.iterations; i++) {
    const lang: Language = i % 2 === 0 ? 'eql' : 'kql'
    const fig = figures[lang]
    if (i % batchEvery === 0 || schema === null) {
      events = randomEvents(rng, opts.maxEvents ?? 8)
      const built = schemaFor(engine, events)
      schema = built.schema
      if (built.problem !== null) {
        fig.exceptions++
        failures.push({ language: lang, query: '', events, problem: built.problem.detail, ms: 0 })
      }
      // Without a schema nothing can compile; fall back to ECS alone for this batch.
      if (schema === null) schema = schemaFor(engine, []).schema
      if (schema === null) break
    }
    const query = makeQuery(rng, lang, lang === 'eql' ? seeds.eql : seeds.kql, vocab[lang])
    const input: FuzzInput = { language: lang, query, events }
    const outcome = runCase(engine, input, schema, opts.now)
    fig.inputs++
    fig.totalMs += outcome.ms
    if (outcome.firstMs > BUDGET_MS && outcome.ms <= BUDGET_MS) fig.retimed++
    if (outcome.ms > fig.slowestMs) {
      fig.slowestMs = outcome.ms
      fig.slowestQuery = query
    }
    keepSlowest(slowest, { ms: outcome.ms, language: lang, query: query.slice(0, 160) })
    for (const p of outcome.problems) count(fig, p)
    if (outcome.problems.length > 0) {
      failures.push({ language: lang, query, events, problem: outcome.problems.map((p) => `${p.kind}: ${p.detail}`).join('; '), ms: outcome.ms })
    }
  }
  return { figures, failures, slowest }
}

function count(fig: LanguageFigures, p: Problem): void {
  if (p.kind === 'exception') fig.exceptions++
  else if (p.kind === 'slow') fig.slow++
  else if (p.kind === 'bad-span') fig.badSpans++
  else if (p.kind === 'internal-error') fig.internalErrors++
  else fig.noOutcome++
}

function keepSlowest(list: CampaignResult['slowest'], item: CampaignResult['slowest'][number]): void {
  if (list.length >= 5 && (list[list.length - 1]?.ms ?? 0) >= item.ms) return
  list.push(item)
  list.sort((a, b) => b.ms - a.ms)
  if (list.length > 5) list.pop()
}
