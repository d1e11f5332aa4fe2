/**
 * Parser of Lucene regular-expression syntax into a {@link RegexNode} tree.
 *
 * Grammar (lowest precedence first; [FLAG] marks optional operators):
 *   regexp    ::= union | <empty pattern>               (empty pattern = the empty string)
 *   union     ::= inter ( '|' inter )*
 *   inter     ::= concat ( '&' concat )*                [INTERSECTION]
 *   concat    ::= repeat+            (stops before ')' and '|', and '&' when INTERSECTION is on)
 *   repeat    ::= compl ( '?' | '*' | '+' | '{' n '}' | '{' n ',' '}' | '{' n ',' m '}' )*
 *   compl     ::= '~' compl                             [COMPLEMENT]
 *               | class
 *   class     ::= '[' '^'? item+ ']' | simple
 *   item      ::= predef | charexp ( '-' charexp )?
 *   simple    ::= '.' | '#' [EMPTY] | '@' [ANYSTRING] | '"' <any chars but '"'> '"'
 *               | '(' ')' | '(' union ')' | '<' n '-' m '>' [INTERVAL]
 *               | '<' name '>' [AUTOMATON] | predef | charexp
 *   predef    ::= '\' ( 'd' | 'D' | 's' | 'S' | 'w' | 'W' )   (only with predefinedClasses)
 *   charexp   ::= '\' <code point> | <code point>
 *
 * Any code point not consumed by a rule above is a literal where a charexp may stand, so `]`,
 * `}` and a disabled operator such as `&` are ordinary characters (as in Lucene). Positions in
 * messages are UTF-16 offsets, the unit Lucene (Java) reports.
 */
import { ANY_CHAR, negate, normalize, predefinedClass, range, unionAll } from './char-set'
import { foldChar, foldRange } from './case-fold'
import { intervalNode } from './interval'
import { ParseFailure, type CaseFolding, type CodePointRanges, type LuceneRegexFlag, type RegexNode } from './types'

/** What the parser needs to know beyond the pattern text. */
export interface ParseSettings {
  readonly enabled: ReadonlySet<LuceneRegexFlag>
  /** Case folding to apply to literals and ranges, or `undefined` for case-sensitive. */
  readonly fold: CaseFolding | undefined
  readonly predefinedClasses: boolean
}

/** Parses `pattern`; throws {@link ParseFailure} (caught by the compiler) when malformed. */
export function parsePattern(pattern: string, settings: ParseSettings): RegexNode {
  const p = new Parser(pattern, settings)
  if (pattern.length === 0) return { kind: 'empty-string', at: 0 }
  const node = p.union()
  if (p.more()) throw new ParseFailure(`end-of-string expected at position ${p.pos}`, p.pos)
  return node
}

class Parser {
  pos = 0
  constructor(
    private readonly s: string,
    private readonly settings: ParseSettings,
  ) {}

  more(): boolean {
    return this.pos < this.s.length
  }

  private on(flag: LuceneRegexFlag): boolean {
    return this.settings.enabled.has(flag)
  }

  private peek(chars: string): boolean {
    return this.more() && chars.includes(this.s.charAt(this.pos))
  }

  private match(ch: string): boolean {
    if (!this.more() || this.s.charAt(this.pos) !== ch) return false
    this.pos++
    return true
  }

  /** Reads one code point (a surrogate pair counts as one, as Lucene reads code points). */
  private next(): number {
    const cp = this.s.codePointAt(this.pos)
    if (cp === undefined) throw new ParseFailure('unexpected end-of-string', this.pos)
    this.pos += cp > 0xffff ? 2 : 1
    return cp
  }

  union(): RegexNode {
    const at = this.pos
    const alternatives = [this.inter()]
    while (this.match('|')) alternatives.push(this.inter())
    return alternatives.length === 1 && alternatives[0] !== undefined
      ? alternatives[0]
      : { kind: 'union', at, alternatives }
  }

  private inter(): RegexNode {
    const operands = [this.concat()]
    while (this.on('INTERSECTION') && this.match('&')) operands.push(this.concat())
    // Lucene nests to the right; intersection is associative, so looping keeps the meaning and
    // avoids recursion as deep as the pattern is long.
    let node = operands[operands.length - 1] ?? operands[0]
    for (let i = operands.length - 2; i >= 0; i--) {
      const left = operands[i]
      if (left !== undefined && node !== undefined) node = { kind: 'intersection', at: left.at, left, right: node }
    }
    return node ?? { kind: 'empty-string', at: this.pos }
  }

  private concat(): RegexNode {
    const at = this.pos
    const parts = [this.repeat()]
    while (this.more() && !this.peek(')|') && !(this.on('INTERSECTION') && this.peek('&'))) {
      parts.push(this.repeat())
    }
    return parts.length === 1 && parts[0] !== undefined ? parts[0] : { kind: 'concat', at, parts }
  }

  private repeat(): RegexNode {
    const at = this.pos
    let node = this.compl()
    while (this.peek('?*+{')) {
      if (this.match('?')) node = { kind: 'repeat', at, operand: node, min: 0, max: 1 }
      else if (this.match('*')) node = { kind: 'repeat', at, operand: node, min: 0, max: undefined }
      else if (this.match('+')) node = { kind: 'repeat', at, operand: node, min: 1, max: undefined }
      else if (this.match('{')) node = this.bounds(at, node)
    }
    return node
  }

  /** `{n}`, `{n,}`, `{n,m}` after the `{` was consumed. */
  private bounds(at: number, operand: RegexNode): RegexNode {
    const min = this.integer()
    let max: number | undefined = min
    if (this.match(',')) max = this.peek('0123456789') ? this.integer() : undefined
    if (!this.match('}')) throw new ParseFailure(`expected '}' at position ${this.pos}`, this.pos)
    return { kind: 'repeat', at, operand, min, max }
  }

  private integer(): number {
    const start = this.pos
    while (this.peek('0123456789')) this.pos++
    if (start === this.pos) throw new ParseFailure(`integer expected at position ${this.pos}`, this.pos)
    const n = Number(this.s.slice(start, this.pos))
    // Java's Integer.parseInt limit; larger counts could never be built anyway.
    if (n > 0x7fffffff) throw new ParseFailure(`integer too large at position ${start}`, start)
    return n
  }

  private compl(): RegexNode {
    const at = this.pos
    if (this.on('COMPLEMENT') && this.match('~')) return { kind: 'complement', at, operand: this.compl() }
    return this.charClass()
  }

  private charClass(): RegexNode {
    const at = this.pos
    if (!this.match('[')) return this.simple()
    const negated = this.match('^')
    const sets = [this.classItem()]
    while (this.more() && !this.peek(']')) sets.push(this.classItem())
    if (!this.match(']')) throw new ParseFailure(`expected ']' at position ${this.pos}`, this.pos)
    const members = unionAll(sets)
    return { kind: 'chars', at, set: negated ? negate(members) : members }
  }

  private classItem(): CodePointRanges {
    const predef = this.predefined()
    if (predef !== undefined) return predef
    const at = this.pos
    const from = this.charExp()
    if (!this.match('-')) return this.literal(from)
    const to = this.charExp()
    if (from > to) {
      throw new ParseFailure(`invalid range: from (${from}) cannot be > to (${to}) at position ${at}`, at)
    }
    return this.settings.fold === undefined ? range(from, to) : foldRange(range(from, to), this.settings.fold)
  }

  private simple(): RegexNode {
    const at = this.pos
    if (this.match('.')) return { kind: 'chars', at, set: ANY_CHAR }
    if (this.on('EMPTY') && this.match('#')) return { kind: 'empty-language', at }
    if (this.on('ANYSTRING') && this.match('@')) return { kind: 'any-string', at }
    if (this.match('"')) return this.quoted(at)
    if (this.match('(')) {
      if (this.match(')')) return { kind: 'empty-string', at }
      const inner = this.union()
      if (!this.match(')')) throw new ParseFailure(`expected ')' at position ${this.pos}`, this.pos)
      return inner
    }
    if ((this.on('INTERVAL') || this.on('AUTOMATON')) && this.match('<')) return this.interval(at)
    const predef = this.predefined()
    if (predef !== undefined) return { kind: 'chars', at, set: predef }
    return { kind: 'chars', at, set: this.literal(this.charExp()) }
  }

  /** `"..."`: every code point up to the next `"` is literal (no escapes inside). */
  private quoted(at: number): RegexNode {
    const parts: RegexNode[] = []
    while (this.more() && !this.peek('"')) {
      const cpAt = this.pos
      parts.push({ kind: 'chars', at: cpAt, set: this.literal(this.next()) })
    }
    if (!this.match('"')) throw new ParseFailure(`expected '"' at position ${this.pos}`, this.pos)
    if (parts.length === 0) return { kind: 'empty-string', at }
    return parts.length === 1 && parts[0] !== undefined ? parts[0] : { kind: 'concat', at, parts }
  }

  /**
   * `<...>` after the `<`: `n-m` is a decimal interval; a body without `-` names an automaton,
   * and since Elasticsearch registers none, that is always "not found".
   */
  private interval(at: number): RegexNode {
    const start = this.pos
    while (this.more() && !this.peek('>')) this.pos++
    if (!this.match('>')) throw new ParseFailure(`expected '>' at position ${this.pos}`, this.pos)
    const close = this.pos - 1
    const body = this.s.slice(start, close)
    if (!body.includes('-') && this.on('AUTOMATON')) throw new ParseFailure(`'${body}' not found`, at)
    const node = this.on('INTERVAL') ? intervalNode(body, at) : undefined
    if (node === undefined) throw new ParseFailure(`interval syntax error at position ${close}`, close)
    return node
  }

  private predefined(): CodePointRanges | undefined {
    if (!this.settings.predefinedClasses || this.s.charAt(this.pos) !== '\\') return undefined
    const set = predefinedClass(this.s.charAt(this.pos + 1))
    if (set !== undefined) this.pos += 2
    return set
  }

  private charExp(): number {
    this.match('\\')
    return this.next()
  }

  private literal(cp: number): CodePointRanges {
    return this.settings.fold === undefined ? [[cp, cp]] : normalize(foldChar(cp, this.settings.fold))
  }
}
