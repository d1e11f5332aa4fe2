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
import { buildSchema, compileEql, type Schema } from '../../src/engine/index'
import { fieldAt, UNKNOWN_COLUMN, withFields } from '../../src/cli/lenient-compile'
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

function leafTypes(schema: Schema): Map<string, string> {
  const seen = new Map<string, string | null>()
  for (const name of schema.names()) {
    const type = schema.get(name)?.type
    if (type === undefined || type === 'alias' || type === 'object') continue
    const leaf = name.slice(name.lastIndexOf('.') + 1)
    const prior = seen.get(leaf)
    seen.set(leaf, prior === undefined || prior === type ? type : null)
  }
  const out = new Map<string, string>()
  for (const [leaf, type] of seen) if (type !== null) out.set(leaf, type)
  return out
}

/** A schema under which `rule` compiles without "Unknown column", or null if it still fails. */
export function prepareRule(rule: RuleQuery, ecs: Schema): PreparedRule | null {
  const settings = { eventCategoryField: rule.eventCategoryField ?? 'event.category' }
  const leaves = leafTypes(ecs)
  const extra: Record<string, string> = {}
  let schema = ecs
  for (let pass = 0; pass < 3; pass++) {
    const out = compileEql(rule.query, { schema, settings })
    if (out.program !== null) return { name: rule.name, query: rule.query, schema, eventCategoryField: settings.eventCategoryField }
    const unknown = out.diagnostics.filter((d) => d.code === UNKNOWN_COLUMN).map((d) => fieldAt(rule.query, d))
    const fresh = unknown.filter((f) => f !== '' && extra[f] === undefined)
    if (fresh.length === 0) return null
    for (const f of fresh) extra[f] = leaves.get(f.slice(f.lastIndexOf('.') + 1)) ?? 'keyword'
    schema = buildSchema({ ecs: true, mappings: withFields(undefined, extra) }).schema
  }
  return null
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
