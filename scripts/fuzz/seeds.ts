/**
 * The seed queries the fuzzer mutates: the rules corpus (../shared/corpus/rules.jsonl, read at run
 * time and never copied into the project) when it is there, else the playground's own examples.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { EXAMPLES } from '../../src/examples/index'
import { readRulesJsonl } from '../../src/cli/rule-sources'
import type { Language } from './mutate-query'

export interface Seeds {
  readonly eql: readonly string[]
  readonly kql: readonly string[]
  /** where the seeds came from, for the summary */
  readonly source: string
}

/** The corpus file next to the repository, as the other scripts find it. */
export const CORPUS_PATH = resolve(process.cwd(), '../shared/corpus/rules.jsonl')

/** Seeds from the corpus at `path` when present and non-empty for both languages, else the examples. */
export function loadSeeds(path: string = CORPUS_PATH): Seeds {
  if (existsSync(path)) {
    const { rules } = readRulesJsonl(path, readFileSync(path, 'utf8'))
    const of = (lang: Language): string[] => rules.filter((r) => r.language === lang && r.query.trim() !== '').map((r) => r.query)
    const eql = of('eql')
    const kql = of('kql')
    if (eql.length > 0 && kql.length > 0) return { eql, kql, source: `${path} (${eql.length} EQL, ${kql.length} KQL)` }
  }
  return examplesSeeds()
}

/** The examples' queries, by language. */
export function examplesSeeds(): Seeds {
  const of = (lang: Language): string[] => EXAMPLES.filter((e) => e.language === lang).map((e) => e.query)
  return { eql: of('eql'), kql: of('kql'), source: `src/examples (${EXAMPLES.length} queries)` }
}
