import { performance } from 'node:perf_hooks'

/**
 * Benchmark rows and their two renderings: one aligned table for people, and `--json` (the same
 * rows with their ratio and verdict) for CI and trend tracking.
 *
 * Every target is stated as a ratio that reads the same way for times and throughputs: the time
 * taken over the time allowed. For a ceiling on a time (`<= 50 ms`) that is value / bound; for a
 * floor on a rate (`>= 5,000,000 events/s`) it is bound / value, i.e. the time per event taken
 * over the time per event allowed. So a ratio <= 1.00 is within target, whatever the unit.
 */

/** A target: the figure must be at most (a time, a size) or at least (a rate) `bound`. */
export interface Target {
  readonly at: 'most' | 'least'
  readonly bound: number
}

/** `<= bound` */
export const atMost = (bound: number): Target => ({ at: 'most', bound })
/** `>= bound` */
export const atLeast = (bound: number): Target => ({ at: 'least', bound })

export interface Row {
  readonly name: string
  readonly value: number
  readonly unit: string
  /** null: for information only */
  readonly target: Target | null
  /**
   * The events the figure was measured over and the size its target is stated for. A target is
   * judged only at that size: on a small CI run the row still runs, and says n/a instead of OVER.
   */
  readonly scale?: { readonly events: number; readonly full: number }
  /** megabytes of NDJSON per second, for rows that read the event set (comparable to JSON.parse) */
  readonly mbPerSec?: number
}

export type Verdict = 'ok' | 'OVER' | 'n/a'

export interface Judged {
  /** time taken / time allowed (<= 1: within target); null without a target or when not judged */
  readonly ratio: number | null
  /** null: the row has no target */
  readonly verdict: Verdict | null
}

/** The row's ratio to its target and whether it is met (see the module comment). */
export function judge(row: Row): Judged {
  if (row.target === null) return { ratio: null, verdict: null }
  if (row.scale !== undefined && row.scale.events < row.scale.full) return { ratio: null, verdict: 'n/a' }
  const { at, bound } = row.target
  const ratio = at === 'most' ? (bound > 0 ? row.value / bound : Number.POSITIVE_INFINITY) : row.value > 0 ? bound / row.value : Number.POSITIVE_INFINITY
  return { ratio, verdict: ratio <= 1 ? 'ok' : 'OVER' }
}

/** `1,234,567` with the en-US separators the whole table uses. */
const grouped = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

/** A value in its unit's usual precision. */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return String(value)
  if (unit === 'events/s' || unit === 'chars' || unit === 'bytes' || unit === 'events') return grouped(Math.round(value))
  if (unit === 'ms') return grouped(value, value < 10 ? 2 : 1)
  if (unit === 'MB' || unit === 'MB/s') return grouped(value, 1)
  return value.toFixed(3)
}

/** `<= 50 ms`, `>= 5,000,000 events/s`, `<= 1` (a ratio): bounds are round numbers, shown whole. */
export function formatTarget(target: Target, unit: string): string {
  const bound = Number.isInteger(target.bound) ? grouped(target.bound) : String(target.bound)
  return `${target.at === 'most' ? '<=' : '>='} ${bound}${unit === 'ratio' ? '' : ` ${unit}`}`
}

/** The ratio cell: `0.42x of budget`, or why the target is not judged. */
export function formatRatio(row: Row, judged: Judged = judge(row)): string {
  if (judged.verdict === 'n/a') return 'n/a at small size'
  if (judged.ratio === null) return ''
  if (!Number.isFinite(judged.ratio)) return 'inf x of budget'
  return `${judged.ratio < 0.01 ? '<0.01' : judged.ratio.toFixed(2)}x of budget`
}

/** The header printed above the table: what the ratio means. */
export const RATIO_LEGEND =
  'ratio = time taken / time allowed (for a rate: target rate / measured rate): <= 1.00x is within target, for times and rates alike.\n' +
  'A target is judged only when its row ran at the size the target is stated for (200,000 events; 10,000 and 500 where named); smaller runs say n/a.'

/** `notes`: lines printed under the legend (e.g. that times are CPU time). */
export function renderTable(rows: readonly Row[], notes: readonly string[] = []): string {
  const cells = rows.map((r) => {
    const judged = judge(r)
    return [
      r.name,
      formatValue(r.value, r.unit),
      r.unit,
      r.mbPerSec === undefined ? '' : formatValue(r.mbPerSec, 'MB/s'),
      r.target === null ? '' : formatTarget(r.target, r.unit),
      formatRatio(r, judged),
      judged.verdict === null || judged.verdict === 'n/a' ? '' : judged.verdict,
    ]
  })
  const header = ['figure', 'value', 'unit', 'MB/s', 'target', 'ratio', '']
  const rightAligned = new Set([1, 3])
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)))
  const line = (c: readonly string[]): string =>
    c.map((s, i) => (rightAligned.has(i) ? s.padStart(widths[i] ?? 0) : s.padEnd(widths[i] ?? 0))).join('  ').trimEnd()
  return [RATIO_LEGEND, ...notes, '', line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
}

/**
 * The rows as JSON: each with its target as text, ratio (null when not judged) and verdict;
 * `clock: "cpu"` on every row when times are CPU time.
 */
export function renderJson(rows: readonly Row[], clockName: 'wall' | 'cpu' = 'wall'): string {
  const round = (n: number): number => (Number.isFinite(n) ? Number(n.toPrecision(6)) : n)
  return JSON.stringify(
    rows.map((r) => {
      const { ratio, verdict } = judge(r)
      return {
        name: r.name,
        value: round(r.value),
        unit: r.unit,
        target: r.target === null ? null : `${r.target.at === 'most' ? '<=' : '>='} ${r.target.bound}`,
        ratio: ratio === null || !Number.isFinite(ratio) ? null : round(ratio),
        verdict,
        ...(r.scale === undefined ? {} : { events: r.scale.events, fullSize: r.scale.full }),
        ...(r.mbPerSec === undefined ? {} : { mbPerSec: round(r.mbPerSec) }),
        ...(clockName === 'cpu' ? { clock: 'cpu' } : {}),
      }
    }),
    null,
    2,
  )
}

// ---- timing: warm-up runs first (the JIT has compiled the hot closures, as in a worker that has
// already run the rule once), then the median of the timed runs, which ignores a stray GC pause;
// p95 and max for the figures the issue states as a percentile or a worst case.

export interface Timing {
  /** median duration of one run, milliseconds */
  readonly medianMs: number
  /** 95th percentile (nearest rank), milliseconds */
  readonly p95Ms: number
  /** fastest run, milliseconds */
  readonly bestMs: number
  /** slowest run, milliseconds */
  readonly maxMs: number
  /** the first timed run (the cold one when there was no warm-up), milliseconds */
  readonly firstMs: number
  readonly runs: number
}

export interface MeasureOptions {
  readonly warmup: number
  readonly runs: number
}

let clock: () => number = () => performance.now()

/** The clock every figure reads, in ms: wall time unless `useCpuClock` was called. */
export function now(): number {
  return clock()
}

/**
 * Reads CPU time of the process (user + system, all its threads) instead of wall time. On a
 * machine shared with other work, wall times grow with everyone's load; CPU time of work that runs
 * on one thread is close to what the wall time would be on a quiet machine (GC helper threads
 * count too, so it errs high).
 */
export function useCpuClock(): void {
  clock = () => {
    const u = process.cpuUsage()
    return (u.user + u.system) / 1000
  }
}

/** Nearest-rank percentile of ascending `sorted` (p in 0..100); 0 for an empty list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1] ?? 0
}

/** Summary of run durations, in the order they ran. */
export function summarize(durations: readonly number[]): Timing {
  const times = [...durations].sort((a, b) => a - b)
  const mid = Math.floor(times.length / 2)
  const median = times.length % 2 === 1 ? (times[mid] ?? 0) : ((times[mid - 1] ?? 0) + (times[mid] ?? 0)) / 2
  return { medianMs: median, p95Ms: percentile(times, 95), bestMs: times[0] ?? 0, maxMs: times[times.length - 1] ?? 0, firstMs: durations[0] ?? 0, runs: times.length }
}

/**
 * Runs `fn` warmup + runs times (passing the run number, so each run can be a different edit);
 * `fn` returns something so the work cannot be optimised away.
 */
export function measure(fn: (run: number) => unknown, options: MeasureOptions): Timing {
  let sink: unknown = undefined
  for (let i = 0; i < options.warmup; i++) sink = fn(-1 - i)
  const times: number[] = []
  for (let i = 0; i < options.runs; i++) {
    const t0 = now()
    sink = fn(i)
    times.push(now() - t0)
  }
  keep(sink)
  return summarize(times)
}

/** `measure` for asynchronous work (the share codec runs on streams). */
export async function measureAsync(fn: (run: number) => Promise<unknown>, options: MeasureOptions): Promise<Timing> {
  let sink: unknown = undefined
  for (let i = 0; i < options.warmup; i++) sink = await fn(-1 - i)
  const times: number[] = []
  for (let i = 0; i < options.runs; i++) {
    const t0 = now()
    sink = await fn(i)
    times.push(now() - t0)
  }
  keep(sink)
  return summarize(times)
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
