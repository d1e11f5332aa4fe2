/*
 * The parser's token cursor: lookahead, matching, and ANTLR-style syntax errors.
 *
 * Grammar: none (shared by parse-expression.ts, parse-query.ts, parse-pipes.ts).
 *
 * Expected sets are collected the way ANTLR reports them: every token kind the parser *tests* at the
 * current position is remembered (a push of the kind or of the constant list of alternatives, so
 * recording costs next to nothing), and forgotten when a token is consumed. A syntax error then prints "mismatched input 'x' expecting {...}" with
 * exactly the alternatives this parser would have accepted there.
 */
import { makeDiagnostic, type CodeDef, type Diagnostic, type Params } from '../diagnostics/diagnostic'
import { span, type Span } from '../source/span'
import { SYNTAX_CODES } from './codes-syntax'
import { expectedDisplay, tokenDisplay, type Token, type TokenKind } from './token'

/** Parser recursion levels (parentheses, not, unary minus, calls, lists) before giving up. */
export const MAX_NESTING = 200
/** Depth of the produced expression tree (long and/or/+ chains) before giving up. */
export const MAX_TREE_DEPTH = 1000

/** Thrown inside the parser only, caught by parseEql: the input nests too deeply. */
export class TooDeep {
  constructor(readonly at: Span) {}
}

export class ParseCursor {
  pos = 0
  /** End offset of the last consumed token. */
  prevEnd = 0
  /** What was tested since the last consumed token: kinds, or whole alternative lists. */
  private readonly tested: (TokenKind | readonly TokenKind[])[] = []
  /** live length of `tested` (resetting a counter is far cheaper than truncating the array) */
  private testedCount = 0
  private lastErrorPos = -1
  private depth = 0
  private readonly eofToken: Token
  /** Depth of interior expression nodes built so far (leaves are 1), for MAX_TREE_DEPTH. */
  readonly nodeDepth = new Map<object, number>()

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    readonly diagnostics: Diagnostic[],
  ) {
    this.eofToken = tokens[tokens.length - 1] ?? { kind: 'eof', start: text.length, end: text.length, value: '' }
  }

  get tok(): Token {
    return this.tokens[this.pos] ?? this.eofToken
  }

  peek(k = 1): Token {
    return this.tokens[this.pos + k] ?? this.eofToken
  }

  /** Tests the current token and records `kind` as expected here. */
  at(kind: TokenKind): boolean {
    this.tested[this.testedCount++] = kind
    return this.tok.kind === kind
  }

  /** Records every kind as expected; returns the one that matches, if any. */
  atAny<K extends TokenKind>(kinds: readonly K[]): K | null {
    this.tested[this.testedCount++] = kinds
    const current = this.tok.kind
    for (const k of kinds) if (k === current) return k
    return null
  }

  /** Records kinds as expected without testing (for alternatives checked by lookahead). */
  expectAlso(kinds: readonly TokenKind[]): void {
    this.tested[this.testedCount++] = kinds
  }

  advance(): Token {
    const t = this.tok
    if (t.kind !== 'eof') {
      this.pos++
      this.prevEnd = t.end
    }
    this.testedCount = 0
    return t
  }

  accept(kind: TokenKind): Token | null {
    return this.at(kind) ? this.advance() : null
  }

  /**
   * Consumes `kind` or reports an error. Like ANTLR's single-token deletion, when the token after
   * the current one is the expected one, the current token is reported as extraneous and skipped.
   */
  expect(kind: TokenKind): Token | null {
    if (this.at(kind)) return this.advance()
    if (this.peek().kind === kind && this.tok.kind !== 'eof') {
      this.syntaxError(SYNTAX_CODES.extraneousInput)
      this.advance()
      return this.advance()
    }
    this.syntaxError(SYNTAX_CODES.mismatchedInput)
    return null
  }

  /** The kinds tested at the current position, in ANTLR display form. */
  expectedText(): string {
    return expectedDisplay(this.tested.slice(0, this.testedCount).flat())
  }

  /**
   * Reports a syntax error at the current token with the expected set (codes whose template has
   * {token} and {expected}). One error per position: the first explains it, the rest would be noise.
   */
  syntaxError(def: CodeDef = SYNTAX_CODES.mismatchedInput): void {
    if (this.lastErrorPos === this.pos) return
    this.lastErrorPos = this.pos
    const t = this.tok
    this.diagnostics.push(
      makeDiagnostic(def, span(t.start, t.end), { token: tokenDisplay(this.text, t), expected: this.expectedText() }),
    )
  }

  /** "no viable alternative at input '...'" for the tokens from `fromPos` to the current one. */
  noViableAlternative(fromPos: number): void {
    if (this.lastErrorPos === this.pos) return
    this.lastErrorPos = this.pos
    const from = this.tokens[fromPos] ?? this.tok
    const t = this.tok
    const text = t.kind === 'eof' && from === t ? '<EOF>' : this.text.slice(from.start, t.end)
    this.diagnostics.push(makeDiagnostic(SYNTAX_CODES.noViableAlternative, span(t.start, t.end), { text }))
  }

  /** Any other diagnostic (always reported). */
  report(def: CodeDef, where: Span, params?: Params): void {
    this.diagnostics.push(makeDiagnostic(def, where, params))
  }

  hasErrorAt(pos: number): boolean {
    return this.lastErrorPos === pos
  }

  /**
   * Skips tokens until one of `stops` at bracket depth 0 (not consumed), or EOF. `|` at depth 0
   * always stops: a pipe can never be inside a broken construct.
   */
  syncTo(stops: readonly TokenKind[]): void {
    let depth = 0
    for (;;) {
      const k = this.tok.kind
      if (k === 'eof') return
      if (depth === 0 && (k === '|' || stops.includes(k))) return
      if (k === '(' || k === '[' || k === '![') depth++
      else if ((k === ')' || k === ']') && depth > 0) depth--
      this.advance()
    }
  }

  /** Enters one level of recursion; aborts the parse when the input nests too deeply. */
  enter(): void {
    if (++this.depth > MAX_NESTING) throw new TooDeep(span(this.tok.start, this.tok.end))
  }

  leave(): void {
    this.depth--
  }

  /** Records the depth of a new node over its children; aborts past MAX_TREE_DEPTH. */
  noteDepth(node: object, ...children: object[]): void {
    let d = 0
    for (const ch of children) d = Math.max(d, this.nodeDepth.get(ch) ?? 1)
    if (d + 1 > MAX_TREE_DEPTH) throw new TooDeep(span(this.tok.start, this.tok.end))
    if (d + 1 > 1) this.nodeDepth.set(node, d + 1)
  }

  spanFrom(start: number): Span {
    return span(start, Math.max(start, this.prevEnd))
  }

  /** The text of tokens from..to as ANTLR's ctx.getText() gives it: no whitespace in between. */
  joinedText(fromPos: number, toPosExclusive: number): string {
    let s = ''
    for (let i = fromPos; i < toPosExclusive; i++) {
      const t = this.tokens[i]
      if (t !== undefined) s += this.text.slice(t.start, t.end)
    }
    return s
  }
}
