/**
 * Test support, used only by the `*.test.ts` files next to this one: compile-or-fail and
 * "which of these strings match" in one call, so tables of cases stay readable, and a small
 * reader of the regex literals in EQL queries for the rule-corpus test. Grammar it reads:
 *   literals ::= ('regex' | 'regex~') ws* '('? ws* string (ws* ',' ws* string)*
 *   string   ::= '"' (escape | [^"\\])* '"' | '"""' <raw text> '"""'
 *   escape   ::= '\\' ( [btnfr"'\\] | 'u{' hex{2,8} '}' )
 */
import { compileLuceneRegex } from './index'
import type { LuceneRegexError, LuceneRegexOptions } from './types'

/** Compiles `pattern`, failing loudly (in a test) when it is refused. */
export function matcher(pattern: string, opts?: LuceneRegexOptions): (value: string) => boolean {
  const r = compileLuceneRegex(pattern, opts)
  if (!r.ok) throw new Error(`pattern ${JSON.stringify(pattern)} refused: ${r.message}`)
  return (value) => r.test(value)
}

/** The subset of `values` the pattern matches. */
export function matching(pattern: string, values: readonly string[], opts?: LuceneRegexOptions): string[] {
  const test = matcher(pattern, opts)
  return values.filter((v) => test(v))
}

/** The error of a pattern expected to be refused. */
export function refusal(pattern: string, opts?: LuceneRegexOptions): LuceneRegexError {
  const r = compileLuceneRegex(pattern, opts)
  if (r.ok) throw new Error(`pattern ${JSON.stringify(pattern)} was accepted`)
  return r
}

/**
 * Reads the EQL string literal at `i`: `"..."` with EQL escapes, or raw triple-quoted text.
 * Deliberately small (tests only): enough for the rule corpus, not an EQL lexer.
 */
function eqlStringAt(q: string, i: number): { value: string; end: number } | undefined {
  if (q.startsWith('"""', i)) {
    let close = q.indexOf('"""', i + 3)
    if (close < 0) return undefined
    // One or two extra quotes before the closing triple belong to the content.
    while (q.charAt(close + 3) === '"') close++
    return { value: q.slice(i + 3, close), end: close + 3 }
  }
  if (q.charAt(i) !== '"') return undefined
  let value = ''
  const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', "'": "'", '\\': '\\' }
  for (let j = i + 1; j < q.length; j++) {
    const ch = q.charAt(j)
    if (ch === '"') return { value, end: j + 1 }
    if (ch !== '\\') {
      value += ch
      continue
    }
    const next = q.charAt(j + 1)
    const unicode = /^u\{([0-9a-fA-F]{2,8})\}/.exec(q.slice(j + 1))
    if (unicode?.[1] !== undefined) {
      value += String.fromCodePoint(parseInt(unicode[1], 16))
      j += unicode[0].length
    } else {
      value += simple[next] ?? next
      j++
    }
  }
  return undefined
}

/** The string literals right after each `regex`/`regex~` of an EQL query (one, or a list). */
export function regexLiterals(query: string): string[] {
  const out: string[] = []
  for (const m of query.matchAll(/\bregex~?\s*\(?\s*/g)) {
    let i = m.index + m[0].length
    for (;;) {
      const lit = eqlStringAt(query, i)
      if (lit === undefined) break
      out.push(lit.value)
      const comma = /^\s*,\s*/.exec(query.slice(lit.end))
      if (comma === null) break
      i = lit.end + comma[0].length
    }
  }
  return out
}
