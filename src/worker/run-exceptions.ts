import type { Diagnostic, RunOutput, Schema } from '../engine'
import {
  compileExceptions,
  EXCEPTION_CODES,
  exceptionFailureDiagnostics,
  readItem,
  runCutsMatches,
  runWithExceptions,
  type CompiledExceptions,
  type ExceptionItem,
} from '../engine/exceptions'
import type { ExceptedEvent, ExceptionProblem } from './protocol'

/**
 * A run's exception items (RunRequest.exceptions), applied as the detection engine applies them
 * (src/engine/exceptions/README.md). The items arrive untrusted: each is read on its own, and one
 * that is not entirely in Kibana's shape is left out whole (applying it with fewer entries would
 * except more events). Item numbers in the report are positions in the request's list.
 */

export interface ExceptionsOutcome {
  readonly output: RunOutput | null
  /** diagnostics to add to the run's (EXC100 when an item would make the search fail) */
  readonly diagnostics: readonly Diagnostic[]
  readonly excepted: readonly ExceptedEvent[]
  readonly exceptionProblems: readonly ExceptionProblem[]
}

/** The request's items read and compiled, with their problems (item numbers: request positions). */
export interface PreparedExceptions {
  readonly compiled: CompiledExceptions
  /** per compiled item, its position in the request */
  readonly source: readonly number[]
  readonly problems: readonly ExceptionProblem[]
}

/** Null when the request has no exception items. */
export function prepareExceptions(raw: unknown, schema: Schema): PreparedExceptions | null {
  if (!Array.isArray(raw) || raw.length === 0) return null
  const problems: ExceptionProblem[] = []
  const items: ExceptionItem[] = []
  const source: number[] = []
  raw.forEach((v: unknown, i) => {
    const read: string[] = []
    const item = readItem(v, `Exception item ${i + 1}`, read)
    if (item !== null && read.length === 0) {
      items.push(item)
      source.push(i)
      return
    }
    const why = read.join(' ')
    problems.push({ code: EXCEPTION_CODES.unreadable.code, severity: EXCEPTION_CODES.unreadable.severity, item: i, message: `${why} The item is not applied.` })
  })
  const compiled = compileExceptions(items, { schema })
  for (const p of compiled.problems) problems.push({ ...p, item: source[p.item] ?? p.item })
  problems.sort((a, b) => a.item - b.item || (a.entry ?? -1) - (b.entry ?? -1))
  return { compiled, source, problems }
}

/**
 * Runs via `execute(excluded)` with the prepared items and reports the excepted events; `output`
 * is null when an item has an error (Elasticsearch would refuse the search: no result, as for a
 * query it refuses).
 */
export function runExceptions(
  prepared: PreparedExceptions,
  program: unknown,
  events: readonly unknown[],
  execute: (excluded: Uint8Array | undefined) => RunOutput,
): ExceptionsOutcome {
  const { compiled, source, problems } = prepared
  const failures = exceptionFailureDiagnostics(problems)
  if (failures.length > 0) return { output: null, diagnostics: failures, excepted: [], exceptionProblems: problems }
  const { output, excepted } = runWithExceptions(execute, compiled, events, { cutsMatches: runCutsMatches(program) })
  return {
    output,
    diagnostics: [],
    excepted: excepted.map((e) => ({ index: e.index, item: e.item < 0 ? -1 : (source[e.item] ?? e.item) })),
    exceptionProblems: problems,
  }
}
