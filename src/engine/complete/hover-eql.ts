/**
 * EQL hover: a field's type and ECS description, a function's reference, an operator's case and
 * wildcard behaviour, and for a string literal how the operator it belongs to matches it.
 */
import { functionDoc, functionMarkdown } from '../docs/eql-functions'
import { keywordDoc, keywordMarkdown } from '../docs/eql-keywords'
import { operatorDoc, operatorMarkdown } from '../docs/operators'
import { lexEql } from '../eql/lexer'
import type { Token } from '../eql/token'
import { span } from '../source/span'
import { isWordToken, pathBefore } from './eql-context'
import { fieldMarkdown } from './field-docs'
import type { CompletionRequest, HoverResult } from './types'

const OPERATORS = new Set(['==', '!=', '<', '<=', '>', '>=', ':', 'like', 'like~', 'regex', 'regex~', 'in', 'in~', 'and', 'or', 'not'])
const LIST_OPS = new Set([':', 'like', 'like~', 'regex', 'regex~', 'in', 'in~'])

/** The index of the token under `offset` (or just before it, for a cursor at a word's end). */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let i = tokens.findIndex((t) => t.start <= offset && offset < t.end)
  if (i < 0) i = tokens.findIndex((t) => t.end === offset && t.end > t.start)
  return i
}

/** The dotted path through the word at `i`: [first index, last index]. */
function pathAround(tokens: readonly Token[], i: number): [number, number] {
  let end = i
  while (true) {
    const dot = tokens[end + 1]
    const word = tokens[end + 2]
    if (dot?.kind !== '.' || word === undefined || !isWordToken(word) || dot.start !== (tokens[end] as Token).end || word.start !== dot.end) break
    end += 2
  }
  return [(pathBefore(tokens, end) ?? [i])[0], end]
}

/** The operator a string literal at `i` is compared with: [op text, its token index], or null. */
function governingOp(tokens: readonly Token[], i: number): { op: string; fn: string | null; tilde: boolean } | null {
  const prev = tokens[i - 1]
  if (prev !== undefined && OPERATORS.has(prev.kind) && prev.kind !== 'and' && prev.kind !== 'or') return { op: prev.kind, fn: null, tilde: false }
  // inside a list or call: find the unclosed `(`
  let depth = 0
  for (let k = i - 1; k >= 0; k--) {
    const t = tokens[k] as Token
    if (t.kind === ')') depth++
    else if (t.kind === '(') {
      if (depth > 0) {
        depth--
        continue
      }
      const before = tokens[k - 1]
      if (before === undefined) return null
      if (LIST_OPS.has(before.kind)) return { op: tokens[k - 2]?.kind === 'not' && before.kind.startsWith('in') ? `not ${before.kind}` : before.kind, fn: null, tilde: false }
      if (before.kind === 'ident' || before.kind === 'tildeIdent') return { op: '', fn: before.value, tilde: before.kind === 'tildeIdent' }
      return null
    } else if (depth === 0 && (t.kind === 'and' || t.kind === 'or' || t.kind === 'where' || t.kind === '[')) break
  }
  // `"literal" == field`
  const next = tokens[i + 1]
  return next !== undefined && OPERATORS.has(next.kind) && next.kind !== 'and' && next.kind !== 'or' ? { op: next.kind, fn: null, tilde: false } : null
}

function stringHover(tokens: readonly Token[], i: number): string | null {
  const g = governingOp(tokens, i)
  if (g === null) {
    const prev = tokens[i - 1]
    if (prev === undefined || prev.kind === '[') return 'An event category given as a string.'
    return null
  }
  if (g.fn !== null) {
    const doc = functionDoc(g.fn)
    if (doc === undefined) return null
    return doc.tilde
      ? `Argument of \`${doc.display}${g.tilde ? '~' : ''}\`: compared case-${g.tilde ? 'insensitively (`~`)' : 'sensitively (add `~` to ignore case)'}; \`*\` and \`?\` are literal.`
      : `Argument of \`${doc.display}\`.`
  }
  const doc = operatorDoc('eql', g.op)
  return doc === undefined || doc.literal === '' ? null : `Under \`${g.op}\`: ${doc.literal}.`
}

/** EQL hover at `req.offset`, or null when there is nothing to say. */
export function hoverEql(req: CompletionRequest): HoverResult | null {
  const tokens = lexEql(req.text).tokens.filter((t) => t.kind !== 'eof')
  const i = tokenAt(tokens, req.offset)
  const t = tokens[i]
  if (t === undefined) return null
  const range = span(t.start, t.end)
  if (t.kind === 'string') {
    const contents = stringHover(tokens, i)
    return contents === null ? null : { contents, range }
  }
  if (OPERATORS.has(t.kind)) {
    const next = tokens[i + 1]
    const prev = tokens[i - 1]
    let op: string = t.kind
    let r = range
    if (t.kind === 'not' && (next?.kind === 'in' || next?.kind === 'in~')) [op, r] = [`not ${next.kind}`, span(t.start, next.end)]
    else if ((t.kind === 'in' || t.kind === 'in~') && prev?.kind === 'not') [op, r] = [`not ${t.kind}`, span(prev.start, t.end)]
    const doc = operatorDoc('eql', op)
    return doc === undefined ? null : { contents: operatorMarkdown(doc), range: r }
  }
  // structural keywords, and `head`/`tail`/`runs`, which are identifiers in their places
  const prevKind = tokens[i - 1]?.kind
  const kw = isWordToken(t) && (t.kind !== 'ident' || prevKind === '|' || (t.value === 'runs' && prevKind === 'with')) ? keywordDoc(t.value) : undefined
  if (kw !== undefined) return { contents: keywordMarkdown(kw), range }
  if (t.kind === 'tildeIdent' || (t.kind === 'ident' && tokens[i + 1]?.kind === '(' && tokens[i + 1]?.start === t.end)) {
    const doc = functionDoc(t.value)
    return doc === undefined ? null : { contents: functionMarkdown(doc, t.kind === 'tildeIdent'), range }
  }
  if (t.kind === 'ident' || t.kind === 'quotedIdent' || (isWordToken(t) && tokens[i - 1]?.kind === '.')) {
    const [from, to] = pathAround(tokens, i)
    const first = tokens[from] as Token
    const lastTok = tokens[to] as Token
    const name = tokens
      .slice(from, to + 1)
      .filter((x) => x.kind !== '.')
      .map((x) => x.value)
      .join('.')
    // a category name (`process where`) is not a field
    const before = tokens[from - 1]
    if (from === 0 || before?.kind === '[') {
      if (tokens[to + 1]?.kind === 'where') return { contents: `Event category \`${name}\`: events whose category field holds this value.`, range }
    }
    const spec = req.schema.get(name)
    const ecs = req.ecsDocs?.get(name)
    return { contents: fieldMarkdown(name, spec, ecs), range: span(first.start, lastTok.end) }
  }
  return null
}
