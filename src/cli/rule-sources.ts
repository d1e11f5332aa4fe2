/**
 * Reads rule queries for `check` and the corpus script. Formats read:
 *
 *   rule TOML (Elastic detection-rules):  [rule] name = "...", type = "eql"|"query"|...,
 *                                          language = "eql"|"kuery"|"lucene"|"esql", query = '''...''',
 *                                          event_category_override = "event.type" (optional)
 *   rules .jsonl: one JSON object per line with name, language, type, query (deprecated, path,
 *                 event_category_override optional);
 *                 blank lines allowed
 *
 * A rule's language: `language` when present, else `type` ("eql" -> eql, "query" -> kuery).
 */
import { parse } from 'smol-toml'

export type RuleLanguage = 'eql' | 'kql' | 'other'

export interface RuleQuery {
  /** where the rule came from: "file" or "file:line" */
  readonly source: string
  readonly name: string
  readonly language: RuleLanguage
  /** the language as written, for reports ("esql", "lucene", ...) */
  readonly declared: string
  readonly query: string
  readonly deprecated: boolean
  /** the rule's `event_category_override` (e.g. event.type), when it sets one */
  readonly eventCategoryField?: string
  /** the rule file's path in its repository (rules .jsonl `path`) */
  readonly path?: string
}

export interface RuleRead {
  readonly rules: RuleQuery[]
  /** unreadable input: "file:line: reason" */
  readonly problems: string[]
}

type Obj = Record<string, unknown>

function languageOf(rule: Obj): { language: RuleLanguage; declared: string } {
  const lang = typeof rule['language'] === 'string' ? rule['language'] : undefined
  const type = typeof rule['type'] === 'string' ? rule['type'] : undefined
  const declared = lang ?? (type === 'query' ? 'kuery' : type ?? 'unknown')
  if (declared === 'eql') return { language: 'eql', declared }
  if (declared === 'kuery' || declared === 'kql') return { language: 'kql', declared }
  return { language: 'other', declared }
}

function toRule(source: string, rule: Obj, deprecatedDefault: boolean): RuleQuery | string {
  const query = rule['query']
  const name = typeof rule['name'] === 'string' ? rule['name'] : typeof rule['rule_id'] === 'string' ? rule['rule_id'] : source
  const { language, declared } = languageOf(rule)
  if (typeof query !== 'string') {
    if (language === 'other') return { source, name, language, declared, query: '', deprecated: deprecatedDefault }
    return `${source}: rule '${name}' has no query`
  }
  const deprecated = rule['deprecated'] === true || deprecatedDefault
  const category = rule['event_category_override']
  const path = rule['path']
  return {
    source,
    name,
    language,
    declared,
    query,
    deprecated,
    ...(typeof category === 'string' && category !== '' ? { eventCategoryField: category } : {}),
    ...(typeof path === 'string' ? { path } : {}),
  }
}

/** A detection-rules TOML file: the `[rule]` table. */
export function readRuleToml(path: string, text: string): RuleRead {
  let doc: Obj
  try {
    doc = parse(text) as Obj
  } catch (e) {
    return { rules: [], problems: [`${path}: invalid TOML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`] }
  }
  const rule = doc['rule']
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return { rules: [], problems: [`${path}: no [rule] table`] }
  const meta = doc['metadata']
  const deprecated = typeof meta === 'object' && meta !== null && (meta as Obj)['maturity'] === 'deprecated'
  const r = toRule(path, rule as Obj, deprecated)
  return typeof r === 'string' ? { rules: [], problems: [r] } : { rules: [r], problems: [] }
}

/** A .jsonl file of rules: one rule object per line. */
export function readRulesJsonl(path: string, text: string): RuleRead {
  const rules: RuleQuery[] = []
  const problems: string[] = []
  const lines = text.split(/\r?\n/)
  for (const [n, line] of lines.entries()) {
    if (line.trim() === '') continue
    const source = `${path}:${n + 1}`
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (e) {
      problems.push(`${source}: invalid JSON: ${e instanceof Error ? e.message : String(e)}`)
      continue
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${source}: expected a rule object`)
      continue
    }
    const r = toRule(source, value as Obj, false)
    if (typeof r === 'string') problems.push(r)
    else rules.push(r)
  }
  return { rules, problems }
}

/** Reads rules from a file by its extension (.toml, .jsonl/.ndjson). */
export function readRules(path: string, text: string): RuleRead {
  if (/\.(jsonl|ndjson)$/i.test(path)) return readRulesJsonl(path, text)
  if (/\.toml$/i.test(path)) return readRuleToml(path, text)
  return { rules: [], problems: [`${path}: expected a rule .toml or a rules .jsonl file`] }
}
