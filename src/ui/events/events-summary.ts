import type { EventsLoadState, EventsSettling } from '../../state/events-slice'
import type { EventsLoaded } from '../../worker/protocol'
import { formatBytes } from '../../state/file-admission'

/**
 * Pure text for the events panel: sizes, load progress and the read-only summary the events editor
 * shows instead of a file's text (the page does not hold it).
 */

// Sizes read the same in the panel and in the refusal messages: one formatter.
export { formatBytes }

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

/**
 * Where a file load is: `reading` bytes (cancellable), `indexing` once the worker has every byte
 * (the last lines, the schema), `running` the rule over the events that are now current.
 */
export interface LoadPhase {
  readonly phase: 'reading' | 'indexing' | 'running'
  readonly name: string
  readonly percent: number
  readonly bytes: number
  readonly size: number
  readonly events: number
  readonly problems: number
  /** for assistive technology: the same facts as the text, shorter */
  readonly valueText: string
}

export function loadPhaseOf(load: EventsLoadState | null, settling: EventsSettling | null): LoadPhase | null {
  if (load) {
    const indexing = load.size > 0 && load.bytes >= load.size
    const percent = percentOf(load.bytes, load.size)
    const base = { name: load.name, percent, bytes: load.bytes, size: load.size, events: load.events, problems: load.problems }
    return indexing ? { ...base, phase: 'indexing', valueText: `indexing ${eventsCount(load.events)}` } : { ...base, phase: 'reading', valueText: `${percent}%, ${eventsCount(load.events)}` }
  }
  if (!settling) return null
  return { phase: 'running', name: settling.name, percent: 100, bytes: settling.size, size: settling.size, events: settling.events, problems: 0, valueText: `running the rule over ${eventsCount(settling.events)}` }
}

/** "12.0 MB of 96.0 MB · 24,000 events · 2 bad lines", "Indexing 200,000 events…", "Running the rule over 200,000 events…" */
export function loadText(p: LoadPhase): string {
  const bad = p.problems > 0 ? ` · ${formatCount(p.problems)} bad ${p.problems === 1 ? 'line' : 'lines'}` : ''
  if (p.phase === 'indexing') return `Indexing ${eventsCount(p.events)}…${bad}`
  if (p.phase === 'running') return `Running the rule over ${eventsCount(p.events)}…`
  return `${formatBytes(p.bytes)} of ${formatBytes(p.size)} · ${eventsCount(p.events)}${bad}`
}
