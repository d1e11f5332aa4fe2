/**
 * Public entry of the Lucene regular-expression matcher (Elasticsearch `regexp` query semantics,
 * used by EQL `regex`/`regex~`, later KQL).
 *
 * Pipeline: pattern -> syntax tree -> alphabet partition -> NFA (complement and intersection
 * determinized eagerly, under a cap) -> lazily determinized matcher.
 *
 * Limits mirror Elasticsearch where it has one: a pattern longer than `index.max_regex_length`
 * (1,000) is refused; a complement or intersection whose DFA needs more than
 * `max_determinized_states` (10,000) states is refused as too complex; a whole pattern whose
 * DFA needs more compiles with a `warning` (our automaton only approximates Lucene's, so we do
 * not refuse on an estimate). The NFA is capped too, so large repetition counts fail fast
 * instead of allocating. Every failure is returned as a value; nothing here throws.
 */
import { buildAlphabet, type Alphabet } from './alphabet'
import { complement, determinize, intersect, type Dfa, type DfaLimits } from './dfa'
import { LazyDfa } from './lazy-dfa'
import { checkNfaSize, NfaBuilder } from './nfa'
import { parsePattern, type ParseSettings } from './parser'
import { requiredLiteral } from './required-literal'
import {
  ParseFailure,
  type LuceneRegexFlag,
  type LuceneRegexFlags,
  type LuceneRegexOptions,
  type LuceneRegexResult,
  type RegexNode,
} from './types'

export type {
  CaseFolding,
  LuceneRegexError,
  LuceneRegexFlag,
  LuceneRegexFlags,
  LuceneRegexMatcher,
  LuceneRegexOptions,
  LuceneRegexResult,
} from './types'

/** Size limits applied by {@link compileLuceneRegex}. */
export const LUCENE_REGEX_LIMITS = {
  /** Elasticsearch `index.max_regex_length` default (UTF-16 units, as Java counts). */
  maxPatternLength: 1000,
  /** Elasticsearch `max_determinized_states` default, for complement and intersection. */
  maxDeterminizedStates: 10_000,
  /** NFA-state visits allowed while determinizing (keeps compile time bounded). */
  maxDeterminizeEffort: 20_000_000,
  /** NFA states; `{n,m}` copies its operand, so this bounds repetition counts. */
  maxNfaStates: 50_000,
  /** Lazy-DFA states cached per pattern before the cache is flushed. */
  maxCachedStates: 20_000,
  /** Lazy-DFA table cells (states x classes) per pattern: 2M cells = 8 MB. */
  maxCachedCells: 2_000_000,
  /** Sum of NFA-subset sizes the lazy DFA may hold (4M entries = 16 MB). */
  maxCachedSubsetEntries: 4_000_000,
  /** NFA-state visits spent determinizing ahead at compile time (~10-50 ms at most). */
  maxWarmEffort: 1_500_000,
} as const

const ALL_FLAGS: readonly LuceneRegexFlag[] = [
  'INTERSECTION',
  'COMPLEMENT',
  'EMPTY',
  'ANYSTRING',
  'INTERVAL',
  'AUTOMATON',
]

/**
 * Reads the `flags` parameter of Elasticsearch's `regexp` query (`"INTERSECTION|COMPLEMENT"`,
 * `"ALL"`, `"NONE"`, case-insensitive, `|`-separated). `undefined` when a name is unknown.
 */
export function parseRegexFlags(text: string): LuceneRegexFlags | undefined {
  const out = new Set<LuceneRegexFlag>()
  for (const raw of text.split('|')) {
    const name = raw.trim().toUpperCase()
    if (name === 'ALL') ALL_FLAGS.forEach((f) => out.add(f))
    else if (name === 'NONE' || name === '') continue
    else {
      const flag = ALL_FLAGS.find((f) => f === name)
      if (flag === undefined) return undefined
      out.add(flag)
    }
  }
  return [...out]
}

function enabledFlags(flags: LuceneRegexFlags | undefined): ReadonlySet<LuceneRegexFlag> {
  if (flags === undefined || flags === 'ALL') return new Set(ALL_FLAGS)
  if (flags === 'NONE') return new Set()
  return new Set(flags)
}

/** Recently compiled patterns: the checker and the compiler both compile each rule pattern. */
const recent = new Map<string, LuceneRegexResult>()
const RECENT_MAX = 256

/**
 * Compiles a Lucene regular expression as Elasticsearch's `regexp` query reads it. The result's
 * `test(value)` is true when the WHOLE value matches (Lucene patterns are implicitly anchored).
 * Malformed or too complex patterns give `{ ok: false, message, offset }` (UTF-16 offset).
 * Results are memoized (a small LRU), so compiling the same pattern again is free.
 */
export function compileLuceneRegex(pattern: string, opts: LuceneRegexOptions = {}): LuceneRegexResult {
  const flags = opts.flags === undefined || typeof opts.flags === 'string' ? (opts.flags ?? 'ALL') : opts.flags.join('|')
  const key = [opts.caseInsensitive === true, opts.caseFolding ?? '', flags, opts.predefinedClasses !== false, pattern].join('\u0000')
  const hit = recent.get(key)
  if (hit !== undefined) {
    // Re-insert so the map's insertion order is least-recently-used first.
    recent.delete(key)
    recent.set(key, hit)
    return hit
  }
  const result = compileUncached(pattern, opts)
  recent.set(key, result)
  if (recent.size > RECENT_MAX) {
    const oldest = recent.keys().next()
    if (oldest.done !== true) recent.delete(oldest.value)
  }
  return result
}

function compileUncached(pattern: string, opts: LuceneRegexOptions): LuceneRegexResult {
  const limits = LUCENE_REGEX_LIMITS
  if (pattern.length > limits.maxPatternLength) {
    return {
      ok: false,
      kind: 'too_complex',
      message:
        `The length of regex [${pattern.length}] used in the Regexp Query request has exceeded the ` +
        `allowed maximum of [${limits.maxPatternLength}].`,
      offset: limits.maxPatternLength,
    }
  }
  const settings: ParseSettings = {
    enabled: enabledFlags(opts.flags),
    fold: opts.caseInsensitive === true ? (opts.caseFolding ?? 'unicode') : undefined,
    predefinedClasses: opts.predefinedClasses !== false,
  }
  try {
    const root = parsePattern(pattern, settings)
    checkNfaSize(root, limits.maxNfaStates)
    const alphabet = buildAlphabet(root)
    const nfa = new NfaBuilder(alphabet, limits.maxNfaStates, dfaMaker(alphabet)).build(root)
    const dfa = new LazyDfa(nfa, alphabet, {
      states: limits.maxCachedStates,
      cells: limits.maxCachedCells,
      subsetEntries: limits.maxCachedSubsetEntries,
    })
    // Determinize ahead, up to Elasticsearch's limit: rule patterns finish here (a few hundred
    // states), and a pattern found to need more gets a warning, since Elasticsearch would
    // refuse it, while still matching (lazily) here.
    const warmth = dfa.warm(limits.maxDeterminizedStates, limits.maxWarmEffort)
    // most values lack the pattern's required literal: a native scan rejects them (see the module)
    const literal = requiredLiteral(root)
    const test =
      literal.length >= 2 ? (value: string): boolean => value.includes(literal) && dfa.test(value) : (value: string): boolean => dfa.test(value)
    if (warmth !== 'too-many-states') return { ok: true, test }
    const warning =
      `determinizing this pattern needs more than ${limits.maxDeterminizedStates} states; ` +
      'Elasticsearch would likely refuse it as too complex (max_determinized_states)'
    return { ok: true, test, warning }
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, kind: e.kind, message: e.message, offset: e.offset }
    // Only resource exhaustion can land here (e.g. a RangeError); report it, never rethrow.
    const message = e instanceof Error ? e.message : String(e)
    return { ok: false, kind: 'too_complex', message: `regular expression is too complex: ${message}`, offset: 0 }
  }
}

/** DFAs for complement/intersection nodes, memoized so repeated copies reuse one DFA. */
function dfaMaker(alphabet: Alphabet): (node: RegexNode) => Dfa {
  const limits: DfaLimits = {
    maxStates: LUCENE_REGEX_LIMITS.maxDeterminizedStates,
    maxEffort: LUCENE_REGEX_LIMITS.maxDeterminizeEffort,
  }
  const memo = new Map<RegexNode, Dfa>()
  const dfaOf = (node: RegexNode): Dfa => {
    const known = memo.get(node)
    if (known !== undefined) return known
    let dfa: Dfa
    // Errors point at the operator whose automaton grew too large.
    if (node.kind === 'complement') dfa = complement(plain(node.operand, node.at))
    else if (node.kind === 'intersection') {
      dfa = intersect(plain(node.left, node.at), plain(node.right, node.at), limits, node.at)
    } else dfa = plain(node, node.at)
    memo.set(node, dfa)
    return dfa
  }
  // Any node as a DFA: through an NFA of its own (which may splice nested operator DFAs).
  const plain = (node: RegexNode, at: number): Dfa => {
    if (node.kind === 'complement' || node.kind === 'intersection') return dfaOf(node)
    const nfa = new NfaBuilder(alphabet, LUCENE_REGEX_LIMITS.maxNfaStates, dfaOf).build(node)
    return determinize(nfa, alphabet.size, limits, at)
  }
  return dfaOf
}
