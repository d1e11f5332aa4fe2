import type { EqlProgram } from '../eql/program'
import type { KqlProgram } from '../kql/program'
import type { RunOutput, RunResult } from '../result'
import { beginScan, endScan, scan } from '../values/prepared-events'
import type { CompiledExceptions } from './compile-exceptions'

/**
 * Runs a rule with its exception items as the detection engine does: the excepted events are
 * hidden from the search (a negated filter), so the run's answer is the real one (a sequence
 * cannot use an excepted event, and a later event may fill its stage instead). It also works out
 * which events the rule would match WITHOUT the exceptions but does not with them, for "matched
 * but excepted by <item>".
 */

/** An event the exceptions took out of the rule's matches. */
export interface ExceptedEventInfo {
  readonly index: number
  /** the first item that matches this event; -1 for an event no item matches that lost its sequence or sample */
  readonly item: number
}

export interface RunWithExceptionsOptions {
  /**
   * The run keeps only part of the events it matches (EQL `size`, `head`, `tail`; see
   * `runCutsMatches`): the events lost are then found by a second run without the exceptions,
   * since the cut picks other events once some are hidden.
   */
  readonly cutsMatches?: boolean
}

/**
 * Whether a compiled program's result is cut (an EQL event query with size or head/tail), so the
 * cheap path does not hold. Takes any value (the worker holds programs untyped); false for KQL.
 */
export function runCutsMatches(program: EqlProgram | KqlProgram | unknown): boolean {
  if (typeof program !== 'object' || program === null) return false
  const p = program as Partial<Record<'kind' | 'size' | 'pipes', unknown>>
  return p.kind === 'event' && ((p.size !== null && p.size !== undefined) || (Array.isArray(p.pipes) && p.pipes.length > 0))
}

/**
 * `run(excluded)` must run the rule with those events hidden (RunLimits / KqlRunOptions
 * `excluded`); it is called once with the mask, and once more only when needed: for events
 * (KQL, EQL event queries) with every event but the excepted ones hidden (only those are tested),
 * for sequences and samples (and cut event queries) without a mask. Without items, or when no
 * event is excepted, it runs once without a mask.
 */
export function runWithExceptions(
  run: (excluded: Uint8Array | undefined) => RunOutput,
  compiled: CompiledExceptions | null,
  events: readonly unknown[],
  options: RunWithExceptionsOptions = {},
): { readonly output: RunOutput; readonly excepted: readonly ExceptedEventInfo[] } {
  const n = events.length
  const itemOf = new Int32Array(n).fill(-1)
  const mask = new Uint8Array(n)
  let any = false
  if (compiled !== null && compiled.count > 0) {
    // during a scan the items' getters read the events' columns, as the rule's own filters do
    beginScan(events)
    try {
      for (let i = 0; i < n; i++) {
        const ev = events[i]
        scan.event = ev
        scan.index = i
        const k = compiled.itemOf(ev)
        if (k >= 0) {
          itemOf[i] = k
          mask[i] = 1
          any = true
        }
      }
    } finally {
      endScan()
    }
  }
  if (!any) return { output: run(undefined), excepted: [] }
  const output = run(mask)
  if (output.result === null) return { output, excepted: [] }
  const withMask = new Set(matchedIndexes(output.result))
  let lost: number[]
  if (output.result.kind === 'events' && options.cutsMatches !== true) {
    // matched without = matched with + the excepted events the query matches: run over those only
    const inverse = new Uint8Array(n)
    for (let i = 0; i < n; i++) inverse[i] = mask[i] === 1 ? 0 : 1
    const rest = run(inverse).result
    lost = rest === null ? [] : matchedIndexes(rest).filter((i) => mask[i] === 1)
  } else {
    const without = run(undefined).result
    lost = without === null ? [] : matchedIndexes(without).filter((i) => !withMask.has(i))
  }
  const excepted = [...new Set(lost)].sort((a, b) => a - b).map((index): ExceptedEventInfo => ({ index, item: itemOf[index] ?? -1 }))
  return { output, excepted }
}

/** Every event index a result references (missing-stage placeholders have none). */
function matchedIndexes(result: RunResult): number[] {
  switch (result.kind) {
    case 'events':
      return result.events.map((e) => e.index)
    case 'sequences':
    case 'samples': {
      const out: number[] = []
      for (const s of result.kind === 'sequences' ? result.sequences : result.samples) {
        for (const e of s.events) if (!('missing' in e)) out.push(e.index)
      }
      return out
    }
  }
}
