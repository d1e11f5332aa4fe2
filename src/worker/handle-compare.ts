import {
  compileExplainEql,
  compileExplainKql,
  runEql,
  runKql,
  sequenceVerdicts,
  type Diagnostic,
  type EqlExplainer,
  type EqlSettings,
  type KqlExplainer,
  type RunOutput,
  type RunResult,
  type Schema,
  type SequenceVerdicts,
} from '../engine'
import {
  DISAGREEMENT_LIMIT,
  type CompareReport,
  type CompareRequestFields,
  type CompareSide,
  type CompareSideReport,
  type Disagreement,
} from './protocol-compare'
import type { RunSettings } from './protocol'
import { reasonOf, summaryOf, type ExplainedSide, type Membership } from './handle-compare-reasons'
import { matchedEvents } from './run-report'
import { prepareExceptions, runExceptions } from './run-exceptions'

/**
 * The worker's answer to `compare` (protocol-compare.ts), apart from handle.ts so the dispatcher
 * only gains one `case`. Never throws on user input: a side that does not compile answers its
 * diagnostics.
 *
 * Each side is compiled once through the explain module (whose `program` is the matcher's own,
 * compiled with the same options), run over the events, and its matches taken as the results
 * pane counts them: every event that takes part in a match. The events in one side's matches and
 * not the other's are the disagreements; the first `limit` of them are explained with that same
 * explainer, so a reason can never contradict the run it explains.
 */

/** What the dispatcher gives: its current events and a schema per mappings (each side may differ). */
export interface CompareContext {
  readonly events: readonly unknown[]
  readonly eventsVersion: number
  readonly schemaFor: (mappings: unknown) => Schema
  /** clock for the budget; injectable for tests */
  readonly now: () => number
}

/** One side compiled and run: its report, and what explaining its verdicts needs. */
interface SideRun extends ExplainedSide {
  readonly report: CompareSideReport
}

export function compare(req: CompareRequestFields, ctx: CompareContext): CompareReport {
  const deadline = req.budgetMs === undefined ? Infinity : ctx.now() + req.budgetMs
  let stopped = false
  const shouldStop = (): boolean => (stopped ||= ctx.now() > deadline)
  const a = runSide(req.a, ctx, shouldStop)
  const b = stopped ? notRun(req.b) : runSide(req.b, ctx, shouldStop)
  const base = { eventsVersion: ctx.eventsVersion, eventCount: ctx.events.length, a: a.report, b: b.report }
  if (!a.report.ran || !b.report.ran) return { ...base, comparable: false, disagreements: [], disagreementTotal: 0, stopped }

  const differ = symmetricDifference(a.report.matched, b.report.matched)
  const limit = Math.max(0, req.limit ?? DISAGREEMENT_LIMIT)
  const disagreements: Disagreement[] = []
  for (const { index, side } of differ.slice(0, limit)) {
    // Each explanation is cheap, but sequence verdicts re-run the matcher: the budget still holds.
    if (shouldStop()) break
    const event = ctx.events[index]
    const verdictsOf = (s: SideRun) => (): SequenceVerdicts | null => {
      // The verdict runs would not hide the excepted events: with exceptions there is no verdict.
      const plain = s.report.excepted === undefined
      if (s.verdicts === undefined) s.verdicts = plain && s.explainer?.language === 'eql' ? sequenceVerdicts(s.explainer, ctx.events, { shouldStop }) : null
      // a run cut short would name blockers that are not there
      return stopped ? null : s.verdicts
    }
    disagreements.push({
      eventIndex: index,
      matchedBy: side,
      summary: summaryOf(event),
      a: reasonOf(a, index, event, side === 'a', verdictsOf(a)),
      b: reasonOf(b, index, event, side === 'b', verdictsOf(b)),
    })
  }
  return { ...base, comparable: true, disagreements, disagreementTotal: differ.length, stopped: stopped || disagreements.length < Math.min(limit, differ.length) }
}

function runSide(raw: CompareSide, ctx: CompareContext, shouldStop: () => boolean): SideRun {
  // validate.ts only checks that a and b are objects: a side without a query text runs nothing
  if (typeof raw.query !== 'string') return notRun({ language: 'eql', query: '', settings: {} })
  const side: CompareSide = { ...raw, language: raw.language === 'kql' ? 'kql' : 'eql', settings: typeof raw.settings === 'object' && raw.settings !== null ? raw.settings : {} }
  const schema = ctx.schemaFor(side.settings.mappings)
  let explainer: EqlExplainer | KqlExplainer | null
  let diagnostics: readonly Diagnostic[]
  if (side.language === 'kql') {
    const c = compileExplainKql(side.query, { schema, settings: side.settings.kql ?? {} })
    // constant_keyword fields take the event set's first value, as a run binds them
    c.explainer?.bindEvents(ctx.events)
    explainer = c.explainer
    diagnostics = c.diagnostics
  } else {
    const c = compileExplainEql(side.query, { schema, settings: eqlOnly(side.settings) })
    explainer = c.explainer
    diagnostics = c.diagnostics
  }
  const prepared = prepareExceptions(side.exceptions, schema)
  if (explainer === null) {
    // the items' own problems still show while the query is being fixed
    const problems = prepared === null ? {} : { exceptionProblems: prepared.problems }
    return { report: { ...notRun(side).report, diagnostics, ...problems }, explainer: null, membership: new Map(), excepted: new Map() }
  }
  const program = explainer.program
  // `excluded`: the events the exception items hide from the search, as a run applies them
  const execute = (excluded: Uint8Array | undefined): RunOutput => {
    const options = excluded === undefined ? { shouldStop } : { shouldStop, excluded }
    return explainer.language === 'kql' ? runKql(explainer.program, ctx.events, options) : runEql(explainer.program, ctx.events, options)
  }
  const ex = prepared === null ? null : runExceptions(prepared, program, ctx.events, execute)
  const output = ex === null ? execute(undefined) : ex.output
  const all = [...diagnostics, ...(ex?.diagnostics ?? []), ...(output?.diagnostics ?? [])]
  const exceptions = ex === null ? {} : { excepted: ex.excepted, exceptionProblems: ex.exceptionProblems }
  if (output === null || output.result === null || shouldStop()) {
    return { report: { ...notRun(side).report, diagnostics: all, ...exceptions }, explainer: null, membership: new Map(), excepted: new Map() }
  }
  const matched = matchedEvents(output.result).map((m) => m.index).sort((x, y) => x - y)
  const report: CompareSideReport = { language: side.language, query: side.query, diagnostics: all, ran: true, resultKind: output.result.kind, matched, ...exceptions }
  const excepted = new Map((ex?.excepted ?? []).map((e) => [e.index, e.item]))
  return { report, explainer, membership: membershipOf(output.result), excepted, exceptionItems: side.exceptions ?? [] }
}

function notRun(side: CompareSide): SideRun {
  return { report: { language: side.language, query: side.query, diagnostics: [], ran: false, resultKind: null, matched: [] }, explainer: null, membership: new Map(), excepted: new Map() }
}

/** The first sequence (or sample) each event is part of, with its stage positions there. */
function membershipOf(result: RunResult): Membership {
  const by = new Map<number, readonly number[]>()
  if (result.kind === 'events') return by
  for (const group of result.kind === 'sequences' ? result.sequences : result.samples) {
    group.events.forEach((e) => {
      if ('missing' in e || by.has(e.index)) return
      by.set(e.index, group.events.flatMap((x, k) => (!('missing' in x) && x.index === e.index ? [k] : [])))
    })
  }
  return by
}

/** Events in exactly one of two ascending lists, ascending, with the side that has them. */
export function symmetricDifference(a: readonly number[], b: readonly number[]): { index: number; side: 'a' | 'b' }[] {
  const out: { index: number; side: 'a' | 'b' }[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const x = a[i]
    const y = b[j]
    if (y === undefined || (x !== undefined && x < y)) {
      if (x !== undefined) out.push({ index: x, side: 'a' })
      i++
    } else if (x === undefined || y < x) {
      out.push({ index: y, side: 'b' })
      j++
    } else {
      i++
      j++
    }
  }
  return out
}

/** The EQL settings of a side's settings (KQL settings and mappings are not EQL's). */
function eqlOnly(settings: RunSettings): Partial<EqlSettings> {
  const { kql: _kql, mappings: _mappings, ...eql } = settings
  return eql
}
