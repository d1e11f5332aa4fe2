import type { EqlExplainer, ExceptionItem, KqlExplainer, SequenceVerdicts, TraceNode } from '../engine'
import type { CompareReason, SeenValues } from './protocol-compare'

/**
 * Why each side of a comparison (handle-compare.ts) answered as it did for one event: the deciding
 * clause from the explain module, with the values it read, said in one sentence; and a line that
 * tells the event apart in the list. The explainer is the one whose program ran, so a reason can
 * never contradict the run it explains.
 */

/** Event index -> the stage positions (runs expanded) it fills in its first matched sequence. */
export type Membership = ReadonlyMap<number, readonly number[]>

/** What explaining one side's verdicts needs. */
export interface ExplainedSide {
  /** null when the side did not run */
  readonly explainer: EqlExplainer | KqlExplainer | null
  /** event index -> its first sequence's stage positions (sequences and samples only) */
  readonly membership: Membership
  /** event index -> the exception item that took it out of the matches (-1: it lost its sequence) */
  readonly excepted: ReadonlyMap<number, number>
  readonly exceptionItems?: readonly ExceptionItem[]
  /** verdicts of a sequence/sample side, computed at the first event that needs them */
  verdicts?: SequenceVerdicts | null
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
export function reasonOf(s: ExplainedSide, index: number, event: unknown, matches: boolean, verdicts: () => SequenceVerdicts | null): CompareReason {
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

/** Fields that tell security events apart at a glance, in the order a line shows them. */
const SUMMARY_FIELDS = ['@timestamp', 'event.category', 'event.action', 'host.name', 'process.name', 'process.args', 'file.path', 'destination.ip', 'user.name']

/**
 * A line for the list: the telling fields the event has (its JSON, cut, when it has none of them).
 * Read with plain property walks: dotted keys and nested objects both resolve.
 */
export function summaryOf(event: unknown): string {
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
