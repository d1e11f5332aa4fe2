/**
 * Timing helpers. Each measurement runs a few warm-up iterations first (so the JIT has compiled
 * the hot closures and the numbers describe steady state, as in a worker that has already run the
 * rule once), then reports the median of the timed runs, which ignores a stray GC pause.
 */
import { performance } from 'node:perf_hooks'

export interface Timing {
  /** median duration of one run, milliseconds */
  readonly medianMs: number
  /** fastest run, milliseconds */
  readonly bestMs: number
  readonly runs: number
}

export interface MeasureOptions {
  readonly warmup: number
  readonly runs: number
}

/** Runs `fn` warmup + runs times; `fn` returns something so the work cannot be optimised away. */
export function measure(fn: () => unknown, options: MeasureOptions): Timing {
  let sink: unknown = undefined
  for (let i = 0; i < options.warmup; i++) sink = fn()
  const times: number[] = []
  for (let i = 0; i < options.runs; i++) {
    const t0 = performance.now()
    sink = fn()
    times.push(performance.now() - t0)
  }
  keep(sink)
  times.sort((a, b) => a - b)
  const mid = Math.floor(times.length / 2)
  const median = times.length % 2 === 1 ? (times[mid] ?? 0) : ((times[mid - 1] ?? 0) + (times[mid] ?? 0)) / 2
  return { medianMs: median, bestMs: times[0] ?? 0, runs: times.length }
}

let kept = 0
/** Touches a result so V8 cannot drop the computation that produced it. */
function keep(value: unknown): void {
  if (value !== undefined) kept++
}

/** Events per second for `count` events processed in `ms` milliseconds. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : Number.POSITIVE_INFINITY
}
