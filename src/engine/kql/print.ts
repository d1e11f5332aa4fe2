/**
 * Canonical KQL printer: AST -> text that parses back to the same tree (spans aside), for "format
 * document", normalised display and round-trip tests.
 *
 * Canonical form (ours; Kibana's toKqlExpression uppercases and parenthesises every group, we
 * prefer the look of Elastic's rules, which mostly write lowercase keywords):
 * - lowercase `and` / `or` / `not`, one space around them;
 * - `field:value` with no spaces, ranges as `field >= value`, nested as `path:{ query }`;
 * - only the parentheses precedence needs (`(a or b) or c` keeps its group: Kibana nests it);
 * - value lists as written lists: `field:(a or b)`, `field:(not a)`, `field:(a)`;
 * - quoted values stay quoted, escaping only `\` `"` TAB CR LF; unquoted values and field names
 *   escape the special characters and every keyword sequence, so they stay one literal;
 * - the empty query prints as the empty string, `*:*` as `*:*`.
 */
import { assertNever, listOf, type KqlField, type KqlNode, type KqlValue, type RangeOp, type ValueList } from './ast'
import { isKqlSpace, isSpecial } from './scan-literal'

// Binding levels, loosest first (see parse-query.ts).
const OR = 1
const AND = 2
const NOT = 3
const PRIMARY = 4

const RANGE_TEXT: Readonly<Record<RangeOp, string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=' }

/** Prints a query in canonical form. */
export function printKql(node: KqlNode): string {
  if (node.type === 'matchAll' && node.written === 'empty') return ''
  return print(node, null)
}

/** `ctx`: the value list being printed, if any (nodes of that list print without their field). */
function print(node: KqlNode, ctx: ValueList | null): string {
  const list = listOf(node)
  if (list !== null && list !== ctx) return `${printField(list.field)}:(${print(node, list)})`
  switch (node.type) {
    case 'or':
      return node.children.map((c) => wrap(c, ctx, AND)).join(' or ')
    case 'and':
      return node.children.map((c) => wrap(c, ctx, NOT)).join(' and ')
    case 'not':
      return `not ${wrap(node.child, ctx, PRIMARY)}`
    case 'is':
      if (ctx !== null || node.field === null) return printValue(node.value)
      return `${printField(node.field)}:${printValue(node.value)}`
    case 'range':
      return `${printField(node.field)} ${RANGE_TEXT[node.op]} ${printValue(node.value)}`
    case 'nested':
      return `${printField(node.path)}:{ ${print(node.query, null)} }`
    case 'matchAll':
      // inside a list `*:(*)` the field is printed by the list; a stray empty match-all is `*:*`
      return ctx !== null ? '*' : '*:*'
    default:
      return assertNever(node)
  }
}

/** Prints `child`, in parentheses when it binds looser than `min`. */
function wrap(child: KqlNode, ctx: ValueList | null, min: number): string {
  const text = print(child, ctx)
  return level(child, ctx) < min ? `(${text})` : text
}

function level(node: KqlNode, ctx: ValueList | null): number {
  const list = listOf(node)
  if (list !== null && list !== ctx) return PRIMARY // printed as `field:(...)`
  if (node.type === 'or') return OR
  if (node.type === 'and') return AND
  if (node.type === 'not') return NOT
  return PRIMARY
}

/** Prints a value as written: quoted, keyword, wildcard or unquoted literal. */
export function printValue(v: KqlValue): string {
  switch (v.type) {
    case 'literal':
      return v.quoted ? quoteKql(v.text) : escapeUnquoted(v.text) || '\\t'
    case 'keyword':
      return String(v.value)
    case 'wildcard':
      return v.parts.map(escapeUnquoted).join('*')
    default:
      return assertNever(v)
  }
}

/** Prints a field name: quoted, pattern, or unquoted name. */
export function printField(f: KqlField): string {
  switch (f.type) {
    case 'field':
      return f.quoted ? quoteKql(f.name) : escapeUnquoted(f.name) || '\\t'
    case 'fieldPattern':
      return f.parts.map(escapeUnquoted).join('*')
    default:
      return assertNever(f)
  }
}

/** A quoted KQL string for `text`: only `\`, `"` and TAB / CR / LF need escaping. */
export function quoteKql(text: string): string {
  let out = '"'
  for (const ch of text) {
    if (ch === '\\' || ch === '"') out += '\\' + ch
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\n') out += '\\n'
    else out += ch
  }
  return out + '"'
}

/**
 * Unquoted text that reads back as exactly `text`: special characters and TAB/CR/LF escaped, and
 * every `or`/`and` after whitespace and every `not`, when followed by whitespace or the end (where
 * the printer may put a space), escaped as keywords. A lowercase `not` is written `\u006eot`
 * because `\n` would be read as a line feed. The empty text gives '' (callers print a whole empty
 * literal as `\t`, which is trimmed back to nothing).
 */
export function escapeUnquoted(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const ch = text[i] as string
    const code = text.charCodeAt(i)
    const word = keywordHere(text, i)
    if (word > 0) {
      const kw = text.slice(i, i + word)
      out += kw[0] === 'n' ? '\\u006e' + kw.slice(1) : '\\' + kw
      i += word
      continue
    }
    if (isSpecial(ch)) out += '\\' + ch
    else if (code === 9) out += '\\t'
    else if (code === 13) out += '\\r'
    else if (code === 10) out += '\\n'
    else out += ch
    i++
  }
  return out
}

/** Length of a keyword at `i` that must be escaped (see escapeUnquoted), or 0. */
function keywordHere(text: string, i: number): number {
  const endsOk = (k: number): boolean => k >= text.length || isKqlSpace(text.charCodeAt(k))
  const lower3 = text.slice(i, i + 3).toLowerCase()
  if (lower3 === 'not' && endsOk(i + 3)) return 3
  if (i === 0 || !isKqlSpace(text.charCodeAt(i - 1))) return 0
  if (lower3 === 'and' && endsOk(i + 3)) return 3
  if (text.slice(i, i + 2).toLowerCase() === 'or' && endsOk(i + 2)) return 2
  return 0
}
