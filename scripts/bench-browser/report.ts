/**
 * The browser bench's table: each figure with its value, its target and the ratio value/target
 * (<= 1.00 is within the target), then ok or OVER. At the small size (CI) the figures are only
 * there to show every row still works: ratios read "n/a at small size".
 */

/** One figure of the table. */
export interface BrowserRow {
  readonly figure: string
  /** the measured value in `unit`, or null when not measured */
  readonly value: number | null
  readonly unit: string
  /** at most this (same unit); 0 means "none" (a count); null: no target, shown for the record */
  readonly target: number | null
  /** how the value was measured, or why it is missing */
  readonly note: string
}

/** ok / OVER / n/a, and the ratio text. */
export function verdictOf(row: BrowserRow, small: boolean): { ratio: string; verdict: string } {
  if (row.value === null) return { ratio: '-', verdict: 'not measured' }
  if (row.target === null) return { ratio: '-', verdict: '' }
  if (small) return { ratio: 'n/a at small size', verdict: '' }
  if (row.target === 0) return { ratio: '-', verdict: row.value === 0 ? 'ok' : 'OVER' }
  const ratio = row.value / row.target
  return { ratio: ratio.toFixed(2), verdict: ratio <= 1 ? 'ok' : 'OVER' }
}

function formatValue(value: number | null, unit: string): string {
  if (value === null) return '-'
  const digits = unit === 's' ? 2 : unit === 'kB' || unit === 'MB' ? 1 : Number.isInteger(value) ? 0 : 0
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`
}

function formatTarget(row: BrowserRow): string {
  if (row.target === null) return '-'
  if (row.target === 0) return 'none'
  return `<= ${formatValue(row.target, row.unit)}`
}

/** The rows as an aligned text table, notes below it. */
export function renderBrowserTable(rows: readonly BrowserRow[], small: boolean): string {
  const header = ['figure', 'value', 'target', 'ratio', '']
  const lines = rows.map((r) => {
    const v = verdictOf(r, small)
    return [r.figure, formatValue(r.value, r.unit), formatTarget(r), v.ratio, v.verdict]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  const fmt = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  const out = [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)]
  out.push('', 'how:')
  rows.forEach((r) => out.push(`  ${r.figure}: ${r.note}`))
  return out.join('\n')
}

/** The rows as JSON (value, target, ratio and verdict per figure). */
export function renderBrowserJson(rows: readonly BrowserRow[], small: boolean, extra: Record<string, unknown>): string {
  return JSON.stringify(
    {
      small,
      rows: rows.map((r) => ({ ...r, ...verdictOf(r, small) })),
      ...extra,
    },
    null,
    2,
  )
}

/**
 * One row per figure from several sessions' rows (same figures, same order): the median value
 * (nearest rank) of those measured, the note of the first session with every value appended.
 */
export function medianRows(sessions: readonly (readonly BrowserRow[])[]): BrowserRow[] {
  const first = sessions[0] ?? []
  return first.map((row, i) => {
    const values = sessions.flatMap((rows) => {
      const v = rows[i]?.value
      return v === null || v === undefined ? [] : [v]
    })
    const sorted = [...values].sort((a, b) => a - b)
    const median = sorted.length === 0 ? null : (sorted[Math.ceil(sorted.length / 2) - 1] ?? null)
    const each = values.map((v) => (Number.isInteger(v) ? String(v) : v.toFixed(2))).join(', ')
    return { ...row, value: median, note: `${row.note}; median of ${values.length} of ${sessions.length} sessions (${each})` }
  })
}
