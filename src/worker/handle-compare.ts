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
  type ExceptionItem,
  type RunOutput,
  type RunResult,
  type Schema,
  type SequenceVerdicts,
  type TraceNode,
} from '../engine'
import {
  DISAGREEMENT_LIMIT,
  type CompareReason,
  type CompareReport,
  type CompareRequestFields,
  type CompareSide,
  type CompareSideReport,
  type Disagreement,
  type SeenValues,
} from './protocol-compare'
import type { RunSettings } from './protocol'
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

/** Event index -> the stage positions (runs expanded) it fills in its first matched sequence. */
type Membership = ReadonlyMap<number, readonly number[]>

/** One side compiled and run: its report, and what explaining its verdicts needs. */
interface SideRun {
  readonly report: CompareSideReport
  readonly explainer: EqlExplainer | KqlExplainer | null
  /** event index -> its first sequence's stage positions (sequences and samples only) */
  readonly membership: Membership
  /** event index -> the exception item that took it out of the matches (-1: it lost its sequence) */
  readonly excepted: ReadonlyMap<number, number>
  readonly exceptionItems?: readonly ExceptionItem[]
  /** verdicts of a sequence/sample side, computed at the first event that needs them */
  verdicts?: SequenceVerdicts | null
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

function runSide(side: CompareSide, ctx: CompareContext, shouldStop: () => boolean): SideRun {
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

/** Fields that tell security events apart at a glance, in the order a line shows them. */
const SUMMARY_FIELDS = ['@timestamp', 'event.category', 'event.action', 'host.name', 'process.name', 'process.args', 'file.path', 'destination.ip', 'user.name']

/**
 * A line for the list: the telling fields the event has (its JSON, cut, when it has none of them).
 * Read with plain property walks: dotted keys and nested objects both resolve.
 */
function summaryOf(event: unknown): string {
  const parts: string[] = []
  for (const path of SUMMARY_FIELDS) {
    const v = valueAt(event, path)
    if (v === undefined || v === null) continue
    parts.push(`${path}: ${Array.isArray(v) ? v.map(String).join(' ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
  }
  let text = parts.join(' · ')
  if (text === '') {
    try {
      text = JSON.stringify(event) ?? String(event)
    } catch {
      text = String(event)
    }
  }
  return text.length > 240 ? `${text.slice(0, 239)}…` : text
}

function valueAt(obj: unknown, path: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined
  const o = obj as Record<string, unknown>
  if (Object.hasOwn(o, path)) return o[path]
  const dot = path.indexOf('.')
  if (dot < 0) return undefined
  // try every split point: `{"process.parent": {...}}` and `{"process": {"parent": ...}}` alike
  for (let i = dot; i >= 0; i = path.indexOf('.', i + 1)) {
    const head = path.slice(0, i)
    if (Object.hasOwn(o, head)) {
      const v = valueAt(o[head], path.slice(i + 1))
      if (v !== undefined) return v
    }
  }
  return undefined
}

/** The EQL settings of a side's settings (KQL settings and mappings are not EQL's). */
function eqlOnly(settings: RunSettings): Partial<EqlSettings> {
  const { kql: _kql, mappings: _mappings, ...eql } = settings
  return eql
}

/** Values of a field shown at most; the total says how many there were. */
const VALUES_SHOWN = 8
/** Fields of a deciding clause shown at most (an `and` that holds names its leaves' fields). */
const FIELDS_SHOWN = 4

/**
 * Why side `s` answered as it did for event `index`: the deciding clause of its filter (for a
 * sequence or sample, of the stage the event fills, else of the first stage it fails), and a
 * sentence. `matches` is the run's answer; the explanation only says why.
 */
function reasonOf(s: SideRun, index: number, event: unknown, matches: boolean, verdicts: () => SequenceVerdicts | null): CompareReason {
  const x = s.explainer
  if (x === null) return { match: matches, clause: null, summary: 'the query did not run' }
  const item = matches ? undefined : s.excepted.get(index)
  if (item !== undefined) {
    const name = item >= 0 ? s.exceptionItems?.[item]?.name : undefined
    const summary = item < 0 ? 'matched, but another event of its sequence is excepted' : `matched, but excepted by exception item ${item + 1}${name ? ` “${name}”` : ''}`
    return { match: false, clause: null, excepted: item, summary }
  }
  const e = x.explain(event)
  if (e.kind === 'kql' || e.kind === 'event') {
    const clause = clauseOf(e.deciding)
    // an `and` that holds decides as a whole: its text is the query itself, not worth repeating
    const whole = e.deciding.kind === 'and' || e.deciding.kind === 'filter' || e.deciding.kind === 'matchAll'
    if (matches) return { match: true, clause, summary: whole ? 'every condition holds' : `${e.deciding.text} holds` }
    // the filter holds but the run leaves the event out: no timestamp, or size / head / tail
    if (e.outcome) return { match: false, clause, summary: e.kind === 'event' && !e.timestamp.present ? `the filter holds but the event has no usable ${e.timestamp.field}` : 'the filter holds but size or head/tail leave the event out' }
    return { match: false, clause, summary: `${e.deciding.text} ${e.deciding.value === null ? 'is null (no value)' : 'does not hold'}` }
  }
  const positions = s.membership.get(index)
  const stages = e.stages.filter((st) => !st.missing)
  if (matches && positions !== undefined) {
    const stage = stageAt(e.stages, positions[0] ?? 0)
    const st = e.stages.find((t) => t.stage === stage)
    return { match: true, clause: st ? clauseOf(st.deciding) : null, stage, summary: `in a matched ${e.kind}, stage ${stage + 1}` }
  }
  // Not in a matched sequence: the stage it could fill (the sequence failed elsewhere) or the first it fails.
  const st = stages.find((t) => t.fills) ?? stages.find((t) => t.outcome) ?? stages[0]
  const verdict = verdicts()?.verdict(index)
  const fallback = st === undefined ? `in no ${e.kind}` : st.outcome ? `could fill stage ${st.stage + 1}, but in no ${e.kind}` : `fills no stage; stage ${st.stage + 1}: ${st.deciding.text} does not hold`
  return { match: matches, clause: st ? clauseOf(st.deciding) : null, ...(st ? { stage: st.stage } : {}), summary: verdict?.summary ?? fallback }
}

/** The written stage of a position in a sequence whose stages repeat `runs` times. */
function stageAt(stages: readonly { readonly stage: number; readonly runs: number; readonly until: boolean }[], position: number): number {
  let at = 0
  for (const st of stages) {
    if (st.until) continue
    at += Math.max(1, st.runs)
    if (position < at) return st.stage
  }
  return 0
}

function clauseOf(node: TraceNode): NonNullable<CompareReason['clause']> {
  return { kind: node.kind, text: node.text, span: node.span, value: node.value, seen: seenOf(node) }
}

/** The fields a clause read: its own, or those of its leaves (first few, each once). */
function seenOf(node: TraceNode): SeenValues[] {
  const out: SeenValues[] = []
  const visit = (n: TraceNode): void => {
    for (const r of n.seen ?? []) {
      if (out.length >= FIELDS_SHOWN || out.some((o) => o.field === r.field)) continue
      out.push({ field: r.field, values: r.values.slice(0, VALUES_SHOWN), total: r.values.length })
    }
    for (const c of n.children) if (out.length < FIELDS_SHOWN) visit(c)
  }
  visit(node)
  return out
}
