/**
 * Shared types of the Lucene regular-expression matcher: options, the compile result, the
 * syntax tree the parser produces, and the internal failure signal. Kept apart from the parser
 * so the automaton builders can depend on them without depending on how a pattern was read.
 */

/**
 * Optional operators of Lucene's regexp syntax. Elasticsearch's `regexp` query (and therefore
 * EQL `regex`, which builds one) enables `ALL` unless the query sets `flags`. `AUTOMATON` reads
 * `<name>` as a named automaton; Elasticsearch defines none, so such a name is always an error.
 */
export type LuceneRegexFlag = 'INTERSECTION' | 'COMPLEMENT' | 'EMPTY' | 'ANYSTRING' | 'INTERVAL' | 'AUTOMATON'

/** Flag selection: `'ALL'`, `'NONE'`, or an explicit list of optional operators to enable. */
export type LuceneRegexFlags = 'ALL' | 'NONE' | readonly LuceneRegexFlag[]

/**
 * How `caseInsensitive` folds letters:
 * - `unicode` (default): every code point matches its simple upper/lower/title-case variants,
 *   in literals, ranges and negated classes alike (Lucene 10 `CASE_INSENSITIVE`, Elasticsearch 9);
 * - `ascii`: only `a-z`/`A-Z` in literal characters fold, ranges do not (Lucene 9
 *   `ASCII_CASE_INSENSITIVE`, Elasticsearch 8).
 */
export type CaseFolding = 'unicode' | 'ascii'

/** Options of {@link compileLuceneRegex}. */
export interface LuceneRegexOptions {
  /** Lucene `case_insensitive`: letters match regardless of case (see {@link CaseFolding}). */
  readonly caseInsensitive?: boolean
  /** Which fold `caseInsensitive` applies; `unicode` unless set. */
  readonly caseFolding?: CaseFolding
  /** Optional operators; `ALL` (Elasticsearch's default) unless set. */
  readonly flags?: LuceneRegexFlags
  /**
   * Read `\d \D \s \S \w \W` as character classes, as Lucene 9+ (Elasticsearch 8.x/9.x) does,
   * instead of the escaped letter. On unless set to false: Elastic's own rules use `\s` and `\w`
   * (docs/eql-semantics.md records the choice).
   */
  readonly predefinedClasses?: boolean
}

/** A compiled pattern: `test` says whether the WHOLE string matches (implicit anchors). */
export interface LuceneRegexMatcher {
  readonly ok: true
  /** True when the entire value is in the pattern's language. Never throws, linear time. */
  test(value: string): boolean
  /**
   * Set when the pattern's full DFA exceeds Elasticsearch's `max_determinized_states` (10,000):
   * Elasticsearch would likely refuse the query, though this matcher still answers. An estimate
   * (our automaton is not Lucene's), so a warning rather than an error.
   */
  readonly warning?: string
}

/** Why a pattern was refused; `offset` is a 0-based UTF-16 index into the pattern. */
export interface LuceneRegexError {
  readonly ok: false
  /** `syntax`: malformed pattern; `too_complex`: automaton over the size limits. */
  readonly kind: 'syntax' | 'too_complex'
  readonly message: string
  readonly offset: number
}

/** Result of {@link compileLuceneRegex}. */
export type LuceneRegexResult = LuceneRegexMatcher | LuceneRegexError

/** A set of code points as sorted, disjoint, non-adjacent inclusive ranges `[lo, hi]`. */
export type CodePointRanges = readonly (readonly [number, number])[]

/** Syntax tree of a Lucene regular expression. `at` is the node's UTF-16 offset in the pattern. */
export type RegexNode =
  | { readonly kind: 'empty-language'; readonly at: number }
  | { readonly kind: 'empty-string'; readonly at: number }
  | { readonly kind: 'any-string'; readonly at: number }
  | { readonly kind: 'chars'; readonly at: number; readonly set: CodePointRanges }
  | { readonly kind: 'concat'; readonly at: number; readonly parts: readonly RegexNode[] }
  | { readonly kind: 'union'; readonly at: number; readonly alternatives: readonly RegexNode[] }
  | { readonly kind: 'intersection'; readonly at: number; readonly left: RegexNode; readonly right: RegexNode }
  | { readonly kind: 'complement'; readonly at: number; readonly operand: RegexNode }
  | {
      readonly kind: 'repeat'
      readonly at: number
      readonly operand: RegexNode
      readonly min: number
      /** `undefined` = unbounded. */
      readonly max: number | undefined
    }

/** Largest code point (Unicode's, as Lucene's automata use). */
export const MAX_CODE_POINT = 0x10ffff

/**
 * The parser's internal failure signal. Parsing is recursive descent, so unwinding with an
 * exception is the simplest correct way out; `compileLuceneRegex` catches it and returns an
 * error value, so it never escapes the module.
 */
export class ParseFailure extends Error {
  constructor(
    message: string,
    /** 0-based UTF-16 offset into the pattern. */
    readonly offset: number,
    readonly kind: 'syntax' | 'too_complex' = 'syntax',
  ) {
    super(message)
  }
}
