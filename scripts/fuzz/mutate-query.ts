/**
 * Query mutators: token-level edits (delete, duplicate, swap, insert operators, unbalanced
 * brackets and quotes, huge numbers, odd Unicode, long strings and identifiers, deep nesting) and
 * grammar-aware edits that keep a query mostly well formed (swap fields, values and operators for
 * others of the same kind from the seeds, negate, combine, add pipes or nested groups), so the
 * fuzzer reaches the checker, the compiler and the matchers and not only the parser's first error.
 */
import type { Rng } from './prng'
import { EDGE_NUMBER_TEXTS, longRun, ODD_CHARS, oddString } from './odd-strings'

export type Language = 'eql' | 'kql'

// A rough, language-neutral tokenizer: the mutators only need pieces to delete, duplicate, swap or
// replace, not agreement with the real lexers (a query no lexer would produce is what we want).
export type TokenKind = 'string' | 'number' | 'word' | 'op' | 'space' | 'other'

export interface Token {
  readonly kind: TokenKind
  readonly text: string
}

// Order matters: strings first (they may hold anything), then numbers before words.
const TOKEN_RE =
  /("""[\s\S]*?"""|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`[^`]*`|\d[\d.eE+-]*|[\p{L}_@$][\p{L}\p{N}_.\-@$*?]*|==|!=|<=|>=|:[<>]=?|[()[\]{},:|<>~!*=?]|\s+|[\s\S])/gu

/** The tokens of `text`; joining their texts gives `text` back. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(TOKEN_RE)) {
    const t = m[0]
    tokens.push({ kind: kindOf(t), text: t })
  }
  return tokens
}

function kindOf(t: string): TokenKind {
  const c = t[0] ?? ''
  if (c === '"' || c === "'" || c === '`') return 'string'
  if (/\d/.test(c)) return 'number'
  if (/\s/.test(c)) return 'space'
  if (/[\p{L}_@$]/u.test(c)) return 'word'
  if (/[()[\]{},:|<>~!*=?]/.test(c)) return 'op'
  return 'other'
}

/** The text of a token list. */
export function join(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text).join('')
}

/** Vocabulary gathered from the seed queries, so grammar-aware swaps stay plausible. */
export interface Vocabulary {
  readonly words: readonly string[]
  readonly strings: readonly string[]
}

const EQL_OPS = ['==', '!=', '<', '<=', '>', '>=', ':', 'like', 'like~', 'regex', 'regex~', 'in', 'in~', 'and', 'or', 'not', 'where', 'by', 'with', 'until', '|', '~', '*', '+', '-', '/', '%', '?', '!']
const KQL_OPS = [':', 'and', 'or', 'not', 'AND', 'OR', 'NOT', '<', '<=', '>', '>=', '*', '{', '}', '\\', '"', '(', ')']
const BRACKETS = ['(', ')', '[', ']', '{', '}', '"', "'", '"""', '`', '/*', '*/', '//']
const EQL_PIPES = ['| head 1', '| tail 0', '| head 99999999999999999999', '| filter true', '| unique process.name', '| count', '| head -1']
const EQL_FUNCS = ['length', 'startsWith~', 'endsWith', 'stringContains~', 'wildcard', 'cidrMatch', 'substring', 'number', 'concat', 'between', 'add', 'divide', 'modulo', 'indexOf', 'match~', 'notAfunction']

/** One mutation of `query`: chosen uniformly among the mutators of the language. */
export function mutateQuery(rng: Rng, query: string, lang: Language, vocab: Vocabulary, seeds: readonly string[]): string {
  const tokens = tokenize(query)
  const m = rng.pick(MUTATORS)
  return m(rng, tokens, lang, vocab, seeds, query)
}

/** Several stacked mutations (1..max), for inputs farther from the seeds. */
export function mutateMany(rng: Rng, query: string, lang: Language, vocab: Vocabulary, seeds: readonly string[], max: number): string {
  let q = query
  const n = rng.range(1, max)
  for (let i = 0; i < n; i++) q = mutateQuery(rng, q, lang, vocab, seeds)
  return q
}

type Mutator = (rng: Rng, tokens: Token[], lang: Language, vocab: Vocabulary, seeds: readonly string[], query: string) => string

function at(rng: Rng, tokens: readonly Token[]): number {
  return rng.int(tokens.length + 1)
}

function insertAt(tokens: Token[], i: number, text: string): string {
  const copy = tokens.slice()
  copy.splice(i, 0, { kind: 'other', text })
  return join(copy)
}

function indexesOf(tokens: readonly Token[], kind: Token['kind']): number[] {
  const out: number[] = []
  tokens.forEach((t, i) => { if (t.kind === kind) out.push(i) })
  return out
}

function replaceOne(rng: Rng, tokens: Token[], kind: Token['kind'], make: () => string): string {
  const idx = indexesOf(tokens, kind)
  if (idx.length === 0) return insertAt(tokens, at(rng, tokens), ` ${make()} `)
  const copy = tokens.slice()
  copy[rng.pick(idx)] = { kind, text: make() }
  return join(copy)
}

const deleteToken: Mutator = (rng, tokens) => {
  const copy = tokens.slice()
  copy.splice(rng.int(copy.length), rng.range(1, 3))
  return join(copy)
}

const duplicateToken: Mutator = (rng, tokens) => {
  const i = rng.int(tokens.length)
  const t = tokens[i]
  return t === undefined ? '' : insertAt(tokens, i, t.text.repeat(rng.range(1, 4)))
}

const swapTokens: Mutator = (rng, tokens) => {
  const copy = tokens.slice()
  const i = rng.int(copy.length)
  const j = rng.int(copy.length)
  const a = copy[i]
  const b = copy[j]
  if (a === undefined || b === undefined) return join(copy)
  copy[i] = b
  copy[j] = a
  return join(copy)
}

const insertOperator: Mutator = (rng, tokens, lang) =>
  insertAt(tokens, at(rng, tokens), ` ${rng.pick(lang === 'eql' ? EQL_OPS : KQL_OPS)} `)

const unbalanced: Mutator = (rng, tokens) => insertAt(tokens, at(rng, tokens), rng.pick(BRACKETS))

const hugeNumber: Mutator = (rng, tokens) => replaceOne(rng, tokens, 'number', () => rng.pick(EDGE_NUMBER_TEXTS))

const oddUnicode: Mutator = (rng, tokens) =>
  insertAt(tokens, at(rng, tokens), rng.chance(0.5) ? rng.pick(ODD_CHARS) : oddString(rng, rng.range(1, 12)))

const longString: Mutator = (rng, tokens) =>
  replaceOne(rng, tokens, 'string', () => `"${longRun(rng, 20_000).replace(/["\\]/g, '')}"`)

const longIdentifier: Mutator = (rng, tokens) =>
  replaceOne(rng, tokens, 'word', () => 'f'.repeat(rng.range(1, 5000)) + '.x'.repeat(rng.range(0, 500)))

const deepNesting: Mutator = (rng, _tokens, lang, _v, _s, query) => {
  const depth = rng.range(10, 3000)
  const wrap = rng.pick(lang === 'eql' ? ['(', 'not ', 'not (', '-'] : ['(', 'not ', 'not (', 'a:{'])
  const close = wrap.includes('(') ? ')' : wrap.includes('{') ? '}' : ''
  // Sometimes forget the closers: deep and unbalanced at once.
  return wrap.repeat(depth) + query + (rng.chance(0.8) ? close.repeat(depth) : '')
}

const swapWord: Mutator = (rng, tokens, _l, vocab) => replaceOne(rng, tokens, 'word', () => rng.pick(vocab.words))

const swapString: Mutator = (rng, tokens, _l, vocab) =>
  replaceOne(rng, tokens, 'string', () => (rng.chance(0.7) ? rng.pick(vocab.strings) : JSON.stringify(oddString(rng, rng.range(0, 30)))))

const negate: Mutator = (rng, _t, _l, _v, _s, query) => (rng.chance(0.5) ? `not (${query})` : `not ${query}`)

const combine: Mutator = (rng, _t, lang, _v, seeds, query) => {
  const other = rng.pick(seeds)
  const op = rng.pick(lang === 'eql' ? [' and ', ' or ', '\n'] : [' and ', ' or ', ' '])
  return rng.chance(0.5) ? `(${query})${op}(${other})` : query + op + other
}

const addPipe: Mutator = (rng, tokens, lang, vocab, _s, query) =>
  lang === 'eql'
    ? `${query} ${rng.pick(EQL_PIPES)}`
    : `${rng.pick(vocab.words)}:{ ${query} }`

const callFunction: Mutator = (rng, tokens, lang, vocab) =>
  lang === 'eql'
    ? insertAt(tokens, at(rng, tokens), ` ${rng.pick(EQL_FUNCS)}(${rng.pick(vocab.words)}, ${rng.pick(vocab.strings)}) `)
    : insertAt(tokens, at(rng, tokens), ` ${rng.pick(vocab.words)} : ${rng.pick(['*', '"a*b"', '>= now-1d', '< 1e309', '{ b: 1 }', '(a or b)'])} `)

const truncate: Mutator = (rng, _t, _l, _v, _s, query) => query.slice(0, rng.int(query.length + 1))

const MUTATORS: readonly Mutator[] = [
  deleteToken, duplicateToken, swapTokens, insertOperator, unbalanced, hugeNumber, oddUnicode, longString,
  longIdentifier, deepNesting, swapWord, swapString, negate, combine, addPipe, callFunction, truncate,
]

/** Words (fields, keywords) and string literals of the seeds, deduplicated. */
export function vocabularyOf(queries: readonly string[]): Vocabulary {
  const words = new Set<string>(['process.name', 'event.category', 'host.os.type', 'user.name', '@timestamp', 'source.ip'])
  const strings = new Set<string>(['"*"', '"a?b*"', '""', '"10.0.0.0/8"'])
  for (const q of queries) {
    for (const t of tokenize(q)) {
      if (t.kind === 'word' && words.size < 4000) words.add(t.text)
      else if (t.kind === 'string' && strings.size < 4000 && t.text.length < 200) strings.add(t.text)
    }
  }
  return { words: [...words], strings: [...strings] }
}
