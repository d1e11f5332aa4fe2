import { hasErrors, makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic'
import type { Schema } from '../schema/types'
import { assertNever, type Expr, type Stage, type Statement } from './ast'
import { checkEql } from './check'
import { RUN_CODES } from './codes-run'
import type { CompileContext } from './compile-context'
import { compileFilter } from './compile-filter'
import { compileKey } from './compile-key'
import { parseEql } from './parser'
import type { EqlProgram, KeyDisplay, KeyReader, ProgramStage } from './program'
import { orderingFor } from './run-ordering-readers'
import { newFaultSink } from './search-faults'
import { eqlSettings, type EqlSettings } from './settings'

export interface CompileEqlOptions {
  readonly schema: Schema
  readonly settings?: Partial<EqlSettings>
  /**
   * Epoch millis that `now` stands for in date math (`@timestamp > "now-1d"`). Elasticsearch uses
   * the time of the search; tests and shared examples pin it so results do not drift. Default: the
   * time of compilation.
   */
  readonly now?: number
}

export interface CompileEqlOutput {
  /** null when there is any error diagnostic */
  readonly program: EqlProgram | null
  /** the parsed statement (possibly partial when there are syntax errors), for the editor */
  readonly statement: Statement | null
  /** parse, check and compile diagnostics, in that order */
  readonly diagnostics: Diagnostic[]
}

/**
 * Parses, checks and compiles an EQL query into a program `runEql` can execute. Never throws:
 * syntax and verification problems come back as diagnostics with `program` null, and so would an
 * engine bug (EQL3006), so the editor keeps working whatever the text.
 */
export function compileEql(text: string, opts: CompileEqlOptions): CompileEqlOutput {
  const diagnostics: Diagnostic[] = []
  let statement: Statement | null = null
  try {
    const parsed = parseEql(text)
    statement = parsed.statement
    diagnostics.push(...parsed.diagnostics)
    if (statement === null || hasErrors(diagnostics)) return { program: null, statement, diagnostics }
    const settings = eqlSettings(opts.settings)
    const now = opts.now ?? Date.now()
    diagnostics.push(...checkEql(statement, opts.schema, settings, text, { now }))
    if (hasErrors(diagnostics)) return { program: null, statement, diagnostics }
    const program = buildProgram(statement, { schema: opts.schema, settings, now, faults: newFaultSink() })
    return { program, statement, diagnostics }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    const at = statement?.span ?? { start: 0, end: text.length }
    diagnostics.push(makeDiagnostic(RUN_CODES.internalCompile, at, { message }))
    return { program: null, statement, diagnostics }
  }
}

function buildProgram(statement: Statement, ctx: CompileContext): EqlProgram {
  const { settings } = ctx
  const common = {
    ordering: orderingFor(ctx.schema, settings),
    pipes: statement.pipes.map((p) => ({ name: p.name, count: p.count })),
    size: settings.size,
    resultPosition: settings.resultPosition,
    span: statement.query.span,
    faults: ctx.faults ?? newFaultSink(),
  }
  const q = statement.query
  switch (q.type) {
    case 'EventQuery':
      return { kind: 'event', matcher: compileFilter(q.filter, ctx), ...common }
    case 'SequenceQuery': {
      const shared = compileKeys(q.keys, ctx)
      const stages = expandStages(q.stages, shared, ctx)
      const until = q.until === null ? null : compileStage(q.until, shared, stages.length, ctx)
      const keyDisplay = keyDisplayOf(q.keys, q.stages, ctx)
      return { kind: 'sequence', stages, until, maxspanMillis: q.maxspan?.millis ?? null, keyDisplay, ...common }
    }
    case 'SampleQuery': {
      const shared = compileKeys(q.keys, ctx)
      const stages = expandStages(q.stages, shared, ctx)
      // sample join keys come from a composite aggregation, which shows dates as epoch millis
      // (QA customDateFormatAsKey*), unlike sequence join keys: no keyDisplay here
      return { kind: 'sample', stages, maxSamplesPerKey: settings.maxSamplesPerKey, ...common }
    }
    default:
      return assertNever(q)
  }
}

/** How each join key shows in results, from the first stage's keys (the checker made them agree). */
function keyDisplayOf(shared: readonly Expr[], stages: readonly Stage[], ctx: CompileContext): KeyDisplay[] {
  const exprs = [...shared, ...(stages[0]?.keys ?? [])]
  return exprs.map((e) => {
    if (e.type !== 'Field') return 'plain'
    const t = ctx.schema.resolve(e.path)?.type
    return t === 'date' ? 'date' : t === 'date_nanos' ? 'date_nanos' : 'plain'
  })
}

function compileKeys(keys: readonly Expr[], ctx: CompileContext): KeyReader[] {
  return keys.map((k) => compileKey(k, ctx))
}

// Stages with no keys of their own reuse the sequence-level reader array itself, which lets the
// runner read those keys once per event for all such stages.
function compileStage(stage: Stage, shared: readonly KeyReader[], group: number, ctx: CompileContext): ProgramStage {
  const own = compileKeys(stage.keys, ctx)
  return {
    matcher: compileFilter(stage.filter, ctx),
    keys: own.length === 0 ? shared : [...shared, ...own],
    missing: stage.missing,
    group,
    span: stage.span,
  }
}

/** `with runs=N` repeats a stage N times; the copies share one compiled stage. */
function expandStages(stages: readonly Stage[], shared: readonly KeyReader[], ctx: CompileContext): ProgramStage[] {
  const out: ProgramStage[] = []
  stages.forEach((stage, group) => {
    const compiled = compileStage(stage, shared, group, ctx)
    const runs = Number.isInteger(stage.runs) && stage.runs >= 1 ? stage.runs : 1
    for (let r = 0; r < runs; r++) out.push(compiled)
  })
  return out
}
