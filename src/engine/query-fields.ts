import { hasErrors } from './diagnostics/diagnostic'
import type { Expr, Stage, Statement } from './eql/ast'
import { fieldsOf } from './eql/check-types'
import { parseEql } from './eql/parser'
import { DEFAULT_EQL_SETTINGS, type EqlSettings } from './eql/settings'
import { assertNever, type KqlField, type KqlNode } from './kql/ast'
import { parseKql } from './kql/parser'

/**
 * The fields a query reads, so a share link can keep only those (issue 5: a seed example with only
 * the fields its query uses fits a chat message). Pure and total like the rest of the engine.
 */

/** What `fieldsOfQuery` found. */
export interface QueryFields {
  /**
   * Dotted field paths the run reads, deduplicated, in first-use order. A path may name an object
   * (`file` for a KQL `file.*`): keeping it keeps the whole object.
   */
  readonly fields: readonly string[]
  /**
   * false when the list cannot be trusted to hold every field the run reads: the query does not
   * parse, or it reads fields it does not name (KQL free text searches every field, a field
   * pattern like `*name` matches names we cannot list). Trimming events to `fields` would then
   * change what matches, so callers must not offer it.
   */
  readonly complete: boolean
}

// ECS and Elasticsearch's dynamic mapping index text under these sub-fields of the same value:
// `process.name.keyword` reads the value at `process.name`, which is what the events hold.
const MULTI_FIELD_SUFFIXES = new Set(['keyword', 'text', 'caseless'])

/** The path the events hold the value of `path` at (a multi-field reads its parent's value). */
function sourcePath(path: string): string {
  const dot = path.lastIndexOf('.')
  return dot > 0 && MULTI_FIELD_SUFFIXES.has(path.slice(dot + 1)) ? path.slice(0, dot) : path
}

function eqlFields(statement: Statement, settings: EqlSettings): string[] {
  const out: string[] = []
  const exprs = (list: readonly Expr[]): void => {
    for (const e of list) for (const f of fieldsOf(e)) out.push(f.path)
  }
  let usesCategory = false
  const stage = (s: Stage): void => {
    if (s.filter.category.name !== null) usesCategory = true
    exprs([s.filter.condition])
    // Join keys decide which events pair up: dropping one would join everything.
    exprs(s.keys)
  }
  const q = statement.query
  switch (q.type) {
    case 'EventQuery':
      if (q.filter.category.name !== null) usesCategory = true
      exprs([q.filter.condition])
      break
    case 'SequenceQuery':
      exprs(q.keys)
      q.stages.forEach(stage)
      if (q.until) stage(q.until)
      break
    case 'SampleQuery':
      exprs(q.keys)
      q.stages.forEach(stage)
      break
  }
  // `process where` reads the category field; `any where` does not.
  if (usesCategory) out.push(settings.eventCategoryField)
  // Elasticsearch's EQL leaves out events without a timestamp and orders every result by it (and
  // sequences need it for order and maxspan), so it is read by every EQL query, as is the tiebreaker.
  out.push(settings.timestampField)
  if (settings.tiebreakerField) out.push(settings.tiebreakerField)
  return out
}

/** `field` inside `nested` groups: names are relative to the enclosing paths. */
function kqlFieldPath(field: KqlField, prefix: string): string | null {
  if (field.type === 'field') return prefix + field.name
  // `file.*` or `file.pa*`: every match lies under the literal part's last whole segment
  // (`file`), so keeping that object keeps every field the pattern can reach.
  const literal = prefix + (field.parts[0] ?? '')
  const dot = literal.lastIndexOf('.')
  return dot > 0 ? literal.slice(0, dot) : null
}

function kqlFields(node: KqlNode, prefix: string, out: string[]): boolean {
  switch (node.type) {
    case 'or':
    case 'and':
      return node.children.map((c) => kqlFields(c, prefix, out)).every(Boolean)
    case 'not':
      return kqlFields(node.child, prefix, out)
    case 'matchAll':
      return true
    case 'is':
    case 'range': {
      // A field-less value is free text over every field: nothing can be trimmed safely.
      if (node.field === null) return false
      const path = kqlFieldPath(node.field, prefix)
      if (path === null) return false
      out.push(path)
      return true
    }
    case 'nested': {
      const path = kqlFieldPath(node.path, prefix)
      if (path === null || node.path.type !== 'field') return false
      return kqlFields(node.query, `${path}.`, out)
    }
    default:
      return assertNever(node)
  }
}

/**
 * The fields an EQL or KQL query reads, for keeping only those in shared events. For EQL this
 * includes what the request settings make it read: the timestamp (always), the event category
 * field (unless every filter is `any`), the tiebreaker (when set), and every join key.
 *
 * No id field (`event.id`, `_id`) is added: events are named by position (expected outcomes and
 * results count from 0 in input order, which trimming keeps), so an id adds characters without
 * changing what a reader sees match. Callers that want more fields can add them.
 */
export function fieldsOfQuery(language: 'eql' | 'kql', query: string, settings: Partial<EqlSettings> = {}): QueryFields {
  const out: string[] = []
  let complete: boolean
  if (language === 'eql') {
    const { statement, diagnostics } = parseEql(query)
    complete = statement !== null && !hasErrors(diagnostics)
    // Spelled out: a setting present but undefined means the default, not "no field".
    const effective: EqlSettings = {
      ...DEFAULT_EQL_SETTINGS,
      eventCategoryField: settings.eventCategoryField ?? DEFAULT_EQL_SETTINGS.eventCategoryField,
      timestampField: settings.timestampField ?? DEFAULT_EQL_SETTINGS.timestampField,
      tiebreakerField: settings.tiebreakerField ?? null,
    }
    if (statement) out.push(...eqlFields(statement, effective))
  } else {
    const { query: node } = parseKql(query)
    complete = node !== null && kqlFields(node, '', out)
  }
  return { fields: [...new Set(out.map(sourcePath).filter((f) => f !== ''))], complete }
}
