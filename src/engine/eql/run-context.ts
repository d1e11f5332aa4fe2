import { makeDiagnostic, type Diagnostic, type Params } from '../diagnostics/diagnostic'
import type { Span } from '../source/span'
import { RUN_CODES, type RunCode } from './codes-run'
import { DEFAULT_MAX_PENDING, type RunLimits } from './program'

/** How often (in events) the hot loops poll `shouldStop`: cheap enough to vanish in the loop. */
export const POLL_MASK = 4095

/**
 * State shared by one run: diagnostics, limits and the stop flag. Loops call
 * `if ((i & POLL_MASK) === 0 && ctx.shouldStop(i)) break` so polling costs one AND per event.
 */
export class RunContext {
  readonly diagnostics: Diagnostic[] = []
  readonly maxPending: number
  private stopped = false
  /** events processed when the run was stopped */
  private stoppedAt = 0
  private readonly poll: (() => boolean) | undefined
  /** hidden events by input index (RunLimits.excluded); undefined when none */
  readonly excluded: Uint8Array | undefined
  /** whether matched events carry their hits (RunLimits.hits) */
  readonly hits: boolean

  constructor(
    limits: RunLimits | undefined,
    /** the query's span, for diagnostics about the whole query */
    readonly span: Span,
  ) {
    const max = limits?.maxPendingSequences
    this.maxPending = max !== undefined && Number.isFinite(max) && max >= 1 ? Math.floor(max) : DEFAULT_MAX_PENDING
    this.poll = limits?.shouldStop
    this.excluded = limits?.excluded instanceof Uint8Array ? limits.excluded : undefined
    this.hits = limits?.hits !== false
  }

  /** Polls the caller; once it says stop, records EQL3003 and keeps answering true. */
  shouldStop(processed: number): boolean {
    if (this.stopped) return true
    if (this.poll === undefined || !this.poll()) return false
    this.stopped = true
    this.stoppedAt = processed
    this.report('stopped', { count: processed })
    return true
  }

  /** How many events the run looked at: all of them unless it was stopped. */
  eventCount(total: number): number {
    return this.stopped ? Math.min(total, this.stoppedAt) : total
  }

  report(code: RunCode, params?: Params): void {
    this.diagnostics.push(makeDiagnostic(RUN_CODES[code], this.span, params))
  }
}
