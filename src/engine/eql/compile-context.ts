import type { Schema } from '../schema/types'
import type { LuceneRegexOptions } from '../values/lucene-regex'
import type { FaultSink } from './search-faults'
import type { EqlSettings } from './settings'

/** What the compiler needs besides the AST. */
export interface CompileContext {
  readonly schema: Schema
  readonly settings: EqlSettings
  /**
   * Lucene regex flavour for `regex`/`regex~` (case folding of Elasticsearch 8 vs 9). Defaults to
   * compileLuceneRegex's own defaults.
   */
  readonly regexOptions?: Omit<LuceneRegexOptions, 'caseInsensitive'>
  /** epoch millis `now` stands for in date math (`@timestamp > "now-1d"`); default: compile time */
  readonly now?: number
  /** where evaluation errors go (a search Elasticsearch would fail); absent: errors just read as no value */
  readonly faults?: FaultSink
}
