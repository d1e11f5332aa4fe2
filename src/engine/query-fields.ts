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
  /**
   * EQL only: which of `fields` matter for which events. A `file where` filter reads nothing of a
   * `process` event (the category test fails first), so an event needs only the fields of the
   * filters its category can pass, plus `common`. null for KQL.
   */
  readonly byCategory: CategoryFields | null
}

/** The fields of an EQL query split by the event category that can reach them. */
export interface CategoryFields {
  /** the field holding an event's category (the settings' eventCategoryField) */
  readonly field: string
  /** read of every event: timestamp, tiebreaker, category, and the fields of `any where` filters */
  readonly common: readonly string[]
  /** read only of events of a category (as the query writes it, matched exactly as Elasticsearch does) */
  readonly categories: Readonly<Record<string, readonly string[]>>
}

// ECS and Elasticsearch's dynamic mapping index text under these sub-fields of the same value:
// `process.name.keyword` reads the value at `process.name`, which is what the events hold.
const MULTI_FIELD_SUFFIXES = new Set(['keyword', 'text', 'caseless'])

/** The path the events hold the value of `path` at (a multi-field reads its parent's value). */
function sourcePath(path: string): string {
  const dot = path.lastIndexOf('.')
  return dot > 0 && MULTI_FIELD_SUFFIXES.has(path.slice(dot + 1)) ? path.slice(0, dot) : path
}

function eqlFields(statement: Statement, settings: EqlSettings): CategoryFields {
  const common: string[] = []
  const categories: Record<string, string[]> = {}
  const read = (category: string | null, list: readonly Expr[]): void => {
    // `any where` reads its fields of every event; `process where` only of process events.
    const into = category === null ? common : (categories[category] ??= [])
    for (const e of list) for (const f of fieldsOf(e)) into.push(f.path)
  }
  const q = statement.query
  // Sequence and sample keys are read of every event a stage accepts, so with each stage's own.
  const outerKeys = q.type === 'EventQuery' ? [] : q.keys
  // Join keys decide which events pair up: dropping one would join everything.
  const stage = (s: Stage): void => read(s.filter.category.name, [s.filter.condition, ...outerKeys, ...s.keys])
  switch (q.type) {
    case 'EventQuery':
      read(q.filter.category.name, [q.filter.condition])
      break
    case 'SequenceQuery':
      q.stages.forEach(stage)
      if (q.until) stage(q.until)
      break
    case 'SampleQuery':
      q.stages.forEach(stage)
      break
  }
  // The category test reads the category field, unless every filter is `any`.
  if (Object.keys(categories).length > 0) common.push(settings.eventCategoryField)
  // Elasticsearch's EQL leaves out events without a timestamp and orders every result by it (and
  // sequences need it for order and maxspan), so it is read by every EQL query, as is the tiebreaker.
  common.push(settings.timestampField)
  if (settings.tiebreakerField) common.push(settings.tiebreakerField)
  const clean = (list: readonly string[]): string[] => [...new Set(list.map(sourcePath).filter((f) => f !== ''))]
  return {
    field: settings.eventCategoryField,
    common: clean(common),
    categories: Object.fromEntries(Object.entries(categories).map(([c, list]) => [c, clean(list)])),
  }
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
  let byCategory: CategoryFields | null = null
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
    if (statement) {
      byCategory = eqlFields(statement, effective)
      // In reading order: the filters' fields first, then what the settings make every query read.
      out.push(...Object.values(byCategory.categories).flat(), ...byCategory.common)
    }
  } else {
    const { query: node } = parseKql(query)
    complete = node !== null && kqlFields(node, '', out)
  }
  return { fields: [...new Set(out.map(sourcePath).filter((f) => f !== ''))], complete, byCategory }
}
