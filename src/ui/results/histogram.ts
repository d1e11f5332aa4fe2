import { formatCount, plural } from './format-results'

/**
 * Layout of the timeline strip: one bar per time bucket, its height the bucket's event count, with
 * the matched part drawn over it (Kibana's rule preview histogram). Pure numbers in a fixed
 * coordinate space; the component draws them as SVG scaled to the panel's width.
 */

export interface TimeBucket {
  /** bucket start, ms since the epoch (inclusive) */
  readonly start: number
  /** bucket end, ms since the epoch (exclusive) */
  readonly end: number
  /** events whose timestamp falls in the bucket */
  readonly count: number
  /** of those, events the query matched */
  readonly matched: number
}

export interface HistogramBar {
  readonly x: number
  readonly width: number
  /** top of the all-events bar (y grows downwards, as in SVG) */
  readonly y: number
  readonly height: number
  /** top and height of the matched part, drawn from the same baseline */
  readonly matchedY: number
  readonly matchedHeight: number
  readonly tooltip: string
  readonly bucket: TimeBucket
}

export interface HistogramLayout {
  readonly width: number
  readonly height: number
  readonly bars: readonly HistogramBar[]
  readonly maxCount: number
}

export interface LayoutOptions {
  readonly width: number
  readonly height: number
  /** space between bars, in the same units */
  readonly gap?: number
}

/** A non-empty bucket never disappears: a single event among thousands still shows a sliver. */
const MIN_BAR = 1

/** Bars for `buckets` in a `width` x `height` box. */
export function layoutHistogram(buckets: readonly TimeBucket[], options: LayoutOptions): HistogramLayout {
  const { width, height } = options
  const maxCount = buckets.reduce((m, b) => Math.max(m, b.count), 0)
  if (buckets.length === 0) return { width, height, bars: [], maxCount }
  const slot = width / buckets.length
  const gap = Math.min(options.gap ?? 1, slot / 4)
  const scale = (n: number): number => (n <= 0 || maxCount === 0 ? 0 : Math.max(MIN_BAR, (n / maxCount) * height))
  const bars = buckets.map((bucket, i) => {
    const h = scale(bucket.count)
    const mh = Math.min(h, scale(bucket.matched))
    return {
      x: i * slot + gap / 2,
      width: Math.max(0, slot - gap),
      y: height - h,
      height: h,
      matchedY: height - mh,
      matchedHeight: mh,
      tooltip: bucketTooltip(bucket),
      bucket,
    }
  })
  return { width, height, bars, maxCount }
}

/** `2026-11-23 10:00:00 – 10:05:00: 40 events, 3 matches` (UTC, as the events store it). */
export function bucketTooltip(b: TimeBucket): string {
  return `${formatRange(b.start, b.end)}: ${plural(b.count, 'event', 'events')}, ${plural(b.matched, 'match', 'matches')}`
}

/** A time range in UTC, the end's date left out when it is the start's date. */
export function formatRange(start: number, end: number): string {
  const a = utc(start)
  const b = utc(end)
  return `${a.date} ${a.time} – ${a.date === b.date ? b.time : `${b.date} ${b.time}`}`
}

function utc(ms: number): { date: string; time: string } {
  const iso = new Date(ms).toISOString()
  const time = iso.slice(11, 23).replace(/\.000$/, '')
  return { date: iso.slice(0, 10), time }
}

/** The strip's summary for screen readers: `1,204 events in 30 buckets, 3 matched`. */
export function histogramSummary(buckets: readonly TimeBucket[]): string {
  const total = buckets.reduce((n, b) => n + b.count, 0)
  const matched = buckets.reduce((n, b) => n + b.matched, 0)
  return `${plural(total, 'event', 'events')} over time in ${formatCount(buckets.length)} buckets, ${formatCount(matched)} matched`
}

/** The worker's histogram (parallel count arrays over equal slices) as buckets. */
export function bucketsOf(h: { readonly from: number; readonly bucketMs: number; readonly all: readonly number[]; readonly matched: readonly number[] }): TimeBucket[] {
  return h.all.map((count, i) => ({ start: h.from + i * h.bucketMs, end: h.from + (i + 1) * h.bucketMs, count, matched: h.matched[i] ?? 0 }))
}
