/**
 * Lucene regular expressions as Elasticsearch's `regexp` query evaluates them (used by EQL
 * `regex`/`regex~`): whole-value match, automaton based, never backtracking.
 */
export { compileLuceneRegex } from './compile'
export type {
  CaseFolding,
  LuceneRegexError,
  LuceneRegexFlag,
  LuceneRegexFlags,
  LuceneRegexMatcher,
  LuceneRegexOptions,
  LuceneRegexResult,
} from './types'
