import { performance } from 'node:perf_hooks'

/**
 * Benchmark rows and their two renderings: an aligned table for people, and `--json` (an array of
 * {name, value, unit, target}) for CI and trend tracking. `target` is a string with its direction
 * (">= 5000000", "< 1") because some figures are floors and others ceilings; null means "for
 * information only".
 */
export interface Row {
  readonly name: string
  readonly value: number
  readonly unit: string
  readonly target: string | null
}

/** true / false when the row has a target, null otherwise */
export function meetsTarget(row: Row): boolean | null {
  if (row.target === null) return null
  const m = /^(>=|<=|<|>)\s*([\d.e+]+)$/.exec(row.target)
  if (!m) return null
  const bound = Number(m[2])
  switch (m[1]) {
    case '>=':
      return row.value >= bound
    case '<=':
      return row.value <= bound
    case '<':
      return row.value < bound
    default:
      return row.value > bound
  }
}

function formatValue(row: Row): string {
  if (row.unit === 'events/s') return Math.round(row.value).toLocaleString('en-US')
  return row.value.toFixed(3)
}

export function renderTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => {
    const ok = meetsTarget(r)
    return [r.name, formatValue(r), r.unit, r.target ?? '', ok === null ? '' : ok ? 'ok' : 'MISSED']
  })
  const header = ['measure', 'value', 'unit', 'target', '']
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)))
  const line = (c: readonly string[]): string =>
    c.map((s, i) => (i === 1 ? s.padStart(widths[i] ?? 0) : s.padEnd(widths[i] ?? 0))).join('  ').trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
}

export function renderJson(rows: readonly Row[]): string {
  return JSON.stringify(
    rows.map((r) => ({ name: r.name, value: Number(r.value.toPrecision(6)), unit: r.unit, target: r.target })),
    null,
    2,
  )
}

// ---- timing: warm-up runs first (the JIT has compiled the hot closures, as in a worker that has
// already run the rule once), then the median of the timed runs, which ignores a stray GC pause.

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
