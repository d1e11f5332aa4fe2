/*
 * Warnings on a query that parses but probably not as meant. Grammar: none (re-reads the raw text
 * of each literal through its span).
 *
 * - KQL1101: an unquoted `\not` is a line feed followed by "ot" (the grammar tries `\n` before the
 *   escaped keyword), so `f:\not x` is the value "ot x" after trimming.
 * - KQL1102: a quoted string mixing `\t` `\r` `\n` (TAB, CR, LF) with other single backslashes,
 *   the usual sign of a Windows path written with single backslashes: `"C:\Windows\temp"`.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic'
import { span, type Span } from '../source/span'
import { assertNever, type KqlField, type KqlNode, type KqlValue } from './ast'
import { KQL_SYNTAX_CODES } from './codes-syntax'

/** Warnings for every field name and value of `root`, in tree order. */
export function literalWarnings(text: string, root: KqlNode): Diagnostic[] {
  const out: Diagnostic[] = []
  const seen = new Set<KqlField>()
  const field = (f: KqlField | null): void => {
    if (f === null || seen.has(f)) return
    seen.add(f)
    check(text, f.span, f.type === 'field' && f.quoted, out)
  }
  const value = (v: KqlValue): void => check(text, v.span, v.type === 'literal' && v.quoted, out)
  // An explicit stack: trees can be wide and (within the nesting limit) deep.
  const stack: KqlNode[] = [root]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    switch (node.type) {
      case 'or':
      case 'and':
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as KqlNode)
        break
      case 'not':
        stack.push(node.child)
        break
      case 'is':
        field(node.list?.field ?? node.field)
        value(node.value)
        break
      case 'range':
        field(node.field)
        value(node.value)
        break
      case 'nested':
        field(node.path)
        stack.push(node.query)
        break
      case 'matchAll':
        break
      default:
        assertNever(node)
    }
  }
  return out
}

function check(text: string, where: Span, quoted: boolean, out: Diagnostic[]): void {
  const raw = text.slice(where.start, where.end)
  if (!raw.includes('\\')) return
  if (quoted) checkQuoted(raw, where.start, out)
  else checkUnquoted(raw, where.start, out)
}

function checkUnquoted(raw: string, offset: number, out: Diagnostic[]): void {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '\\') continue
    if (raw[i + 1] === 'n' && raw.slice(i + 2, i + 4).toLowerCase() === 'ot') {
      out.push(makeDiagnostic(KQL_SYNTAX_CODES.escapedNotIsNewline, span(offset + i, offset + i + 4)))
    }
    i++ // an escape is two characters at least; the second is never a backslash that starts one
  }
}

const MEANING: Readonly<Record<string, string>> = { t: 'TAB', r: 'carriage return', n: 'line feed' }

function checkQuoted(raw: string, offset: number, out: Diagnostic[]): void {
  let firstWs = -1
  let lone = false
  for (let i = 1; i < raw.length - 1; i++) {
    if (raw[i] !== '\\') continue
    const next = raw[i + 1] ?? ''
    if (next in MEANING) {
      if (firstWs < 0) firstWs = i
      i++
    } else if (next === '\\' || next === '"') i++
    else if (next !== 'u') lone = true
  }
  // `"C:\new"` has no other backslash, but a drive letter before the escape says path as well.
  const drive = /^"[A-Za-z]:\\/.test(raw)
  if (firstWs < 0 || !(lone || drive)) return
  const escape = raw.slice(firstWs, firstWs + 2)
  const meaning = MEANING[escape[1] ?? ''] ?? ''
  out.push(makeDiagnostic(KQL_SYNTAX_CODES.quotedPathEscape, span(offset + firstWs, offset + firstWs + 2), { escape, meaning }))
}
