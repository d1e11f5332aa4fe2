import { useMemo, useState } from 'react'
import type { Histogram } from '../../worker/protocol'
import { bucketsOf, formatRange, histogramSummary, layoutHistogram } from './histogram'
import { plural } from './format-results'

/** Drawing space of the strip; the SVG stretches it to the panel's width. */
const WIDTH = 600
const HEIGHT = 48

/**
 * Events over time above the list, like Kibana's rule preview histogram: one bar per time bucket
 * for all events, the matched ones marked over it, and a tooltip per bucket on hover.
 */
export function Timeline({ histogram }: { histogram: Histogram }) {
  const buckets = useMemo(() => bucketsOf(histogram), [histogram])
  const layout = useMemo(() => layoutHistogram(buckets, { width: WIDTH, height: HEIGHT, gap: 1 }), [buckets])
  const [hovered, setHovered] = useState<number | null>(null)
  const bar = hovered === null ? undefined : layout.bars[hovered]
  return (
    <figure className="timeline" data-testid="timeline" onMouseLeave={() => setHovered(null)}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Timeline by ${histogram.field}: ${histogramSummary(buckets)}`}
        className="timeline-svg"
      >
        {layout.bars.map((b, i) => (
          <g key={i} data-testid="timeline-bucket" onMouseEnter={() => setHovered(i)}>
            {/* a full-height hit area, so a short bar is as easy to hover as a tall one */}
            <rect x={b.x} y={0} width={b.width} height={HEIGHT} className="timeline-hit" />
            <rect x={b.x} y={b.y} width={b.width} height={b.height} className="timeline-all" />
            {b.matchedHeight > 0 && <rect x={b.x} y={b.matchedY} width={b.width} height={b.matchedHeight} className="timeline-matched" />}
          </g>
        ))}
      </svg>
      {bar && (
        <div className="timeline-tooltip" role="tooltip" data-testid="timeline-tooltip" style={tooltipPlace((bar.x + bar.width / 2) / WIDTH)}>
          {bar.tooltip}
        </div>
      )}
      <figcaption className="timeline-axis">
        <span>{formatRange(histogram.from, histogram.to)} (UTC)</span>
        {histogram.undated > 0 && (
          <span className="timeline-undated">
            {plural(histogram.undated, 'event', 'events')} without a readable {histogram.field} ({histogram.undatedMatched} matched), not drawn
          </span>
        )}
      </figcaption>
    </figure>
  )
}

/** Centred under its bar, but kept inside the strip near either end. */
function tooltipPlace(at: number): { left: string; transform: string } {
  const shift = at < 0.2 ? '0' : at > 0.8 ? '-100%' : '-50%'
  return { left: `${at * 100}%`, transform: `translateX(${shift})` }
}
