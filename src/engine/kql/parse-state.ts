/*
 * The KQL parser's state: a character position with backtracking, and the "furthest failure"
 * bookkeeping of a PEG parser, so a syntax error names exactly what Kibana's generated parser would
 * expect at the same position.
 *
 * Grammar: the terminals only (rules are in parse-query.ts and parse-values.ts):
 *   WS  := ' ' | TAB | CR | LF | NBSP           (named "whitespace")
 *   OR  := WS+ 'or' WS+ ; AND := WS+ 'and' WS+ ; NOT := 'not' WS+   (case-insensitive)
 *
 * How expectations are recorded (PEG semantics): every terminal or named rule that fails at a
 * position records its description there; only the furthest position's set survives. A named rule
 * (field name, value, literal, OR, AND, NOT, whitespace) records just its own name, never what
 * failed inside it.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic'
import { span, type Span } from '../source/span'
import type { KqlValue } from './ast'
import { KQL_SYNTAX_CODES } from './codes-syntax'
import { isKqlSpace, notKeywordAt, scanLiteral, spacedKeywordEnd, type ScannedLiteral } from './scan-literal'

/** Levels of parentheses, braces and value lists before the parser gives up. */
export const MAX_NESTING = 200

/** Thrown inside the parser only, caught by parseKql: the input nests too deeply. */
export class TooDeep {
  constructor(readonly at: number) {}
}

/**
 * Thrown inside the parser only, caught by parseKql: a literal starts with a star while leading
 * wildcards are off. Kibana raises this from the literal's action, as soon as the literal is read
 * by any alternative (so a field name `*name:x` is refused too), not at the furthest failure.
 */
export class LeadingWildcard {
  constructor(readonly at: Span) {}
}

export interface KqlParseOptions {
  /** Kibana's `query:allowLeadingWildcards`; the detection engine passes true (the default here). */
  readonly allowLeadingWildcards?: boolean
}

export class KqlState {
  pos = 0
  /** furthest position where something failed, and what was expected there */
  maxFailPos = 0
  expected: string[] = []
  /** warnings found while parsing, keyed by position (backtracking may find one twice) */
  readonly warnings = new Map<number, Diagnostic>()
  private depth = 0
  private readonly literals = new Map<number, ScannedLiteral | null>()

  constructor(
    readonly text: string,
    private readonly options: KqlParseOptions = {},
  ) {}

  /**
   * Records that `description` was expected at `at`. Named rules need no silencing: the literal
   * scanner records nothing, and keywords record only their own name.
   */
  fail(at: number, description: string): void {
    if (at < this.maxFailPos) return
    if (at > this.maxFailPos) {
      this.maxFailPos = at
      this.expected = []
    }
    this.expected.push(description)
  }

  /** Consumes the exact text `t` or records it as expected. */
  char(t: string): boolean {
    if (this.text.startsWith(t, this.pos)) {
      this.pos += t.length
      return true
    }
    this.fail(this.pos, JSON.stringify(t))
    return false
  }

  /** WS*: always succeeds; records "whitespace" where it stops. */
  skipSpaces(): void {
    while (isKqlSpace(this.text.charCodeAt(this.pos))) this.pos++
    this.fail(this.pos, 'whitespace')
  }

  /** The OR / AND keyword with its surrounding whitespace. */
  spacedKeyword(word: 'or' | 'and'): boolean {
    const end = spacedKeywordEnd(this.text, this.pos, word)
    if (end < 0) {
      this.fail(this.pos, word.toUpperCase())
      return false
    }
    this.pos = end
    return true
  }

  /** The NOT keyword and the whitespace after it; returns its span start or -1. */
  notKeyword(): number {
    const start = this.pos
    if (!notKeywordAt(this.text, start)) {
      this.fail(start, 'NOT')
      return -1
    }
    this.pos = start + 3
    while (isKqlSpace(this.text.charCodeAt(this.pos))) this.pos++
    return start
  }

  /** A literal as the named rule `description` (field name, value, literal). */
  literal(description: string): KqlValue | null {
    const at = this.pos
    let scanned = this.literals.get(at)
    if (scanned === undefined) {
      scanned = scanLiteral(this.text, at)
      this.literals.set(at, scanned)
    }
    if (scanned === null) {
      this.fail(at, description)
      return null
    }
    this.pos = scanned.end
    const v = scanned.value
    if (this.options.allowLeadingWildcards === false && v.type === 'wildcard' && hasLeadingStar(v.parts)) {
      throw new LeadingWildcard(v.span)
    }
    return v
  }

  /** Enters one level of nesting; aborts the parse past MAX_NESTING. */
  enter(at: number): void {
    if (++this.depth > MAX_NESTING) throw new TooDeep(at)
  }

  leave(): void {
    this.depth--
  }

  warn(at: number, d: Diagnostic): void {
    if (!this.warnings.has(at)) this.warnings.set(at, d)
  }

  warnNullField(start: number, end: number): void {
    this.warn(start, makeDiagnostic(KQL_SYNTAX_CODES.nullFieldName, span(start, end)))
  }
}

/** Kibana's test: starts with a star and is more than one lone star (`**` counts). */
function hasLeadingStar(parts: readonly string[]): boolean {
  return parts[0] === '' && !(parts.length === 2 && parts[1] === '')
}
