/**
 * KQL completion: fields (seen in the events first, then the schema), `:` and the range operators
 * after a field, values seen for the field after `:` or inside `field:(...)`, and `and`/`or`/`not`.
 */
import { KQL_OPERATOR_DOCS, operatorMarkdown } from '../docs/operators'
import { span, type Span } from '../source/span'
import { RANK, fieldItems, simpleItem, sortText, valueItems } from './items'
import { KQL_RANGE_OPS, kqlTokens, unescapeWord, type KqlToken } from './kql-tokens'
import type { CompletionItem, CompletionRequest, CompletionResult } from './types'

/** The grammatical slot the cursor is in. */
export type KqlSlot =
  | { readonly kind: 'field'; readonly prefix: string }
  | { readonly kind: 'value'; readonly field: string | null; readonly afterColon: boolean }
  | { readonly kind: 'afterField' }
  | { readonly kind: 'afterValue' }

type Frame = { readonly kind: 'group' } | { readonly kind: 'values'; readonly field: string | null } | { readonly kind: 'nested'; readonly field: string }

/** The field name a word or quoted token spells. */
export function kqlName(t: KqlToken | undefined): string | null {
  if (t === undefined) return null
  if (t.kind === 'word') return unescapeWord(t.text)
  return t.kind === 'quoted' ? t.text : null
}

function nestedPrefix(stack: readonly Frame[]): string {
  let p = ''
  for (const f of stack) if (f.kind === 'nested') p += f.field + '.'
  return p
}

/** The field an operator at `opIndex` applies to (the name before it, under any nested scope). */
export function kqlFieldBefore(tokens: readonly KqlToken[], opIndex: number, stack: readonly Frame[]): string | null {
  const name = kqlName(tokens[opIndex - 1])
  return name === null ? null : nestedPrefix(stack) + name
}

/** Replays the tokens to find the open groups at their end. */
export function kqlStack(tokens: readonly KqlToken[]): Frame[] {
  const stack: Frame[] = []
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1]
    const top = stack[stack.length - 1]
    if (t.kind === '(') {
      if (prev?.kind === ':') stack.push({ kind: 'values', field: kqlFieldBefore(tokens, i - 1, stack) })
      else if (top?.kind === 'values') stack.push(top)
      else stack.push({ kind: 'group' })
    } else if (t.kind === '{') {
      stack.push({ kind: 'nested', field: kqlName(tokens[i - 2]) ?? '' })
    } else if (t.kind === ')' || t.kind === '}') {
      stack.pop()
    }
  })
  return stack
}

function kqlSlot(tokens: readonly KqlToken[]): KqlSlot {
  const stack = kqlStack(tokens)
  const top = stack[stack.length - 1]
  const last = tokens[tokens.length - 1]
  const n = tokens.length
  if (last === undefined || last.kind === 'and' || last.kind === 'or' || last.kind === 'not' || last.kind === '(' || last.kind === '{') {
    if (top?.kind === 'values') return { kind: 'value', field: top.field, afterColon: false }
    return { kind: 'field', prefix: nestedPrefix(stack) }
  }
  if (last.kind === ':') return { kind: 'value', field: kqlFieldBefore(tokens, n - 1, stack), afterColon: true }
  if (KQL_RANGE_OPS.has(last.kind)) return { kind: 'value', field: kqlFieldBefore(tokens, n - 1, stack), afterColon: false }
  if (top?.kind === 'values') return { kind: 'afterValue' }
  const before = tokens[n - 2]
  if (before !== undefined && (before.kind === ':' || KQL_RANGE_OPS.has(before.kind))) return { kind: 'afterValue' }
  if (last.kind === 'word' || last.kind === 'quoted') return { kind: 'afterField' }
  return { kind: 'afterValue' }
}

/** The slot at `offset`, the typed word and the span it occupies. */
export function kqlCursor(text: string, offset: number): { slot: KqlSlot; typed: string; replace: Span; tokens: KqlToken[] } {
  const tokens = kqlTokens(text)
  const upto = tokens.filter((t) => t.start < offset)
  const last = upto[upto.length - 1]
  let cut = upto.length
  let replace = span(offset, offset)
  if (last !== undefined && (last.kind === 'word' || last.kind === 'quoted' || last.kind === 'and' || last.kind === 'or' || last.kind === 'not')) {
    const open = last.kind === 'quoted' && (offset < last.end || last.closed !== true)
    if (open || (last.kind !== 'quoted' && last.end >= offset)) {
      cut = upto.length - 1
      replace = span(last.start, Math.max(offset, last.end))
    }
  }
  return { slot: kqlSlot(upto.slice(0, cut)), typed: text.slice(replace.start, offset), replace, tokens }
}

function keyword(label: string, position: number): CompletionItem {
  const doc = KQL_OPERATOR_DOCS.find((d) => d.op === label)
  return simpleItem(label, 'keyword', RANK.keyword, position, doc === undefined ? {} : { documentation: operatorMarkdown(doc) })
}

function operatorItems(): CompletionItem[] {
  return KQL_OPERATOR_DOCS.filter((d) => !['and', 'or', 'not'].includes(d.op)).map((d, i) => ({
    label: d.op,
    kind: 'operator',
    detail: d.op === ':' ? 'match (per field type)' : 'range',
    documentation: operatorMarkdown(d),
    insertText: d.op === ':' ? ': ' : `${d.op} `,
    sortText: sortText(RANK.operator, i),
  }))
}

/** KQL completion at `req.offset`. */
export function completeKql(req: CompletionRequest): CompletionResult {
  const { slot, typed, replace } = kqlCursor(req.text, req.offset)
  const items: CompletionItem[] = []
  switch (slot.kind) {
    case 'field': {
      const scoped = slot.prefix === '' ? fieldItems(req, typed) : fieldItems(req, slot.prefix + typed)
      // inside `parent:{ ... }` names are written relative to the parent
      const relative = scoped.map((i) => (slot.prefix !== '' && i.label.startsWith(slot.prefix) ? { ...i, insertText: i.insertText.slice(slot.prefix.length) } : i))
      items.push(...relative, keyword('not', 0))
      break
    }
    case 'value':
      items.push(...valueItems(req, slot.field))
      if (slot.afterColon) items.push(simpleItem('*', 'value', RANK.keyword, 0, { detail: 'exists', documentation: '`field:*` matches events where the field has a value.' }))
      break
    case 'afterField':
      items.push(...operatorItems(), keyword('and', 0), keyword('or', 1))
      break
    case 'afterValue':
      items.push(keyword('and', 0), keyword('or', 1))
      break
  }
  return { items, replace }
}
