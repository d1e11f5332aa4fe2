import type { Diagnostic } from '../diagnostics/diagnostic'
import type { ExceptionItem } from '../exceptions/types'
import { kibanaRuleObject } from './export-rule'
import { exceptionRefsOf, type ExceptionListRef } from './import-exception-lists'
import { ruleDiagnostic, type RuleDocument } from './rule-document'

/**
 * A rule with its exception items as a Kibana rule export (the NDJSON the detection engine's
 * export writes and its import reads): the rule, with `exceptions_list` naming one list; that
 * list; one line per item; and the export summary. Kibana's import brings the rule back with its
 * exceptions, and so does the playground's (import-exception-lists.ts).
 */

/** What `exportKibanaNdjson` returns. */
export interface KibanaNdjsonExport {
  readonly text: string
  readonly diagnostics: Diagnostic[]
}

/** The list to write the items into: the rule's own when it names exactly one, else a new one. */
function listFor(rule: RuleDocument): { ref: ExceptionListRef & { id: string }; reused: boolean; dropped: number } {
  const refs = exceptionRefsOf(rule)
  const own = refs.filter((r) => r.type !== 'endpoint')
  const only = own.length === 1 ? own[0] : undefined
  if (only !== undefined) return { ref: { ...only, id: only.id ?? only.list_id }, reused: true, dropped: refs.length - 1 }
  const stem = (rule.ruleId ?? rule.name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'rule'
  const listId = `${stem}-exceptions`
  return { ref: { id: listId, list_id: listId, namespace_type: 'single', type: 'detection' }, reused: false, dropped: refs.length }
}

/** One item as Kibana's export writes it (the fields its import requires included). */
function itemLine(item: ExceptionItem, index: number, ref: ExceptionListRef): Record<string, unknown> {
  return {
    comments: (item.comments ?? []).map((c) => ({ comment: c.comment })),
    // Kibana requires a description; its exception builder writes this one when none is given
    description: item.description ?? 'Exception list item',
    entries: item.entries,
    item_id: item.item_id ?? `${ref.list_id}-item-${index + 1}`,
    list_id: ref.list_id,
    name: item.name || `Exception ${index + 1}`,
    namespace_type: ref.namespace_type,
    os_types: item.os_types ?? [],
    tags: [],
    type: 'simple',
  }
}

/**
 * The NDJSON export of `rule` with `items`. Items of every list the rule referenced go into one
 * list (the rule's own when it had exactly one, else a new one named after the rule); a value
 * list an entry points at lives in Kibana and is not part of the export: both are said in notes.
 */
export function exportKibanaNdjson(rule: RuleDocument, items: readonly ExceptionItem[]): KibanaNdjsonExport {
  const diagnostics: Diagnostic[] = []
  const { ref, reused, dropped } = listFor(rule)
  const ruleLine = { ...kibanaRuleObject(rule), exceptions_list: [ref] }
  const listLine = {
    description: `Exception items of the rule ${rule.name}`,
    list_id: ref.list_id,
    name: `Exceptions of ${rule.name}`,
    namespace_type: ref.namespace_type,
    os_types: [],
    tags: [],
    type: ref.type,
  }
  const lines = [ruleLine, listLine, ...items.map((item, i) => itemLine(item, i, ref))]
  const summary = {
    exported_count: lines.length,
    exported_rules_count: 1,
    missing_rules: [],
    missing_rules_count: 0,
    exported_exception_list_count: 1,
    exported_exception_list_item_count: items.length,
    missing_exception_list_item_count: 0,
    missing_exception_list_items: [],
    missing_exception_lists: [],
    missing_exception_lists_count: 0,
  }
  if (dropped > 0) diagnostics.push(ruleDiagnostic('RULE3008', `the items of the ${dropped + (reused ? 1 : 0)} exception lists the rule referenced are written as one list, '${ref.list_id}'`, 'info'))
  const lists = items.filter((i) => i.entries.some((e) => e.type === 'list')).length
  if (lists > 0) diagnostics.push(ruleDiagnostic('RULE3009', `${lists} exception item${lists === 1 ? '' : 's'} test${lists === 1 ? 's' : ''} a value list, which lives in Kibana and is not part of this export`, 'info'))
  return { text: [...lines, summary].map((l) => JSON.stringify(l)).join('\n') + '\n', diagnostics }
}
