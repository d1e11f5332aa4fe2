/*
 * The EQL parser entry point (EqlBase `singleStatement`):
 *
 *   statement := query pipe* EOF
 *
 * query: parse-query.ts (sequences, samples, event queries), stages and clauses: parse-stage.ts,
 * expressions: parse-expression.ts / parse-primary.ts, pipes: parse-pipes.ts, tokens: lexer.ts.
 *
 * The parser recovers: after a syntax error it skips to a point where parsing can sensibly resume
 * (a list separator, the end of a stage, the next pipe), so one pass reports several errors, and it
 * returns a partial tree with ErrorExpr where an expression was garbled.
 */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic'
import { span } from '../source/span'
import type { Pipe, Statement } from './ast'
import { SYNTAX_CODES } from './codes-syntax'
import { lexEql, type LexResult } from './lexer'
import { ParseCursor, TooDeep } from './parse-cursor'
import { parsePipes } from './parse-pipes'
import { parseQuery } from './parse-query'

import { printEql } from './print'

export { printEql }

export interface ParseResult {
  /** null when no query could be read at all (or it was a `join`, which has no node). */
  readonly statement: Statement | null
  /** lexer and parser diagnostics, ordered by position */
  readonly diagnostics: Diagnostic[]
}

/** Parses an EQL statement with Elasticsearch 8.x/9.x syntax. Never throws. */
export function parseEql(text: string): ParseResult {
  return parseLexed(text, lexEql(text))
}

/**
 * "Format document": the canonical print of `text`, or null with the reason when formatting would
 * lose something — the query has errors, or comments (the printer does not keep them).
 */
export function formatEql(text: string): { formatted: string | null; reason: 'errors' | 'comments' | null } {
  const lexed = lexEql(text)
  const { statement, diagnostics } = parseLexed(text, lexed)
  if (statement === null || hasErrors(diagnostics)) return { formatted: null, reason: 'errors' }
  if (lexed.comments.length > 0) return { formatted: null, reason: 'comments' }
  return { formatted: printEql(statement), reason: null }
}

function parseLexed(text: string, lexed: LexResult): ParseResult {
  const parserDiagnostics: Diagnostic[] = []
  const c = new ParseCursor(text, lexed.tokens, parserDiagnostics)
  let statement: Statement | null = null
  try {
    const query = parseQuery(c)
    const pipes: Pipe[] = parsePipes(c)
    // Anything left over: report once, skip to the next pipe and keep reading pipes.
    while (!c.at('eof')) {
      // one stray token before the end reads as ANTLR's "extraneous input"
      c.syntaxError(c.peek().kind === 'eof' ? SYNTAX_CODES.extraneousInput : SYNTAX_CODES.mismatchedInput)
      c.syncTo([])
      if (c.tok.kind === 'eof') break
      pipes.push(...parsePipes(c))
    }
    if (query !== null) {
      const end = Math.max(query.span.end, pipes[pipes.length - 1]?.span.end ?? 0)
      statement = { type: 'Statement', query, pipes, span: span(query.span.start, end) }
    }
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e
    c.report(SYNTAX_CODES.tooDeep, e.at, { statement: text })
    statement = null
  }
  const diagnostics = [...lexed.diagnostics, ...parserDiagnostics]
  diagnostics.sort((a, b) => a.span.start - b.span.start)
  return { statement, diagnostics }
}
