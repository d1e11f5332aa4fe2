/**
 * Text output of `rule-playground alerts`: the executions table, the alerts table and the totals
 * line. Pure (strings in, string out) so tests can read it without a terminal.
 */
import type { RuleSimulation, SimulatedAlert, SimulatedExecution } from '../../engine/alerts'

/** ISO time without milliseconds when they are zero (easier to read in a table). */
export function isoShort(ms: number): string {
  if (!Number.isFinite(ms)) return '-'
  const d = new Date(ms)
  return Number.isNaN(d.getTime()) ? '-' : d.toISOString().replace('.000Z', 'Z')
}

/** Columns padded to their widest cell; the last column is not padded. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

/** "12:00:00Z" when the window starts on the run's day, the whole time otherwise. */
function windowText(x: SimulatedExecution): string {
  const from = isoShort(x.windowFrom)
  const to = isoShort(x.windowTo)
  const day = isoShort(x.runAt).slice(0, 10)
  const short = (s: string) => (s.slice(0, 10) === day ? s.slice(11) : s)
  return `${short(from)} .. ${short(to)}`
}

function executionRow(x: SimulatedExecution): string[] {
  return [
    String(x.index + 1),
    isoShort(x.runAt),
    windowText(x),
    String(x.eventsInWindow),
    String(x.alerts),
    String(x.duplicates),
    String(x.dropped),
    x.atCap ? 'at cap' : '',
  ]
}

/** What the alert's rule type adds: threshold terms and count, new terms, a sequence's size. */
export function alertDetails(a: SimulatedAlert): string {
  const d = a.detection.details
  if (d === undefined) return ''
  switch (d.kind) {
    case 'threshold': {
      const terms = d.terms.map((t) => `${t.field}=${String(t.value)}`).join(', ')
      const card = (d.cardinality ?? []).map((c) => `, ${c.value} distinct ${c.field}`).join('')
      return `${terms === '' ? 'all events' : terms}: ${d.count} events${card}`
    }
    case 'new_terms':
      return `new: ${d.newTerms.map((v) => String(v)).join(', ')}`
    case 'sequence':
      return `sequence of ${a.detection.eventIndexes.length} events (+${a.buildingBlocks.length} building blocks)`
  }
}

function alertRow(a: SimulatedAlert): string[] {
  const doc = a.document
  const time = typeof doc['kibana.alert.original_time'] === 'string' ? doc['kibana.alert.original_time'].replace('.000Z', 'Z') : '-'
  return [
    time,
    String(a.execution + 1),
    `${String(doc['kibana.alert.severity'])}/${String(doc['kibana.alert.risk_score'])}`,
    `events ${a.detection.eventIndexes.join(',')}`,
    alertDetails(a),
    String(doc['kibana.alert.reason'] ?? ''),
  ]
}

/**
 * The report: executions that saw events (a line says how many saw none), the alerts, totals.
 * Runs with an empty window are left out of the table: a long time range has thousands of them.
 */
export function formatSimulation(sim: RuleSimulation, ruleName: string): string {
  const out: string[] = []
  const seen = sim.executions.filter((x) => x.eventsInWindow > 0)
  const s = sim.schedule
  out.push(`rule: ${ruleName} (${sim.ruleType ?? 'not simulated'}); every ${s.interval}, from ${s.from}, max_signals ${s.maxSignals}${s.timestampOverride ? `, timestamp_override ${s.timestampOverride}` : ''}`)
  out.push('')
  out.push('executions')
  out.push(table(['#', 'run at', 'window', 'events', 'alerts', 'duplicates', 'dropped', ''], seen.map(executionRow)))
  const empty = sim.executions.length - seen.length
  if (empty > 0) out.push(`(${empty} more run${empty === 1 ? '' : 's'} saw no event)`)
  out.push('')
  out.push('alerts')
  out.push(sim.alerts.length === 0 ? '(none)' : table(['original time', 'run', 'severity/risk', 'events', 'details', 'reason'], sim.alerts.map(alertRow)))
  out.push('')
  const t = sim.totals
  out.push(
    `${t.alerts} alert${t.alerts === 1 ? '' : 's'} (${t.documents} document${t.documents === 1 ? '' : 's'}) over ${t.executions} execution${t.executions === 1 ? '' : 's'}; ` +
      `${t.duplicates} duplicate${t.duplicates === 1 ? '' : 's'}, ${t.dropped} dropped (${t.neverWritten} never written), ${t.executionsAtCap} at cap; ` +
      `${t.excepted} excepted, ${t.filteredOut} filtered out, ${t.eventsWithoutTime} without time, ${t.eventsInNoWindow} in no window`,
  )
  return out.join('\n') + '\n'
}
