/**
 * Layout of the alerts timeline: one bar per execution (runs grouped into one bar when there are
 * more runs than bars fit, e.g. a month of 5-minute runs), its height the alerts those runs wrote,
 * with duplicates and drops counted in its tooltip. Pure numbers in a fixed drawing space; the
 * component draws them as SVG stretched to the panel.
 */
import type { SimulatedExecution } from '../../engine'
import { isoShort } from './alerts-format'

export interface AlertBar {
  readonly x: number
  readonly width: number
  readonly y: number
  readonly height: number
  /** first and last run of the bar (epoch ms) */
  readonly from: number
  readonly to: number
  readonly runs: number
  readonly alerts: number
  readonly duplicates: number
  readonly dropped: number
  readonly atCap: boolean
  readonly tooltip: string
}

export interface AlertBarsOptions {
  readonly width: number
  readonly height: number
  /** most bars drawn; runs are grouped evenly beyond it */
  readonly maxBars: number
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}

/** Bars over the executions in run order; [] for no executions. */
export function alertBars(executions: readonly SimulatedExecution[], o: AlertBarsOptions): AlertBar[] {
  if (executions.length === 0) return []
  const per = Math.max(1, Math.ceil(executions.length / Math.max(1, o.maxBars)))
  const groups: SimulatedExecution[][] = []
  for (let i = 0; i < executions.length; i += per) groups.push(executions.slice(i, i + per))
  const sums = groups.map((g) => ({
    runs: g.length,
    from: g[0]?.runAt ?? 0,
    to: g[g.length - 1]?.runAt ?? 0,
    alerts: g.reduce((n, x) => n + x.alerts, 0),
    duplicates: g.reduce((n, x) => n + x.duplicates, 0),
    dropped: g.reduce((n, x) => n + x.dropped, 0),
    atCap: g.some((x) => x.atCap),
  }))
  const top = Math.max(1, ...sums.map((s) => s.alerts))
  const slot = o.width / sums.length
  const gap = slot > 3 ? 1 : 0
  return sums.map((s, i) => {
    // a bar with any alert is at least 2 units tall, so one alert among hundreds still shows
    const h = s.alerts === 0 ? 0 : Math.max(2, (s.alerts / top) * o.height)
    const when = s.runs === 1 ? `run at ${isoShort(s.from)}` : `${plural(s.runs, 'run', 'runs')} ${isoShort(s.from)} – ${isoShort(s.to)}`
    const extra = [
      s.duplicates > 0 ? plural(s.duplicates, 'duplicate', 'duplicates') : '',
      s.dropped > 0 ? `${s.dropped.toLocaleString('en-US')} dropped at the cap` : '',
    ].filter((t) => t !== '')
    return {
      x: i * slot,
      width: Math.max(0.5, slot - gap),
      y: o.height - h,
      height: h,
      ...s,
      tooltip: [`${plural(s.alerts, 'alert', 'alerts')} · ${when}`, ...extra].join(' · '),
    }
  })
}

/** "5 alerts in 3 of 40 runs": the strip's accessible name. */
export function alertBarsSummary(executions: readonly SimulatedExecution[]): string {
  const withAlerts = executions.filter((x) => x.alerts > 0).length
  const alerts = executions.reduce((n, x) => n + x.alerts, 0)
  return `${plural(alerts, 'alert', 'alerts')} in ${withAlerts.toLocaleString('en-US')} of ${plural(executions.length, 'run', 'runs')}`
}
