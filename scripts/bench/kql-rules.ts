/**
 * The KQL rules the benchmark times: the two KQL seed rules (their queries ship with the
 * playground as examples) and the longest KQL query of the corpus (read at run time from
 * ../shared, never copied). Corpus rules name integration fields ECS does not know; they are
 * assumed mapped the way `check` and the corpus script assume them (src/cli/lenient-kql.ts), so
 * the benchmark times the real evaluation, not an error path.
 */
import { existsSync, readFileSync } from 'node:fs'
import * as engine from '../../src/engine/index'
import type { Schema } from '../../src/engine/index'
import { compileKqlLenient } from '../../src/cli/lenient-kql'
import { readRulesJsonl } from '../../src/cli/rule-sources'

export const PERIODIC_TASKS = `event.category:file and host.os.type:macos and not event.type:"deletion" and
 file.path:(/private/etc/periodic/* or /private/etc/defaults/periodic.conf or /private/etc/periodic.conf)`

export const DIRECTORY_SERVICE_PLUGIN = `event.category:file and host.os.type:macos and not event.type:deletion and
  file.path:/Library/DirectoryServices/PlugIns/*.dsplug`

export interface PreparedKqlRule {
  readonly name: string
  readonly query: string
  /** ECS plus the fields the rule names that ECS does not know, as assumed */
  readonly schema: Schema
}

export interface KqlCorpusPick {
  readonly longest: PreparedKqlRule | null
  readonly notes: string[]
}

/** The longest corpus KQL query that compiles (fields assumed mapped as for `check`). */
export function pickLongestKql(path: string): KqlCorpusPick {
  if (!existsSync(path)) return { longest: null, notes: [`corpus not found at ${path}`] }
  const rules = readRulesJsonl(path, readFileSync(path, 'utf8'))
    .rules.filter((r) => r.language === 'kql')
    .sort((a, b) => b.query.length - a.query.length)
  const baseSchema = engine.buildSchema({ ecs: true }).schema
  for (const rule of rules) {
    const { compiled, schema } = compileKqlLenient(engine, rule.query, { baseSchema })
    if (compiled.program !== null) return { longest: { name: rule.name, query: rule.query, schema }, notes: [] }
  }
  return { longest: null, notes: ['no KQL corpus rule compiles'] }
}
