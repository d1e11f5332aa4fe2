import type { Diagnostic } from '../diagnostics/diagnostic'
import { readItem } from '../exceptions/read-items'
import type { ExceptionItem } from '../exceptions/types'
import { ruleDiagnostic, type RuleDocument, type RuleExceptions } from './rule-document'
import { isRecord } from './rule-fields'

/**
 * Exception lists in a Kibana rule export. The detection engine's export writes, after the rules,
 * one line per exception list a rule references (`list_id`, `name`, `type` "detection",
 * "rule_default" or "endpoint", `namespace_type`) and one per item (`list_id`, `item_id`, `name`,
 * `entries`, `os_types`); a Stack Management saved-objects export wraps the same fields in
 * `{type: "exception-list" | "exception-list-agnostic", attributes: {list_type: "list" | "item", ...}}`.
 * A rule names its lists in `exceptions_list` ({id, list_id, namespace_type, type}); it gets the
 * items of those lists only, so endpoint list items apply only to rules that reference the
 * endpoint list, as in Kibana.
 */

/** A rule's reference to an exception list, as `exceptions_list` holds it. */
export interface ExceptionListRef {
  readonly list_id: string
  readonly namespace_type: string
  readonly type: string
  readonly id?: string
}

/** A list container or an item line of an export. */
export type ExceptionLine =
  | { readonly kind: 'list'; readonly listId: string; readonly namespace: string; readonly name: string }
  | { readonly kind: 'item'; readonly listId: string; readonly namespace: string; readonly raw: Record<string, unknown> }

const text = (v: unknown): string => (typeof v === 'string' ? v : '')

/** The exception list or item a line holds, in either export form; null when it holds neither. */
export function exceptionLineOf(obj: Record<string, unknown>): ExceptionLine | null {
  const savedType = obj['type']
  const attributes = obj['attributes']
  if ((savedType === 'exception-list' || savedType === 'exception-list-agnostic') && isRecord(attributes)) {
    // the saved object's type tells the namespace: agnostic lists (the endpoint list) are shared by every space
    const namespace = savedType === 'exception-list-agnostic' ? 'agnostic' : 'single'
    const listId = text(attributes['list_id'])
    if (attributes['list_type'] === 'item') return { kind: 'item', listId, namespace, raw: attributes }
    return { kind: 'list', listId, namespace, name: text(attributes['name']) }
  }
  if (!('list_id' in obj) || 'query' in obj || 'rule_id' in obj) return null
  const listId = text(obj['list_id'])
  const namespace = text(obj['namespace_type']) || 'single'
  if ('item_id' in obj || 'entries' in obj) return { kind: 'item', listId, namespace, raw: obj }
  return { kind: 'list', listId, namespace, name: text(obj['name']) }
}

/** The lists a rule references (`exceptions_list`, kept by the importer among the rule's extra fields). */
export function exceptionRefsOf(rule: RuleDocument): ExceptionListRef[] {
  const refs = rule.extra['exceptions_list']
  if (!Array.isArray(refs)) return []
  return refs.flatMap((r: unknown): ExceptionListRef[] => {
    if (!isRecord(r) || typeof r['list_id'] !== 'string') return []
    // in Kibana's key order, so an export writes the reference as Kibana does
    return [{ ...(typeof r['id'] === 'string' ? { id: r['id'] } : {}), list_id: r['list_id'], namespace_type: text(r['namespace_type']) || 'single', type: text(r['type']) || 'detection' }]
  })
}

const keyOf = (listId: string, namespace: string): string => `${namespace}\u0000${listId}`
const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`

/**
 * Each rule's exception items from the lists it references among `lines` (index-aligned with
 * `rules`). What was read and what is missing become info diagnostics naming the rule; an item
 * that cannot be read is left out with a warning.
 */
export function exceptionsForRules(rules: readonly RuleDocument[], lines: readonly ExceptionLine[], diagnostics: Diagnostic[]): RuleExceptions[] {
  const names = new Map<string, string>()
  const items = new Map<string, ExceptionItem[]>()
  lines.forEach((line, i) => {
    const key = keyOf(line.listId, line.namespace)
    if (line.kind === 'list') {
      names.set(key, line.name)
      return
    }
    const problems: string[] = []
    const where = `exception item ${text(line.raw['item_id']) || text(line.raw['name']) || i + 1}`
    const item = readItem(line.raw, where, problems)
    for (const p of problems) diagnostics.push(ruleDiagnostic('RULE1012', p, 'warning'))
    if (item !== null) items.set(key, [...(items.get(key) ?? []), item])
  })
  const used = new Set<string>()
  const result = rules.map((rule): RuleExceptions => {
    const own: ExceptionItem[] = []
    const notes: string[] = []
    for (const ref of exceptionRefsOf(rule)) {
      const key = keyOf(ref.list_id, ref.namespace_type)
      const listName = names.get(key) || ref.list_id
      const found = items.get(key)
      used.add(key)
      if (found === undefined && !names.has(key)) {
        notes.push(`The rule references exception list '${listName}' (${ref.type}); its items are in the exception list export, not in this input.`)
        continue
      }
      own.push(...(found ?? []))
      notes.push(`${plural(found?.length ?? 0, 'exception item')} from list '${listName}'`)
    }
    for (const note of notes) diagnostics.push(ruleDiagnostic('RULE1011', rules.length > 1 ? `rule "${rule.name}": ${note}` : note, 'info'))
    return { items: own, notes }
  })
  const unused = [...items.keys()].filter((k) => !used.has(k))
  if (unused.length > 0) {
    const count = unused.reduce((n, k) => n + (items.get(k)?.length ?? 0), 0)
    diagnostics.push(ruleDiagnostic('RULE1013', `${plural(count, 'exception item')} belong to lists no imported rule references; they are left out`, 'info'))
  }
  return result
}
