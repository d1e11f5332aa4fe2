import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parse } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { runEql } from '../eql/run-eql'
import { eqlSettings } from '../eql/settings'
import { parseEventsText } from '../events/parse-events'
import { runKql } from '../kql/run-kql'
import { buildSchema } from '../schema/build-schema'
import type { Schema } from '../schema/types'
import { compileExplainEql } from './eql-explain'
import { compileExplainKql } from './kql-explain'
import { clauseCoverage } from './coverage'
import { nearMisses } from './near-misses'
import { sequenceVerdicts } from './sequence-verdict'
import { isMissing } from '../result'
import type { Explainable } from './plan'
import type { TraceNode } from './types'

/**
 * The product's promise: an explanation agrees with the matcher. For every case of our fixture
 * suites (src/fixtures/eql, src/fixtures/kql) that expects results, and every event of its suite:
 * - event queries and KQL: the explanation's outcome is the matcher's answer for the event, and
 *   the events a run returns (no size, no head/tail) are exactly those explained as returned;
 * - sequences and samples: each stage's outcome is that stage's compiled matcher's answer;
 * - every tree is consistent: an `and` holds iff all its children do, an `or` iff one does, a
 *   `not` iff its operand does not (a null-folded operand: neither), and the deciding clause lies
 *   inside the tree.
 */
const FIXTURES = resolve(__dirname, '../../fixtures')

interface SuiteCase {
  readonly name: string
  readonly language: 'eql' | 'kql'
  readonly query: string
  readonly size: number | undefined
  readonly maxSamplesPerKey: number | undefined
}

interface Suite {
  readonly file: string
  readonly events: unknown[]
  readonly schema: Schema
  readonly settings: Record<string, unknown>
  readonly now: number | undefined
  readonly cases: SuiteCase[]
}

type Table = Record<string, unknown>

function readSuite(file: string): Suite {
  const doc = parse(readFileSync(file, 'utf8')) as Table
  const s = (doc['suite'] ?? {}) as Table
  const events = parseEventsText(readFileSync(resolve(dirname(file), String(s['events'])), 'utf8')).events
  const mappings = (s['mappings'] ?? {}) as Record<string, string>
  const rawNow = s['now']
  const now = typeof rawNow === 'string' ? Date.parse(rawNow) : rawNow instanceof Date ? rawNow.getTime() : undefined
  const tiebreaker = typeof s['tiebreaker_field'] === 'string' && s['tiebreaker_field'] !== '' ? s['tiebreaker_field'] : null
  const settings: Table = {
    eventCategoryField: typeof s['event_category_field'] === 'string' ? s['event_category_field'] : 'event.category',
    timestampField: typeof s['timestamp_field'] === 'string' ? s['timestamp_field'] : '@timestamp',
    tiebreakerField: tiebreaker,
  }
  const cases: SuiteCase[] = []
  for (const raw of (doc['cases'] ?? []) as Table[]) {
    if (!Array.isArray(raw['expected_event_ids'])) continue // expect_error cases do not compile
    const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined)
    cases.push({
      name: String(raw['name']),
      language: raw['language'] === 'kql' ? 'kql' : 'eql',
      query: String(raw['query']),
      size: num(raw['size']),
      maxSamplesPerKey: num(raw['max_samples_per_key']),
    })
  }
  const schema = buildSchema({ ecs: true, mappings, events }).schema
  return { file, events, schema, settings, now, cases }
}

function suiteFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.toml'))
    .sort()
    .map((n) => join(dir, n))
}

/** Problems with a tree's internal consistency (empty when consistent). */
function inconsistencies(node: TraceNode, path = 'root'): string[] {
  const out: string[] = []
  const values = node.children.map((c) => c.value)
  const here = `${path} ${node.kind} "${node.text}"`
  if (node.kind === 'and' || node.kind === 'filter') {
    if ((node.value === true) !== values.every((v) => v === true)) out.push(`${here}: and is ${String(node.value)}, children ${JSON.stringify(values)}`)
  } else if (node.kind === 'or') {
    if ((node.value === true) !== values.some((v) => v === true)) out.push(`${here}: or is ${String(node.value)}, children ${JSON.stringify(values)}`)
  } else if (node.kind === 'not') {
    const child = node.children[0]
    const folded = child?.note?.includes('folds this clause to null') === true
    const expected = folded ? false : child?.value !== true
    if ((node.value === true) !== expected) out.push(`${here}: not is ${String(node.value)}, child ${String(child?.value)}`)
  }
  node.children.forEach((c, i) => out.push(...inconsistencies(c, `${path}.${i}`)))
  return out
}

function contains(tree: TraceNode, node: TraceNode): boolean {
  return tree === node || tree.children.some((c) => contains(c, node))
}

function idOf(event: unknown, i: number): string {
  const id = typeof event === 'object' && event !== null ? (event as Table)['id'] : undefined
  return typeof id === 'string' || typeof id === 'number' ? String(id) : `#${i}`
}

/** Coverage and near misses over the whole event set (read through the run's columns) agree too. */
function setLevel(label: string, explainer: Explainable, events: readonly unknown[], matched: ReadonlySet<number>): string[] {
  const out: string[] = []
  const root = clauseCoverage(explainer, events)[0]
  if (root?.trueCount !== matched.size) out.push(`${label}: coverage counts ${String(root?.trueCount)} matches, matcher ${matched.size}`)
  for (const m of nearMisses(explainer, events)) if (matched.has(m.index)) out.push(`${label}: matched event ${m.index} listed as a near miss`)
  return out
}

describe('explain agrees with the matcher on every fixture case', () => {
  const files = [...suiteFiles(join(FIXTURES, 'eql')), ...suiteFiles(join(FIXTURES, 'kql'))]

  it('finds the suites', () => {
    expect(files.length).toBeGreaterThan(20)
  })

  for (const file of files) {
    it(file.slice(FIXTURES.length + 1), () => {
      const suite = readSuite(file)
      const problems: string[] = []
      let checked = 0
      for (const c of suite.cases) {
        const label = `${c.name}: ${c.query}`
        if (c.language === 'kql') {
          const { explainer } = compileExplainKql(c.query, { schema: suite.schema, settings: suite.now === undefined ? {} : { now: suite.now } })
          if (explainer === null) {
            problems.push(`${label}: does not compile for explain`)
            continue
          }
          explainer.bindEvents(suite.events)
          const run = runKql(explainer.program, suite.events)
          const matched = new Set(run.result?.kind === 'events' ? run.result.events.map((e) => e.index) : [])
          suite.events.forEach((ev, i) => {
            const x = explainer.explain(ev)
            checked++
            if (x.outcome !== matched.has(i)) problems.push(`${label}: event ${idOf(ev, i)} explained ${String(x.outcome)}, matcher ${String(matched.has(i))}`)
            problems.push(...inconsistencies(x.tree).map((p) => `${label}: event ${idOf(ev, i)}: ${p}`))
            if (!contains(x.tree, x.deciding)) problems.push(`${label}: deciding clause outside the tree`)
          })
          problems.push(...setLevel(label, explainer, suite.events, matched))
          continue
        }
        const settings = eqlSettings({
          ...suite.settings,
          size: c.size ?? null,
          ...(c.maxSamplesPerKey === undefined ? {} : { maxSamplesPerKey: c.maxSamplesPerKey }),
        })
        const { explainer } = compileExplainEql(c.query, { schema: suite.schema, settings, ...(suite.now === undefined ? {} : { now: suite.now }) })
        if (explainer === null) {
          problems.push(`${label}: does not compile for explain`)
          continue
        }
        const program = explainer.program
        if (program.kind === 'event') {
          const run = runEql(program, suite.events)
          const uncut = program.pipes.length === 0 && program.size === null && run.result?.kind === 'events'
          const returned = new Set(run.result?.kind === 'events' ? run.result.events.map((e) => e.index) : [])
          suite.events.forEach((ev, i) => {
            const x = explainer.explain(ev)
            if (x.kind !== 'event') return void problems.push(`${label}: not an event explanation`)
            checked++
            const m = program.matcher.test(ev)
            if (x.outcome !== m) problems.push(`${label}: event ${idOf(ev, i)} explained ${String(x.outcome)}, matcher ${String(m)}`)
            if (uncut && x.returned !== returned.has(i)) {
              problems.push(`${label}: event ${idOf(ev, i)} explained returned=${String(x.returned)}, run ${String(returned.has(i))}`)
            }
            problems.push(...inconsistencies(x.tree).map((p) => `${label}: event ${idOf(ev, i)}: ${p}`))
            if (!contains(x.tree, x.deciding)) problems.push(`${label}: deciding clause outside the tree`)
          })
          const accepted = new Set(suite.events.flatMap((ev, i) => (program.matcher.test(ev) ? [i] : [])))
          problems.push(...setLevel(label, explainer, suite.events, accepted))
          continue
        }
        suite.events.forEach((ev, i) => {
          const x = explainer.explain(ev)
          if (x.kind === 'event') return void problems.push(`${label}: event explanation for a ${program.kind}`)
          for (const st of [...x.stages, ...(x.until === null ? [] : [x.until])]) {
            checked++
            const compiled = st.until
              ? program.kind === 'sequence'
                ? program.until
                : null
              : (program.stages.find((p) => p.group === st.stage) ?? null)
            const m = compiled?.matcher.test(ev)
            if (st.outcome !== m) problems.push(`${label}: event ${idOf(ev, i)} stage ${st.stage} explained ${String(st.outcome)}, matcher ${String(m)}`)
            problems.push(...inconsistencies(st.tree).map((p) => `${label}: event ${idOf(ev, i)} stage ${st.stage}: ${p}`))
          }
        })
        // the verdicts' runs (as written and without each constraint) never fail inside the engine
        const verdicts = sequenceVerdicts(explainer, suite.events)
        const internal = verdicts?.diagnostics.filter((d) => d.code === 'EQL3004') ?? []
        if (internal.length > 0) problems.push(`${label}: verdict runs failed: ${internal.map((d) => d.message).join('; ')}`)
        const members = new Set<number>()
        const run = runEql({ ...program, size: null, pipes: [] }, suite.events).result
        if (run !== null && run.kind !== 'events') {
          for (const g of run.kind === 'sequences' ? run.sequences : run.samples) for (const e of g.events) if (!isMissing(e)) members.add(e.index)
        }
        suite.events.forEach((ev, i) => {
          const v = verdicts?.verdict(i)
          if (v?.completed !== members.has(i)) problems.push(`${label}: event ${idOf(ev, i)} verdict completed=${String(v?.completed)}`)
          for (const b of v?.blockers ?? []) if (!b.wouldBe.events.includes(i)) problems.push(`${label}: blocker ${b.blocker} without the event`)
        })
      }
      expect(problems.slice(0, 20)).toEqual([])
      // suites of error cases only (diagnostics, errors) have nothing to explain
      if (suite.cases.length > 0) expect(checked).toBeGreaterThan(0)
    })
  }
})
