/**
 * KQL hover: a field's type and ECS description, an operator's meaning, and for a value how it is
 * matched — which in KQL depends on the type of the field it is matched against.
 */
import { kqlLiteralRule } from '../docs/kql-literals'
import { operatorDoc, operatorMarkdown } from '../docs/operators'
import { span } from '../source/span'
import { fieldMarkdown } from './field-docs'
import { kqlFieldBefore, kqlName, kqlStack } from './kql-complete'
import { KQL_RANGE_OPS, kqlTokens, type KqlToken } from './kql-tokens'
import type { CompletionRequest, HoverResult } from './types'

function isValueToken(t: KqlToken | undefined): boolean {
  return t !== undefined && (t.kind === 'word' || t.kind === 'quoted')
}

/** KQL hover at `req.offset`, or null when there is nothing to say. */
export function hoverKql(req: CompletionRequest): HoverResult | null {
  const tokens = kqlTokens(req.text)
  let i = tokens.findIndex((t) => t.start <= req.offset && req.offset < t.end)
  if (i < 0) i = tokens.findIndex((t) => t.end === req.offset)
  const t = tokens[i]
  if (t === undefined) return null
  const range = span(t.start, t.end)
  if (t.kind === 'and' || t.kind === 'or' || t.kind === 'not' || t.kind === ':' || KQL_RANGE_OPS.has(t.kind)) {
    const doc = operatorDoc('kql', t.kind)
    return doc === undefined ? null : { contents: operatorMarkdown(doc), range }
  }
  if (!isValueToken(t)) return null
  const before = tokens.slice(0, i)
  const stack = kqlStack(before)
  const next = tokens[i + 1]
  // a field name: followed by `:` or a range operator
  if (next !== undefined && (next.kind === ':' || KQL_RANGE_OPS.has(next.kind))) {
    const name = kqlFieldBefore(tokens, i + 1, stack)
    if (name === null) return null
    return { contents: fieldMarkdown(name, req.schema.get(name), req.ecsDocs?.get(name)), range }
  }
  // a value: of the field before `:` / a range operator, or inside `field:( ... )`
  const prev = tokens[i - 1]
  const top = stack[stack.length - 1]
  let field: string | null = null
  let range_ = false
  if (prev !== undefined && (prev.kind === ':' || KQL_RANGE_OPS.has(prev.kind))) {
    field = kqlFieldBefore(tokens, i - 1, stack)
    range_ = prev.kind !== ':'
  } else if (top?.kind === 'values') {
    field = top.field
  } else {
    return { contents: 'Free text: searched for in every field (`default_field: *`).', range }
  }
  if (field === null) return null
  const spec = req.schema.resolve(field)
  const type = spec?.type
  const quoted = t.kind === 'quoted'
  const value = kqlName(t) ?? ''
  if (range_) return { contents: `Range bound for \`${field}\`${type === undefined ? '' : ` (\`${type}\`)`}: compared in order, case-sensitively for text; \`*\` is literal.`, range }
  if (!quoted && value === '*') return { contents: `\`${field}:*\` — the field exists (has a value).`, range }
  const hasStar = !quoted && /(^|[^\\])\*/.test(t.text)
  const typeText = type === undefined ? 'unmapped' : `\`${type}\``
  return { contents: `Value for \`${field}\` (${typeText}). ${kqlLiteralRule(type, quoted, hasStar)}`, range }
}
