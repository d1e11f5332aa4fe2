/**
 * EQL completion: turns the cursor's slot (eql-context.ts) into proposals.
 */
import { EQL_OPERATOR_DOCS, operatorMarkdown } from '../docs/operators'
import { FUNCTION_DOCS, functionMarkdown, type FunctionDoc } from '../docs/eql-functions'
import { span } from '../source/span'
import { eqlCursor, type EqlSlot } from './eql-context'
import { RANK, eqlQuote, fieldItems, simpleItem, sortText, valueItems } from './items'
import type { CompletionItem, CompletionRequest, CompletionResult } from './types'

/** The event.category values ECS defines (ECS allowed values), always proposed as categories. */
export const ECS_CATEGORIES: readonly string[] = [
  'api', 'authentication', 'configuration', 'database', 'driver', 'email', 'file', 'host', 'iam', 'intrusion_detection',
  'library', 'malware', 'network', 'package', 'process', 'registry', 'session', 'threat', 'vulnerability', 'web',
]

const IDENT = /^[A-Za-z_@][A-Za-z0-9_]*$/

function keyword(label: string, position: number, documentation?: string): CompletionItem {
  return simpleItem(label, 'keyword', RANK.keyword, position, documentation === undefined ? {} : { documentation })
}

function snippet(label: string, insertText: string, position: number, documentation: string): CompletionItem {
  return { label, kind: 'snippet', insertText, insertTextRules: 'snippet', documentation, sortText: sortText(RANK.snippet, position) }
}

function categoryItems(req: CompletionRequest): CompletionItem[] {
  const field = req.eventCategoryField ?? 'event.category'
  const seen = (req.seen?.fields.find((f) => f.name === field)?.values ?? []).filter((v): v is string => typeof v === 'string')
  const items: CompletionItem[] = [keyword('any', 0, 'Any event, whatever its category.')]
  const done = new Set<string>()
  const add = (c: string, fromEvents: boolean): void => {
    if (done.has(c)) return
    done.add(c)
    const text = IDENT.test(c) ? c : eqlQuote(c)
    items.push({
      label: c,
      kind: 'category',
      detail: fromEvents ? 'category · in the events' : 'category · ECS',
      documentation: `Events whose \`${field}\` is \`${c}\`.`,
      insertText: text,
      // categories present in the events first
      sortText: sortText(RANK.category, (fromEvents ? 0 : 1000) + items.length),
    })
  }
  for (const c of seen) add(c, true)
  for (const c of ECS_CATEGORIES) add(c, false)
  return items
}

function functionItems(): CompletionItem[] {
  const items: CompletionItem[] = []
  FUNCTION_DOCS.forEach((d: FunctionDoc, i) => {
    const args = d.params.map((p, k) => `\${${k + 1}:${p}}`).join(', ')
    const item = (label: string, rank: string): CompletionItem => ({
      label,
      kind: 'function',
      detail: d.signature,
      documentation: functionMarkdown(d, label.endsWith('~')),
      insertText: `${label}(${args})`,
      insertTextRules: 'snippet',
      sortText: sortText(rank, i),
    })
    items.push(item(d.display, RANK.function))
    if (d.tilde) items.push(item(`${d.display}~`, RANK.tilde))
  })
  return items
}

/** Operators after an operand; after a function call only comparisons (the matchers need a field). */
function operatorItems(afterField: boolean): CompletionItem[] {
  const comparisons = ['==', '!=', '<', '<=', '>', '>=']
  const ops = EQL_OPERATOR_DOCS.filter((d) => !['and', 'or', 'not'].includes(d.op) && (afterField || comparisons.includes(d.op)))
  return ops.map((d, i) => ({
    label: d.op,
    kind: 'operator',
    detail: d.caseRule === 'insensitive' ? 'case-insensitive' : 'case-sensitive',
    documentation: operatorMarkdown(d),
    insertText: d.op,
    sortText: sortText(RANK.operator, i),
  }))
}

function connectives(start: number): CompletionItem[] {
  return [keyword('and', start), keyword('or', start + 1)]
}

function pipeItems(position: number): CompletionItem[] {
  return [
    snippet('| head', '| head ${1:10}', position, 'Keep only the first N results.'),
    snippet('| tail', '| tail ${1:10}', position + 1, 'Keep only the last N results.'),
  ]
}

function stageItem(position: number): CompletionItem {
  return snippet('[', '[${1:any} where ${2:true}]', position, 'A stage: `[category where condition]`.')
}

function itemsFor(slot: EqlSlot, req: CompletionRequest, typed: string): CompletionItem[] {
  switch (slot.kind) {
    case 'start':
      return [
        ...categoryItems(req),
        snippet('sequence', 'sequence by ${1:host.id} with maxspan=${2:5m}\n  [${3:process} where ${4:true}]\n  [${5:process} where ${6:true}]', 0, 'Events that happen in order, optionally sharing join keys and within a time window.'),
        snippet('sample', 'sample by ${1:host.id}\n  [${2:process} where ${3:true}]\n  [${4:process} where ${5:true}]', 1, 'Events sharing join keys, in any order.'),
      ]
    case 'category':
      return categoryItems(req)
    case 'afterCategory':
      return [keyword('where', 0)]
    case 'operand':
      return slot.fieldsOnly
        ? fieldItems(req, typed)
        : [...fieldItems(req, typed), ...functionItems(), keyword('not', 0), keyword('true', 1), keyword('false', 2), keyword('?', 3, 'Optional field: `?field` is null (not an error) when the field is not mapped.')]
    case 'afterOperand': {
      const items = slot.compare ? operatorItems(slot.field !== null) : []
      if (slot.inList) return items
      items.push(...connectives(0))
      if (slot.topLevel) items.push(...pipeItems(10))
      return items
    }
    case 'value':
      return [...valueItems(req, slot.field, slot.op), keyword('null', 0)]
    case 'listOpen':
      return [snippet('(...)', '(${1})', 0, 'A list of values: `("a", "b")`.')]
    case 'afterNot':
      return [keyword('in', 0), keyword('in~', 1)]
    case 'sequenceHead':
      return [
        ...(slot.hasBy ? [] : [keyword('by', 0, 'Join keys shared by every stage.')]),
        ...(slot.query === 'sequence' ? [snippet('with maxspan=', 'with maxspan=${1:5m}', 1, 'The whole sequence must fit in this time window (ms, s, m, h, d).')] : []),
        stageItem(2),
      ]
    case 'byField':
      return fieldItems(req, typed)
    case 'afterBy':
      return [
        ...(slot.query === 'sequence' && slot.stages === 0 && !slot.hasWith ? [snippet('with maxspan=', 'with maxspan=${1:5m}', 1, 'The time window of the whole sequence.')] : []),
        ...(slot.stages > 0 ? [stageItem(2), keyword('until', 3)] : [stageItem(2)]),
        ...(slot.stages > 0 ? pipeItems(10) : []),
      ]
    case 'with':
      return slot.stages === 0
        ? [snippet('maxspan=', 'maxspan=${1:5m}', 0, 'The time window of the whole sequence.')]
        : [snippet('runs=', 'runs=${1:2}', 0, 'This stage repeats N times in a row.')]
    case 'afterStage':
      return [
        stageItem(0),
        keyword('by', 1, 'Join keys of this stage.'),
        ...(slot.query === 'sequence' ? [keyword('until', 2, 'A stage that, when it occurs, ends the pending sequences.'), snippet('with runs=', 'with runs=${1:2}', 3, 'This stage repeats N times in a row.')] : []),
        ...pipeItems(10),
      ]
    case 'stageOpen':
      return [stageItem(0)]
    case 'pipe':
      return [
        snippet('head', 'head ${1:10}', 0, 'Keep only the first N results.'),
        snippet('tail', 'tail ${1:10}', 1, 'Keep only the last N results.'),
      ]
    case 'afterPipe':
      return pipeItems(0)
    case 'none':
      return []
  }
}

/** EQL completion at `req.offset`. */
export function completeEql(req: CompletionRequest): CompletionResult {
  const cursor = eqlCursor(req.text, req.offset)
  if (cursor.inComment) return { items: [], replace: span(req.offset, req.offset) }
  // inside a string only values make sense, whatever the slot
  if (cursor.inString) {
    const items = cursor.slot.kind === 'value' ? valueItems(req, cursor.slot.field, cursor.slot.op) : cursor.slot.kind === 'category' || cursor.slot.kind === 'start' ? categoryItems(req).filter((i) => i.kind === 'category') : []
    return { items, replace: cursor.replace }
  }
  return { items: itemsFor(cursor.slot, req, cursor.typed), replace: cursor.replace }
}
