import { useMemo, useState } from 'react'
import type { SimulatedExecution } from '../../engine'
import { alertBarsSummary, alertBars } from './alerts-timeline'
import { isoShort } from './alerts-format'

const WIDTH = 600
const HEIGHT = 40

/**
 * Alerts over time: one bar per run (runs grouped when there are many), its height the alerts
 * the run wrote; a run at the cap is marked. Hover or focus a bar for its runs and counts.
 */
export function AlertsTimeline({ executions }: { executions: readonly SimulatedExecution[] }) {
  const bars = useMemo(() => alertBars(executions, { width: WIDTH, height: HEIGHT, maxBars: 120 }), [executions])
  const [hovered, setHovered] = useState<number | null>(null)
  const bar = hovered === null ? undefined : bars[hovered]
  const first = executions[0]
  const last = executions[executions.length - 1]
  return (
    <figure className="alerts-timeline" data-testid="alerts-timeline" onMouseLeave={() => setHovered(null)}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={`Alerts per run: ${alertBarsSummary(executions)}`}>
        {bars.map((b, i) => (
          <g key={i} data-testid="alerts-timeline-bar" data-alerts={b.alerts} onMouseEnter={() => setHovered(i)}>
            <rect x={b.x} y={0} width={b.width} height={HEIGHT} className="alerts-timeline-hit" />
            <rect x={b.x} y={b.y} width={b.width} height={b.height} className={b.atCap ? 'alerts-timeline-bar is-cap' : 'alerts-timeline-bar'} />
          </g>
        ))}
      </svg>
      {bar && (
        <div className="alerts-timeline-tooltip" role="tooltip" style={{ left: `${((bar.x + bar.width / 2) / WIDTH) * 100}%` }}>
          {bar.tooltip}
        </div>
      )}
      {first && last && (
        <figcaption className="alerts-timeline-axis">
          <span>{isoShort(first.runAt)}</span>
          <span>runs (UTC)</span>
          <span>{isoShort(last.runAt)}</span>
        </figcaption>
      )}
    </figure>
  )
}
