import type { EventsLoaded } from '../../worker/protocol'

/**
 * Pure text for the events panel: sizes, load progress and the read-only summary the events editor
 * shows instead of a file's text (the page does not hold it).
 */

/** "512 B", "1.4 MB", "96.0 MB" (decimal units, as file managers show sizes). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`
  if (n < 1_000_000_000) return `${(n / 1_000_000).toFixed(1)} MB`
  return `${(n / 1_000_000_000).toFixed(2)} GB`
}

/** "1,204" */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

/** 0-100, whole numbers, for aria-valuenow; 0 when the size is unknown. */
export function percentOf(bytes: number, size: number): number {
  if (size <= 0) return 0
  return Math.max(0, Math.min(100, Math.floor((bytes / size) * 100)))
}

/** "1 event", "1,204 events" */
export function eventsCount(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'event' : 'events'}`
}

/** All problems of a load: the count may exceed the listed ones (capped in the worker). */
export function problemTotal(info: EventsLoaded): number {
  return info.problemCount ?? info.problems.length
}

/** What the events editor shows, read-only, while a file's events are current. */
export function fileSummary(name: string, size: number, info: EventsLoaded | null): string {
  const lines = [`// ${name} (${formatBytes(size)}) is loaded into the engine; its text is not kept in the page.`]
  if (info) {
    const problems = problemTotal(info)
    lines.push(`// ${eventsCount(info.eventCount)} read${problems > 0 ? `, ${formatCount(problems)} ${problems === 1 ? 'line' : 'lines'} could not be read (listed below)` : ''}.`)
  }
  lines.push('// Edit the text instead ("Edit text") or drop another file to replace these events.')
  return lines.join('\n')
}
