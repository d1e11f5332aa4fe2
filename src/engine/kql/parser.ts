/*
 * The KQL parser entry point (Kibana's `kuery` grammar, as the detection engine parses rules with
 * `language: kuery`):
 *
 *   start := WS* or? WS* END          (rules: parse-query.ts, parse-values.ts, scan-literal.ts)
 *
 * Like Kibana's generated parser it stops at the first syntax error and reports it at the furthest
 * position any alternative reached, with Kibana's "Expected ... but ... found." wording. There is no
 * partial tree: a KQL error is one position, and Kibana would run nothing either.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic'
import { span } from '../source/span'
import type { KqlNode } from './ast'
import { KQL_SYNTAX_CODES } from './codes-syntax'
import { syntaxErrorAt } from './parse-errors'
import { parseStart } from './parse-query'
import { KqlState, LeadingWildcard, MAX_NESTING, TooDeep, type KqlParseOptions } from './parse-state'
import { literalWarnings } from './parse-warnings'
import { printKql } from './print'

export { printKql }
export type { KqlParseOptions }

export interface KqlParseResult {
  /** null when the query does not parse; an empty query is a matchAll node, not null */
  readonly query: KqlNode | null
  /** at most one error, plus warnings; ordered by position */
  readonly diagnostics: Diagnostic[]
}

/** Parses a KQL query with Kibana's grammar. Never throws. */
export function parseKql(text: string, options: KqlParseOptions = {}): KqlParseResult {
  const s = new KqlState(text, options)
  let query: KqlNode | null
  const diagnostics: Diagnostic[] = []
  try {
    query = parseStart(s)
    if (query === null) diagnostics.push(syntaxErrorAt(text, s.maxFailPos, s.expected))
  } catch (e) {
    if (e instanceof TooDeep) diagnostics.push(makeDiagnostic(KQL_SYNTAX_CODES.tooDeep, span(e.at, e.at + 1), { max: MAX_NESTING }))
    else if (e instanceof LeadingWildcard) diagnostics.push(makeDiagnostic(KQL_SYNTAX_CODES.leadingWildcard, e.at))
    else throw e
    query = null
  }
  if (query !== null) diagnostics.push(...s.warnings.values(), ...literalWarnings(text, query))
  diagnostics.sort((a, b) => a.span.start - b.span.start)
  return { query, diagnostics }
}

/**
 * "Format document": the canonical print of `text`, or null when it does not parse (the printer
 * would have nothing to print).
 */
export function formatKql(text: string): string | null {
  const { query } = parseKql(text)
  return query === null ? null : printKql(query)
}
