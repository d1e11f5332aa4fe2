/*
 * Queries (EqlBase `query`, `sequence`, `sample`, `join`):
 *
 *   query     := sequence | sample | join | eventFilter
 *   sequence  := 'sequence' (joinKeys maxspan? | maxspan joinKeys?)? stage+ ('until' stage)?
 *                (two events at least: two stages, or one with `with runs=N`)
 *   sample    := 'sample' joinKeys? stage+
 *   join      := 'join' joinKeys? stage stage+ ('until' stage)?          (parsed, then rejected)
 *
 * Checks Elasticsearch makes while building the plan: `by` after `with` is rejected; every stage
 * (and `until`) must add the same number of keys to the sequence-level ones; missing events need
 * maxspan and a positive stage. Samples take no maxspan, runs, until or missing events.
 */
import { span, type Span } from '../source/span'
import type { Expr, MaxSpan, Query, SampleQuery, SequenceQuery } from './ast'
import { SYNTAX_CODES } from './codes-syntax'
import type { ParseCursor } from './parse-cursor'
import { parseEventFilter, parseJoinKeys, parseStage, parseWithMaxspan, type ParsedStage } from './parse-stage'

const STAGE_OPEN = ['[', '!['] as const

/** Parses the query part of a statement; null when nothing usable could be read (or `join`). */
export function parseQuery(c: ParseCursor): Query | null {
  switch (c.atAny(['sequence', 'sample', 'join', 'any', 'ident', 'string'] as const)) {
    case 'sequence':
      return parseSequence(c)
    case 'sample':
      return parseSample(c)
    case 'join':
      parseJoin(c)
      return null
    case 'any':
    case 'ident':
    case 'string': {
      const filter = parseEventFilter(c)
      return { type: 'EventQuery', filter, span: filter.span }
    }
    case null:
      if (c.tok.kind === 'quotedIdent' || c.peek().kind === 'where') {
        // parseEventFilter reports the bad category, then reads the rest
        const filter = parseEventFilter(c)
        return { type: 'EventQuery', filter, span: filter.span }
      }
      c.noViableAlternative(c.pos)
      return null
  }
}

function parseStages(c: ParseCursor): ParsedStage[] {
  const stages: ParsedStage[] = []
  while (c.atAny(STAGE_OPEN) !== null) stages.push(parseStage(c))
  return stages
}

function parseUntil(c: ParseCursor): ParsedStage | null {
  if (!c.accept('until')) return null
  if (c.atAny(STAGE_OPEN) !== null) return parseStage(c)
  c.syntaxError()
  return null
}

function parseSequence(c: ParseCursor): SequenceQuery {
  const kw = c.advance()
  let keys: Expr[] = []
  let maxspan: MaxSpan | null = null
  let maxspanWritten = false
  if (c.at('by')) {
    keys = parseJoinKeys(c).keys
    if (c.at('with')) {
      maxspanWritten = true
      maxspan = parseWithMaxspan(c)
    }
  } else if (c.at('with')) {
    maxspanWritten = true
    maxspan = parseWithMaxspan(c)
    if (c.at('by')) {
      const parsed = parseJoinKeys(c)
      keys = parsed.keys
      c.report(SYNTAX_CODES.byAfterWith, parsed.span)
    }
  }
  const stages = parseStages(c)
  // Two events at least: two stages, or one stage repeated `with runs=N` (detection rules use
  // `sequence [...] with runs=5`). Report at whatever came instead of the missing stage.
  if (stages.reduce((n, s) => n + s.stage.runs, 0) < 2) c.syntaxError()
  const until = parseUntil(c)
  checkJoinKeys(c, until === null ? stages : [...stages, until])
  const missing = stages.filter((s) => s.stage.missing)
  const firstMissing = missing[0]
  if (firstMissing !== undefined) {
    if (!maxspanWritten) c.report(SYNTAX_CODES.missingNeedsMaxspan, firstMissing.openSpan)
    if (missing.length === stages.length) c.report(SYNTAX_CODES.missingNeedsPositive, span(kw.start, kw.end))
  }
  if (until?.stage.missing === true) c.report(SYNTAX_CODES.missingUntil, until.openSpan)
  return {
    type: 'SequenceQuery',
    keys,
    maxspan,
    stages: stages.map((s) => s.stage),
    until: until?.stage ?? null,
    span: c.spanFrom(kw.start),
  }
}

function parseSample(c: ParseCursor): SampleQuery {
  const kw = c.advance()
  const keys = c.at('by') ? parseJoinKeys(c).keys : []
  if (c.tok.kind === 'with') {
    const start = c.tok.start
    parseWithMaxspan(c)
    c.report(SYNTAX_CODES.sampleClause, c.spanFrom(start), { clause: 'with maxspan' })
  }
  const stages = parseStages(c)
  if (stages.length < 1) c.syntaxError()
  for (const s of stages) {
    if (s.stage.missing) c.report(SYNTAX_CODES.sampleClause, s.openSpan, { clause: 'missing events' })
    if (s.withSpan !== null) c.report(SYNTAX_CODES.sampleClause, s.withSpan, { clause: 'with runs' })
  }
  const untilTok = c.tok
  const until = parseUntil(c)
  if (until !== null) c.report(SYNTAX_CODES.sampleClause, span(untilTok.start, untilTok.end), { clause: 'until' })
  checkJoinKeys(c, stages)
  return { type: 'SampleQuery', keys, stages: stages.map((s) => s.stage), span: c.spanFrom(kw.start) }
}

function parseJoin(c: ParseCursor): void {
  const kw = c.advance()
  c.report(SYNTAX_CODES.joinUnsupported, span(kw.start, kw.end))
  if (c.at('by')) parseJoinKeys(c)
  parseStages(c)
  parseUntil(c)
}

/**
 * Each stage's own `by` keys must be as many as the first stage's (Elasticsearch counts them on
 * top of the sequence-level keys and reports the per-stage numbers).
 */
function checkJoinKeys(c: ParseCursor, stages: readonly ParsedStage[]): void {
  const first = stages[0]
  if (first === undefined) return
  const expected = first.stage.keys.length
  for (const s of stages.slice(1)) {
    const found = s.stage.keys.length
    if (found !== expected) {
      const where: Span = s.bySpan ?? s.stage.span
      c.report(SYNTAX_CODES.joinKeyCount, where, { expected, found })
    }
  }
}
