import { hasErrors, makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic'
import { RUN_CODES } from '../eql/codes-run'
import type { Expr, Stage, Statement } from '../eql/ast'
import { compileEql, type CompileEqlOptions } from '../eql/compile-eql'
import type { CompileContext } from '../eql/compile-context'
import { compileKey } from '../eql/compile-key'
import type { EqlProgram, KeyReader } from '../eql/program'
import { newFaultSink } from '../eql/search-faults'
import { eqlSettings } from '../eql/settings'
import type { Span } from '../source/span'
import { displayIndexed } from '../values/compare-indexed'
import { planFilter } from './eql-plan'
import type { Explainable, FilterPlan } from './plan'
import { explainFilter, textOf } from './trace'
import type { FilterExplanation } from './types'

/** A join key's values for the event, as sequences show them (null: an optional key without value). */
export interface JoinKeyValues {
  readonly text: string
  readonly span: Span
  readonly values: readonly (string | number | boolean | null)[]
}

/** One stage of a sequence or sample (or the until stage) explained for one event. */
export interface StageExplanation extends FilterExplanation {
  /** 0-based stage index as written; the until stage has index stages.length */
  readonly stage: number
  readonly until: boolean
  /** `![...]`: the event fills this stage only to cancel a candidate sequence */
  readonly missing: boolean
  /** `with runs=N` */
  readonly runs: number
  readonly span: Span
  readonly text: string
  /** sequence/sample keys, then the stage's own keys */
  readonly keys: readonly JoinKeyValues[]
  /** every key has a value, so the event can join a sequence or sample */
  readonly joinable: boolean
  /** the filter accepts the event and it is joinable: it could fill this stage */
  readonly fills: boolean
}

export type EqlExplanation =
  | (FilterExplanation & {
      readonly kind: 'event'
      /** the timestamp field and whether the event has a usable value in it */
      readonly timestamp: { readonly field: string; readonly present: boolean }
      /**
       * outcome and a usable timestamp: the event query returns the event (before size and
       * head/tail cut the results). Elasticsearch cannot return events without a timestamp.
       */
      readonly returned: boolean
    })
  | {
      readonly kind: 'sequence' | 'sample'
      readonly stages: readonly StageExplanation[]
      readonly until: StageExplanation | null
      readonly timestamp: { readonly field: string; readonly present: boolean }
      /** what this explanation does not say yet */
      readonly note: string
    }

/** The EQL explainer: compiled once per query, then asked about any event. */
export interface EqlExplainer extends Explainable {
  readonly language: 'eql'
  readonly kind: 'event' | 'sequence' | 'sample'
  /** the matcher's program, compiled with the same options (and the same `now`) */
  readonly program: EqlProgram
  explain(event: unknown): EqlExplanation
}

export interface CompileExplainEqlOutput {
  /** null when the query does not compile (see diagnostics) */
  readonly explainer: EqlExplainer | null
  readonly diagnostics: Diagnostic[]
}

const SEQUENCE_NOTE =
  'Which stages the event could fill and its join keys; whether it completed a sequence, and ' +
  'what stopped it (maxspan, until, a missing-event stage, other key values), needs the event set: sequenceVerdicts.'
const SAMPLE_NOTE = 'Which filters the event could fill and its join keys; which sample it joined needs the event set: sequenceVerdicts.'

/**
 * Compiles an EQL query for explaining, with the options `compileEql` takes. `now` is fixed once
 * (the option, else the time of this call) and shared by the program and the plans, so date math
 * answers alike. Never throws.
 */
export function compileExplainEql(text: string, opts: CompileEqlOptions): CompileExplainEqlOutput {
  const now = opts.now ?? Date.now()
  const compiled = compileEql(text, { ...opts, now })
  const diagnostics = compiled.diagnostics
  if (compiled.program === null || compiled.statement === null || hasErrors(diagnostics)) return { explainer: null, diagnostics }
  const faults = newFaultSink()
  const ctx: CompileContext = { schema: opts.schema, settings: eqlSettings(opts.settings), now, faults }
  try {
    return { explainer: buildExplainer(text, compiled.statement, compiled.program, ctx), diagnostics }
  } catch (e) {
    // an engine bug: keep the caller going
    const message = e instanceof Error ? e.message : String(e)
    return { explainer: null, diagnostics: [...diagnostics, makeDiagnostic(RUN_CODES.internalCompile, compiled.statement.span, { message })] }
  }
}

/**
 * Explains an EQL query for one event: compiles (see compileExplainEql) and explains. For many
 * events, compile once with compileExplainEql and call `explain` on each.
 */
export function explainEql(text: string, event: unknown, opts: CompileEqlOptions): { explanation: EqlExplanation | null; diagnostics: Diagnostic[] } {
  const { explainer, diagnostics } = compileExplainEql(text, opts)
  return { explanation: explainer === null ? null : explainer.explain(event), diagnostics }
}

function buildExplainer(source: string, statement: Statement, program: EqlProgram, ctx: CompileContext): EqlExplainer {
  const q = statement.query
  const timestampOf = (event: unknown): { field: string; present: boolean } => ({
    field: program.ordering.timestampField,
    present: program.ordering.timestamp(event) !== undefined,
  })
  if (q.type === 'EventQuery') {
    const plan: FilterPlan = { label: 'query', stage: null, root: planFilter(q.filter, ctx), faults: ctx.faults }
    return {
      language: 'eql',
      kind: 'event',
      program,
      source,
      plans: [plan],
      explain: (event) => {
        const f = explainFilter(plan, event, source)
        const timestamp = timestampOf(event)
        return { kind: 'event', ...f, timestamp, returned: f.outcome && timestamp.present }
      },
    }
  }
  const shared = q.keys
  const stages = q.stages.map((s, i) => stagePlan(s, i, false, shared, ctx, source))
  const until = q.type === 'SequenceQuery' && q.until !== null ? stagePlan(q.until, q.stages.length, true, shared, ctx, source) : null
  const all = until === null ? stages : [...stages, until]
  return {
    language: 'eql',
    kind: q.type === 'SequenceQuery' ? 'sequence' : 'sample',
    program,
    source,
    plans: all.map((s) => s.plan),
    explain: (event) => ({
      kind: q.type === 'SequenceQuery' ? 'sequence' : 'sample',
      stages: stages.map((s) => s.explain(event)),
      until: until === null ? null : until.explain(event),
      timestamp: timestampOf(event),
      note: q.type === 'SequenceQuery' ? SEQUENCE_NOTE : SAMPLE_NOTE,
    }),
  }
}

interface StagePlan {
  readonly plan: FilterPlan
  explain(event: unknown): StageExplanation
}

function stagePlan(stage: Stage, index: number, until: boolean, shared: readonly Expr[], ctx: CompileContext, source: string): StagePlan {
  const plan: FilterPlan = { label: until ? 'until' : `stage ${index + 1}`, stage: index, root: planFilter(stage.filter, ctx), faults: ctx.faults }
  const keyExprs = [...shared, ...stage.keys]
  const readers = keyExprs.map((k) => compileKey(k, ctx))
  return {
    plan,
    explain: (event) => {
      const f = explainFilter(plan, event, source)
      const keys: JoinKeyValues[] = keyExprs.map((k, i) => ({
        text: textOf(source, k.span),
        span: k.span,
        values: (readers[i] as KeyReader)(event).map((v) => (v === null ? null : displayIndexed(v))),
      }))
      const joinable = keys.every((k) => k.values.length > 0)
      return {
        ...f,
        stage: index,
        until,
        missing: stage.missing,
        runs: stage.runs,
        span: stage.span,
        text: textOf(source, stage.span),
        keys,
        joinable,
        fills: f.outcome && joinable,
      }
    },
  }
}
