/**
 * Picks the corpus rules the benchmark times (read at run time from ../shared, never copied):
 * the longest EQL query (parse + check + compile cost) and the most regex-heavy EQL event query
 * over process fields (evaluation cost of Lucene-style regular expressions).
 *
 * Corpus rules name integration fields ECS does not know; against their real index those fields
 * are mapped, so we map them too (as `check` does): the type ECS gives every field with the same
 * last segment when they agree, else keyword. Then compiling measures real work, not an error path.
 */
import { existsSync, readFileSync } from 'node:fs'
import * as engine from '../../src/engine/index'
import { buildSchema, eqlSettings, type Schema } from '../../src/engine/index'
import { compileLenient } from '../../src/cli/lenient-compile'
import { readRulesJsonl, type RuleQuery } from '../../src/cli/rule-sources'

export interface PreparedRule {
  readonly name: string
  readonly query: string
  readonly schema: Schema
  readonly eventCategoryField: string
}

export interface CorpusPicks {
  readonly longest: PreparedRule | null
  readonly regexHeavy: PreparedRule | null
  /** why a pick is missing (no corpus file, nothing compiled) */
  readonly notes: string[]
}

/** A schema under which `rule` compiles (unknown fields assumed mapped, as `check` does), or null. */
export function prepareRule(rule: RuleQuery, ecs: Schema): PreparedRule | null {
  const settings = eqlSettings({ eventCategoryField: rule.eventCategoryField ?? 'event.category' })
  const out = compileLenient(engine, rule.query, { settings, baseSchema: ecs })
  if (out.compiled.program === null) return null
  return { name: rule.name, query: rule.query, schema: out.schema, eventCategoryField: settings.eventCategoryField }
}

/** regex operators whose left side is a process.* field: these run on every process event */
function processRegexCount(query: string): number {
  return (query.match(/\bprocess\.[\w.]+\s+regex~?\s/g) ?? []).length
}

/** rules pinned to Windows or Linux filter our macOS events out before their regexes run */
function otherOsOnly(query: string): boolean {
  return /host\.os\.type\s*(==|:|in)/.test(query) && !/"macos"/.test(query)
}

function isEventQuery(query: string): boolean {
  return !/^\s*(sequence|sample)\b/.test(query.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ''))
}

export function pickCorpusRules(path: string): CorpusPicks {
  const notes: string[] = []
  if (!existsSync(path)) return { longest: null, regexHeavy: null, notes: [`corpus not found at ${path}`] }
  const rules = readRulesJsonl(path, readFileSync(path, 'utf8')).rules.filter((r) => r.language === 'eql')
  const ecs = buildSchema({ ecs: true }).schema
  const firstCompiling = (ordered: RuleQuery[]): PreparedRule | null => {
    for (const r of ordered) {
      const prepared = prepareRule(r, ecs)
      if (prepared) return prepared
    }
    return null
  }
  const byLength = [...rules].sort((a, b) => b.query.length - a.query.length)
  const longest = firstCompiling(byLength)
  if (!longest) notes.push('no EQL corpus rule compiles')
  const regexRules = rules
    .filter((r) => isEventQuery(r.query) && processRegexCount(r.query) > 0)
    .sort(
      (a, b) =>
        processRegexCount(b.query) - processRegexCount(a.query) ||
        Number(otherOsOnly(a.query)) - Number(otherOsOnly(b.query)) ||
        b.query.length - a.query.length,
    )
  const regexHeavy = firstCompiling(regexRules)
  if (!regexHeavy) notes.push('no regex corpus rule compiles')
  return { longest, regexHeavy, notes }
}
