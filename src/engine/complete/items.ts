/**
 * Builders for completion items shared by EQL and KQL: fields (seen in the events first, then the
 * schema's with ECS descriptions), values of a field (quoted for the language), keywords.
 */
import { isKeyword } from '../eql/token'
import type { FieldSpec } from '../schema/types'
import type { CompletionItem, CompletionKind, CompletionRequest } from './types'
import type { SeenValue } from './field-values'
import { fieldMarkdown } from './field-docs'

/**
 * Ranks, in the order items should appear; sortText is the rank then a zero-padded position, so
 * Monaco's string sort keeps our order within a rank.
 */
export const RANK = {
  value: 'a',
  operator: 'b',
  seenField: 'c',
  keyword: 'd',
  category: 'e',
  function: 'f',
  field: 'g',
  snippet: 'h',
  tilde: 'i',
} as const

export function sortText(rank: string, position: number): string {
  return rank + String(position).padStart(5, '0')
}

/** A plain item: inserted as its label. */
export function simpleItem(label: string, kind: CompletionKind, rank: string, position: number, extra: Partial<CompletionItem> = {}): CompletionItem {
  return { label, kind, insertText: label, sortText: sortText(rank, position), ...extra }
}

const EQL_SEGMENT = /^[A-Za-z_@][A-Za-z0-9_]*$/

/** A field name as EQL source: segments that are not identifiers (or are keywords) back-quoted. */
export function eqlFieldText(name: string): string {
  return name
    .split('.')
    .map((s) => (EQL_SEGMENT.test(s) && !isKeyword(s) ? s : '`' + s.replace(/`/g, '``') + '`'))
    .join('.')
}

/** A field name as KQL source: quoted when it holds whitespace or KQL's special characters. */
export function kqlFieldText(name: string): string {
  return /[\s\\():<>"{}]/.test(name) ? kqlQuote(name) : name
}

/** An EQL string literal for `s`. */
export function eqlQuote(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t') + '"'
}

/** A KQL quoted value for `s` (inside quotes only `\\` and `\"` need escaping). */
export function kqlQuote(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"'
}

const NUMERIC = new Set(['long', 'integer', 'short', 'byte', 'unsigned_long', 'double', 'float', 'half_float', 'scaled_float'])

/** How a seen value is written for a field of this type: numbers and booleans bare where the type takes them. */
export function valueText(language: 'eql' | 'kql', v: SeenValue, spec: FieldSpec | undefined): string {
  const bare =
    spec === undefined
      ? typeof v !== 'string'
      : (NUMERIC.has(spec.type) && (typeof v === 'number' || /^-?\d+(\.\d+)?$/.test(String(v)))) ||
        (spec.type === 'boolean' && (v === true || v === false || v === 'true' || v === 'false'))
  if (bare) return String(v)
  const s = String(v)
  return language === 'eql' ? eqlQuote(s) : kqlQuote(s)
}

/** Lucene regular expression syntax characters, escaped so a seen value matches itself. */
function regexEscape(s: string): string {
  return s.replace(/[.?+*|{}[\]()"\\#@&<>~]/g, '\\$&')
}

/**
 * Items for the values of `field`: from `fieldValues` when given, else from the seen index. Under
 * `regex`/`regex~` a value is escaped to match itself literally.
 */
export function valueItems(req: CompletionRequest, field: string | null, op = ''): CompletionItem[] {
  if (field === null) return []
  const spec = req.schema.resolve(field)
  const values: readonly SeenValue[] = req.fieldValues
    ? req.fieldValues(field)
    : (req.seen?.fields.find((f) => f.name === field)?.values ?? [])
  const seenIn = `seen in the events for \`${field}\``
  return values.map((v, i) => {
    const regex = op === 'regex' || op === 'regex~'
    const text = regex && typeof v === 'string' ? eqlQuote(regexEscape(v)) : valueText(req.language, v, spec)
    return { label: text, kind: 'value', detail: 'value', documentation: seenIn, insertText: text, sortText: sortText(RANK.value, i) }
  })
}

/**
 * Whether `pattern`'s characters occur in `name` in order. Monaco's fuzzy filter never shows an
 * item without that, so dropping the others here only makes the reply smaller, never loses one.
 */
function subsequence(pattern: string, name: string): boolean {
  let k = 0
  for (let i = 0; i < name.length && k < pattern.length; i++) if (name[i] === pattern[k]) k++
  return k === pattern.length
}

/**
 * Field items: fields seen in the events first (most frequent first), then every other schema
 * field alphabetically. With a dotted prefix typed (`process.pa`), only fields under `process.`
 * are listed, and only names that can still match what is typed, to keep the reply small.
 */
export function fieldItems(req: CompletionRequest, typed: string): CompletionItem[] {
  const dot = typed.lastIndexOf('.')
  const under = dot < 0 ? '' : typed.slice(0, dot + 1).replace(/`/g, '')
  const items: CompletionItem[] = []
  const done = new Set<string>()
  const text = req.language === 'eql' ? eqlFieldText : kqlFieldText
  const word = typed.slice(dot + 1).replace(/`/g, '').toLowerCase()
  const add = (name: string, rank: string, position: number, seenCount?: number): void => {
    if (done.has(name) || !name.startsWith(under) || !subsequence(word, name.slice(under.length).toLowerCase())) return
    done.add(name)
    const spec = req.schema.get(name)
    const ecs = req.ecsDocs?.get(name)
    const type = spec?.type ?? ecs?.type
    const where = seenCount === undefined ? '' : ` · in ${seenCount} event${seenCount === 1 ? '' : 's'}`
    items.push({
      label: name,
      kind: 'field',
      detail: (type ?? 'unmapped') + where,
      documentation: fieldMarkdown(name, spec, ecs, false),
      insertText: text(name),
      sortText: sortText(rank, position),
    })
  }
  ;(req.seen?.fields ?? []).forEach((f, i) => add(f.name, RANK.seenField, i, f.count))
  req.schema.names().forEach((n, i) => add(n, RANK.field, i))
  return items
}
