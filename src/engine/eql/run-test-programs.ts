import { span } from '../source/span'
import { newFaultSink } from './search-faults'
import type {
  EventMatcher,
  EventProgram,
  KeyReader,
  KeyValue,
  Ordering,
  ProgramStage,
  ResultPipe,
  SampleProgram,
  SequenceProgram,
} from './program'

/**
 * Hand-made programs for the runner's tests: plain closures over flat test events, so the matchers
 * can be tested without the parser and compiler. Pure (no Node APIs) like the rest of the engine.
 */

/** A flat test event: `ts` is the timestamp, other fields are read by the hand-made closures. */
export type TestEvent = Readonly<Record<string, unknown>>

function rec(ev: unknown): TestEvent {
  return typeof ev === 'object' && ev !== null && !Array.isArray(ev) ? (ev as TestEvent) : {}
}

/** A matcher from a predicate; its hits name `field` so tests can see hits were computed. */
export function matcher(pred: (ev: TestEvent) => boolean, field = 'test'): EventMatcher {
  return {
    test: (ev) => pred(rec(ev)),
    hits: (ev) => (pred(rec(ev)) ? [{ field, span: span(0, 1) }] : []),
  }
}

/** A key reader over a top-level field: arrays fan out (distinct, nulls dropped), like compileKey. */
export function key(field: string, optional = false): KeyReader {
  return (ev) => {
    const v = rec(ev)[field]
    const raw = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]
    const out: KeyValue[] = []
    for (const x of raw) {
      if ((typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') && !out.includes(x)) out.push(x)
    }
    return out.length === 0 && optional ? [null] : out
  }
}

/** Orders by the numeric/bigint `ts` field (epoch millis / nanos), optional tiebreaker field. */
export function ordering(tiebreaker?: string): Ordering {
  return {
    timestamp: (ev) => {
      const t = rec(ev)['ts']
      return typeof t === 'number' || typeof t === 'bigint' ? t : undefined
    },
    tiebreaker:
      tiebreaker === undefined
        ? null
        : (ev) => {
            const t = rec(ev)[tiebreaker]
            return typeof t === 'number' || typeof t === 'string' ? t : undefined
          },
    timestampField: 'ts',
  }
}

/** One stage of a hand-made sequence or sample program. */
export interface StageSpec {
  readonly m: EventMatcher
  readonly keys?: readonly KeyReader[]
  readonly missing?: boolean
  readonly runs?: number
}

/** Size, pipes and ordering options shared by hand-made programs. */
export interface CommonSpec {
  readonly pipes?: readonly ResultPipe[]
  readonly size?: number | null
  readonly resultPosition?: 'head' | 'tail'
  readonly tiebreaker?: string
}

function common(c: CommonSpec) {
  return {
    ordering: ordering(c.tiebreaker),
    pipes: c.pipes ?? [],
    size: c.size ?? null,
    resultPosition: c.resultPosition ?? 'tail',
    span: span(0, 1),
    faults: newFaultSink(),
  } as const
}

function expand(specs: readonly StageSpec[]): ProgramStage[] {
  const out: ProgramStage[] = []
  specs.forEach((s, group) => {
    for (let r = 0; r < (s.runs ?? 1); r++) {
      out.push({ matcher: s.m, keys: s.keys ?? [], missing: s.missing ?? false, group, span: span(0, 1) })
    }
  })
  return out
}

/** An event query program over a hand-made matcher. */
export function eventProgram(m: EventMatcher, c: CommonSpec = {}): EventProgram {
  return { kind: 'event', matcher: m, ...common(c) }
}

/** A sequence program; `runs` expands a stage, `maxspan` is in milliseconds. */
export function sequenceProgram(
  stages: readonly StageSpec[],
  opts: CommonSpec & { until?: StageSpec; maxspan?: number } = {},
): SequenceProgram {
  const until = opts.until
  return {
    kind: 'sequence',
    stages: expand(stages),
    until:
      until === undefined
        ? null
        : { matcher: until.m, keys: until.keys ?? [], missing: false, group: stages.length, span: span(0, 1) },
    maxspanMillis: opts.maxspan ?? null,
    ...common(opts),
  }
}

/** A sample program; `perKey` is max_samples_per_key. */
export function sampleProgram(stages: readonly StageSpec[], opts: CommonSpec & { perKey?: number } = {}): SampleProgram {
  return { kind: 'sample', stages: expand(stages), maxSamplesPerKey: opts.perKey ?? 1, ...common(opts) }
}
