/**
 * Words and rows for the alerts view, pure so Vitest can read them: the summary line, the
 * schedule, the executions table (runs that saw no event folded into one line, since a long time
 * range has thousands of them), what a rule type adds to an alert, and the key fields of an alert
 * document shown before the whole document.
 */
import type { AlertDocument, RuleSchedule, RuleSimulation, SimulatedAlert, SimulatedExecution } from '../../engine'

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}

/** "3 alerts over 12 runs · 1 duplicate · 0 dropped at the cap": the totals an analyst reads first. */
export function summaryText(sim: RuleSimulation): string {
  const t = sim.totals
  return [
    `${count(t.alerts, 'alert', 'alerts')} over ${count(t.executions, 'run', 'runs')}`,
    count(t.duplicates, 'duplicate', 'duplicates'),
    `${t.dropped.toLocaleString('en-US')} dropped at the cap`,
  ].join(' · ')
}

/** "threshold rule · every 5m, look-back now-9m, max 100 (timestamp event.ingested)". */
export function scheduleText(ruleType: string | null, s: RuleSchedule): string {
  const type = ruleType === null ? 'not simulated' : `${ruleType} rule`
  const to = s.to !== undefined && s.to !== 'now' ? ` to ${s.to}` : ''
  const ts = s.timestampOverride !== undefined ? ` (timestamp ${s.timestampOverride})` : ''
  return `${type} · every ${s.interval}, look-back ${s.from}${to}, max ${s.maxSignals}${ts}`
}

/** ISO time without milliseconds when they are zero; "-" for a time that is not one. */
export function isoShort(ms: number): string {
  if (!Number.isFinite(ms)) return '-'
  const d = new Date(ms)
  return Number.isNaN(d.getTime()) ? '-' : d.toISOString().replace('.000Z', 'Z')
}

/** "12:01:00Z – 12:10:00Z": times only when the window lies on the run's day. */
export function windowText(x: Pick<SimulatedExecution, 'runAt' | 'windowFrom' | 'windowTo'>): string {
  const day = isoShort(x.runAt).slice(0, 10)
  const short = (s: string) => (s.slice(0, 10) === day ? s.slice(11) : s)
  return `${short(isoShort(x.windowFrom))} – ${short(isoShort(x.windowTo))}`
}

/** One line of the executions table: a run that saw events, or a stretch of runs that saw none. */
export type ExecutionRow =
  | { readonly kind: 'run'; readonly execution: SimulatedExecution }
  | { readonly kind: 'quiet'; readonly runs: number; readonly first: SimulatedExecution; readonly last: SimulatedExecution }

/**
 * Runs with events (or any alert, duplicate or drop) one per row; consecutive runs that saw
 * nothing folded into one row, so the table stays short over a long time range.
 */
export function executionRows(executions: readonly SimulatedExecution[]): ExecutionRow[] {
  const rows: ExecutionRow[] = []
  let quiet: SimulatedExecution[] = []
  const flush = () => {
    const first = quiet[0]
    const last = quiet[quiet.length - 1]
    if (first !== undefined && last !== undefined) rows.push({ kind: 'quiet', runs: quiet.length, first, last })
    quiet = []
  }
  for (const x of executions) {
    if (x.eventsInWindow === 0 && x.alerts === 0 && x.duplicates === 0 && x.dropped === 0) {
      quiet.push(x)
    } else {
      flush()
      rows.push({ kind: 'run', execution: x })
    }
  }
  flush()
  return rows
}

/** What the alert's rule type adds: threshold terms, count and cardinality; new terms; a sequence's size. */
export function alertDetailsText(a: SimulatedAlert): string {
  const d = a.detection.details
  if (d === undefined) return ''
  switch (d.kind) {
    case 'threshold': {
      const terms = d.terms.map((t) => `${t.field}: ${String(t.value)}`).join(', ')
      const card = (d.cardinality ?? []).map((c) => ` · ${count(c.value, `distinct ${c.field}`, `distinct ${c.field}`)}`).join('')
      return `${terms === '' ? 'all events' : terms} · ${count(d.count, 'event', 'events')}${card}`
    }
    case 'new_terms':
      return `new terms: ${d.newTerms.map((v) => String(v)).join(', ')}`
    case 'sequence':
      return `sequence of ${count(a.detection.eventIndexes.length, 'event', 'events')}, written with ${count(a.buildingBlocks.length, 'building-block alert', 'building-block alerts')}`
  }
}

/** The fields an analyst reads first in an alert document, in this order (when present). */
export const KEY_FIELDS = [
  'kibana.alert.rule.name',
  'kibana.alert.rule.type',
  'kibana.alert.severity',
  'kibana.alert.risk_score',
  'kibana.alert.reason',
  'kibana.alert.original_time',
  '@timestamp',
  'kibana.alert.threshold_result',
  'kibana.alert.new_terms',
  'kibana.alert.building_block_type',
  'kibana.alert.group.id',
  'kibana.alert.depth',
  'kibana.alert.uuid',
] as const

/** A field of a document with its value as text (JSON for objects and arrays). */
export interface FieldLine {
  readonly field: string
  readonly value: string
}

function valueText(v: unknown): string {
  if (typeof v === 'string') return v
  if (v === undefined) return ''
  try {
    return JSON.stringify(v) ?? String(v)
  } catch {
    return String(v)
  }
}

/** The key fields of an alert document that it has, in KEY_FIELDS order. */
export function keyFieldsOf(doc: AlertDocument): FieldLine[] {
  return KEY_FIELDS.filter((f) => Object.prototype.hasOwnProperty.call(doc, f)).map((f) => ({ field: f, value: valueText(doc[f]) }))
}

/** Every top-level field of the document, key fields first, then the rest by name. */
export function allFieldsOf(doc: AlertDocument): FieldLine[] {
  const key = new Set<string>(KEY_FIELDS)
  const rest = Object.keys(doc)
    .filter((f) => !key.has(f))
    .sort()
    .map((f) => ({ field: f, value: valueText(doc[f]) }))
  return [...keyFieldsOf(doc), ...rest]
}

/** A string field of the document, or the fallback. */
export function docText(doc: AlertDocument, field: string, fallback = '-'): string {
  const v = doc[field]
  return typeof v === 'string' || typeof v === 'number' ? String(v) : fallback
}

/**
 * Sentences that explain the duplicates and drops the totals count, only when there are any: an
 * analyst tuning alert volume needs to know a duplicate was not written twice and a drop may be.
 */
export function explainTotals(sim: RuleSimulation): string[] {
  const t = sim.totals
  const out: string[] = []
  if (t.duplicates > 0) {
    out.push(
      `Look-back windows overlap (${sim.schedule.from} every ${sim.schedule.interval}): ${count(t.duplicates, 'detection was', 'detections were')} seen again by a later run, and the engine wrote each alert once.`,
    )
  }
  if (t.dropped > 0) {
    const never = t.neverWritten > 0 ? `; ${count(t.neverWritten, 'was', 'were')} never written by any run` : '; later runs wrote them all'
    out.push(`${count(t.executionsAtCap, 'run', 'runs')} reached max_signals (${sim.schedule.maxSignals}) and dropped ${count(t.dropped, 'detection', 'detections')}${never}.`)
  }
  return out
}
