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
