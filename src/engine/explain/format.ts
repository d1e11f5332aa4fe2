import type { EqlExplanation, StageExplanation } from './eql-explain'
import type { KqlExplanation } from './kql-explain'
import type { FilterExplanation, TraceNode, TraceValue } from './types'

/**
 * A plain-text rendering of an explanation, for the CLI and logs: one line per clause, indented
 * by depth, with its value, the values it read, its rule, and a marker on the deciding clause.
 *
 *   null   process where process.name : "cmd*" and user.name == "root"
 *     true   process  [event.category: "process"]  exact, case-sensitive term ...
 *     null   process.name : "cmd*" and user.name == "root"
 *       true   process.name : "cmd*"  [process.name: "CMD.exe"]  case-insensitive, * and ? wildcards
 *       null   user.name == "root"  [user.name: no value]  <- decides  case-sensitive equality ...
 */
export function formatExplanation(x: EqlExplanation | KqlExplanation): string {
  if (x.kind === 'kql') return formatFilter(x)
  if (x.kind === 'event') {
    const lines = [formatFilter(x)]
    if (!x.timestamp.present) lines.push(`no usable ${x.timestamp.field}: Elasticsearch cannot return this event`)
    lines.push(`outcome: ${x.returned ? 'returned' : x.outcome ? 'matches the filter, not returned' : 'not matched'}`)
    return lines.join('\n')
  }
  const stages = [...x.stages, ...(x.until === null ? [] : [x.until])]
  return [...stages.map(formatStage), x.note].join('\n\n')
}

function formatStage(s: StageExplanation): string {
  const name = s.until ? 'until' : `stage ${s.stage + 1}${s.missing ? ' (missing event)' : ''}${s.runs > 1 ? ` (runs=${s.runs})` : ''}`
  const keys = s.keys.map((k) => `${k.text}=${k.values.length === 0 ? 'no value' : k.values.map(show).join('|')}`).join(', ')
  const fill = s.fills ? 'could fill it' : s.outcome ? 'passes the filter, but lacks a join key' : 'does not pass the filter'
  return [`${name}: ${fill}${keys === '' ? '' : `; keys ${keys}`}`, formatFilter(s)].join('\n')
}

/** The tree of one filter, the deciding clause marked. */
export function formatFilter(f: FilterExplanation): string {
  const lines: string[] = []
  const walk = (n: TraceNode, depth: number): void => {
    const parts = [`${'  '.repeat(depth)}${label(n.value).padEnd(6)} ${oneLine(n.text)}`]
    if (n.seen !== undefined) parts.push(`[${n.seen.map((s) => `${s.field}: ${s.values.length === 0 ? 'no value' : s.values.map(show).join(', ')}${s.notIndexed === undefined ? '' : ' (not indexed: ' + s.notIndexed.map(show).join(', ') + ')'}`).join('; ')}]`)
    if (n.computed !== undefined) parts.push(`[${n.computed.map((c) => `${c.text} = ${c.values.length === 0 ? 'null' : c.values.map(show).join(', ')}`).join('; ')}]`)
    if (n === f.deciding) parts.push('<- decides')
    if (n.rule !== undefined) parts.push(n.rule)
    if (n.note !== undefined) parts.push(`(${n.note})`)
    lines.push(parts.join('  '))
    for (const c of n.children) walk(c, depth + 1)
  }
  walk(f.tree, 0)
  return lines.join('\n')
}

function label(v: TraceValue): string {
  return v === null ? 'null' : String(v)
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ')
}

function show(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'undefined' : JSON.stringify(v) ?? String(v)
}
