import type { Diagnostic } from '../diagnostics/diagnostic'
import type { EqlProgram, RunLimits, SampleProgram, SequenceProgram } from '../eql/program'
import { runEql } from '../eql/run-eql'
import { isMissing, type SequenceMatch } from '../result'
import type { EqlExplainer } from './eql-explain'

/**
 * Why an event is or is not part of a sequence (or sample), answered by the sequence matcher
 * itself: the query is run as written (without size and head/tail, which only cut results), and
 * once more without each constraint that can stop a sequence — `maxspan`, `until`, the
 * missing-event stages, the join keys. A constraint *blocks* the event when the event is in no
 * sequence as written but is in one without that constraint alone; the sequence it would have been
 * part of is given. These are exact statements about the matcher, not a second matcher's guess;
 * removing a constraint can also change which other sequences form (stages take the most recent
 * pending sequence), which is why each is tried on its own.
 */

export type SequenceBlocker = 'maxspan' | 'until' | 'missingEvent' | 'joinKey'

/** One sequence (or sample) an event is part of. */
export interface SequenceMembership {
  /** join key values, as results show them */
  readonly joinKeys: readonly unknown[]
  /** the event index per stage position (runs expanded); null for a missing-event stage */
  readonly events: readonly (number | null)[]
  /** the stage positions the event fills in it */
  readonly positions: readonly number[]
}

export interface SequenceVerdict {
  readonly index: number
  /** the event is part of at least one sequence/sample of the query as written (before size and pipes) */
  readonly completed: boolean
  readonly sequences: readonly SequenceMembership[]
  /** the event is in a sequence/sample the query returns (size and head/tail applied) */
  readonly returned: boolean
  /** constraints that alone keep the event out of every sequence, each with the sequence it would join */
  readonly blockers: readonly { readonly blocker: SequenceBlocker; readonly wouldBe: SequenceMembership }[]
  /** the verdict in one sentence */
  readonly summary: string
}

export interface SequenceVerdicts {
  /** problems of the runs (a run that fails leaves its question unanswered) */
  readonly diagnostics: readonly Diagnostic[]
  /** the verdict for the event at `index` (an index into the events given) */
  verdict(index: number): SequenceVerdict
}

const BLOCKER_TEXT: Readonly<Record<SequenceBlocker, string>> = {
  maxspan: 'maxspan exceeded',
  until: 'the until stage fired',
  missingEvent: 'a missing-event stage was seen',
  joinKey: 'the other events have other join key values (or this event has none)',
}

/**
 * Runs the sequence or sample query of `explainer` over `events` as written and without each
 * constraint, once; `verdict(i)` then answers for any event. Null for event queries.
 */
export function sequenceVerdicts(explainer: EqlExplainer, events: readonly unknown[], limits?: RunLimits): SequenceVerdicts | null {
  const program = explainer.program
  if (program.kind === 'event') return null
  const diagnostics: Diagnostic[] = []
  const run = (p: EqlProgram): Map<number, SequenceMembership[]> | null => {
    const out = runEql(p, events, limits)
    diagnostics.push(...out.diagnostics.filter((d) => d.severity === 'error'))
    const r = out.result
    if (r === null || r.kind === 'events') return null
    return memberships(r.kind === 'sequences' ? r.sequences : r.samples)
  }
  const uncut = { ...program, size: null, pipes: [] }
  const written = run(uncut)
  const returned = program.size === null && program.pipes.length === 0 ? written : run(program)
  const variants: [SequenceBlocker, Map<number, SequenceMembership[]> | null][] = []
  for (const [blocker, p] of without(uncut)) variants.push([blocker, run(p)])
  return {
    diagnostics,
    verdict: (index) => {
      const sequences = written?.get(index) ?? []
      const blockers: SequenceVerdict['blockers'][number][] = []
      if (sequences.length === 0) {
        const inVariant = (b: SequenceBlocker): SequenceMembership | undefined => variants.find(([x]) => x === b)?.[1]?.get(index)?.[0]
        for (const [blocker, found] of variants) {
          const first = found?.get(index)?.[0]
          // the maxspan variant drops the missing-event stages too: it only speaks for maxspan
          // when dropping those stages alone does not let the event in
          if (blocker === 'maxspan' && inVariant('missingEvent') !== undefined) continue
          if (first !== undefined) blockers.push({ blocker, wouldBe: first })
        }
      }
      const completed = sequences.length > 0
      const verdict = { index, completed, sequences, returned: (returned?.get(index)?.length ?? 0) > 0, blockers }
      return { ...verdict, summary: summaryOf(verdict, written === null, program.kind, () => standing(explainer, events[index])) }
    },
  }
}

/** The program without each constraint it has, one at a time. */
function without(p: SequenceProgram | SampleProgram): [SequenceBlocker, EqlProgram][] {
  const out: [SequenceBlocker, EqlProgram][] = []
  const hasKeys = p.stages.some((s) => s.keys.length > 0)
  if (p.kind === 'sequence') {
    const positive = p.stages.filter((s) => !s.missing)
    const hasMissing = positive.length < p.stages.length
    // missing-event stages cannot be checked without a maxspan: they go too
    if (p.maxspanMillis !== null) out.push(['maxspan', { ...p, maxspanMillis: null, stages: positive }])
    if (p.until !== null) out.push(['until', { ...p, until: null }])
    if (hasMissing) out.push(['missingEvent', { ...p, stages: positive }])
    if (hasKeys) {
      const until = p.until === null ? null : { ...p.until, keys: [] }
      out.push(['joinKey', { ...p, stages: p.stages.map((s) => ({ ...s, keys: [] })), until, keyDisplay: [] }])
    }
  } else if (hasKeys) {
    out.push(['joinKey', { ...p, stages: p.stages.map((s) => ({ ...s, keys: [] })), keyDisplay: [] }])
  }
  return out
}

function memberships(groups: readonly SequenceMatch[]): Map<number, SequenceMembership[]> {
  const by = new Map<number, SequenceMembership[]>()
  for (const g of groups) {
    const indices = g.events.map((e) => (isMissing(e) ? null : e.index))
    const seen = new Set<number>()
    for (const i of indices) {
      if (i === null || seen.has(i)) continue
      seen.add(i)
      const positions = indices.flatMap((x, k) => (x === i ? [k] : []))
      const list = by.get(i)
      const m: SequenceMembership = { joinKeys: g.joinKeys, events: indices, positions }
      if (list === undefined) by.set(i, [m])
      else list.push(m)
    }
  }
  return by
}

/** Why an event can take part in no sequence at all, or undefined when it can. */
function standing(explainer: EqlExplainer, event: unknown): string | undefined {
  const x = explainer.explain(event)
  if (x.kind === 'event') return undefined
  if (!x.timestamp.present) return `it has no usable ${x.timestamp.field}`
  if (!x.stages.some((s) => !s.missing && s.outcome)) return 'it passes no stage filter'
  if (!x.stages.some((s) => !s.missing && s.fills)) return 'it has no value for a join key'
  return undefined
}

function summaryOf(
  v: Omit<SequenceVerdict, 'summary'>,
  failed: boolean,
  kind: 'sequence' | 'sample',
  why: () => string | undefined,
): string {
  if (failed) return `the ${kind} query could not run (see diagnostics)`
  if (v.completed) {
    const n = v.sequences.length
    const cut = v.returned ? '' : ', though size or head/tail leave it out of the results'
    return `part of ${n} ${kind}${n === 1 ? '' : 's'}${cut}`
  }
  const reason = why()
  if (reason !== undefined) return `in no ${kind}: ${reason}`
  if (v.blockers.length === 0) return `in no ${kind}: no other events complete one with it`
  return `in no ${kind}: ${v.blockers.map((b) => BLOCKER_TEXT[b.blocker]).join('; ')}`
}
