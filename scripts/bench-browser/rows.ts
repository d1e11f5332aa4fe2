/**
 * The browser bench's measures turned into the table's rows (report.ts), with the issue's
 * targets: initial JS <= 100 kB gzip, load <= 3 s, keystroke p95 <= 100 / 400 / 800 ms, no long
 * task over 50 ms, tab memory <= 4x the file, a click during the load within 100 ms.
 */
import type { EventsFile } from './events-file'
import type { InitialJs } from './initial-js'
import type { EditsMeasure } from './measure-edits'
import type { LoadMeasure } from './measure-load'
import type { MemoryMeasure } from './measure-memory'
import type { LongTask } from './page-calls'
import type { BrowserRow } from './report'

/** Everything one bench run measured. */
export interface Measures {
  readonly sizes: { readonly big: number; readonly medium: number; readonly edits: number }
  readonly big: EventsFile
  readonly initialJs: InitialJs
  readonly sharedJs: { readonly gzipBytes: number | null; readonly raw: unknown } | null
  readonly load: LoadMeasure
  readonly editsMedium: EditsMeasure
  readonly editsBig: EditsMeasure
  readonly editsSequence: EditsMeasure
  readonly memory: MemoryMeasure
}

const n = (x: number): string => x.toLocaleString('en-US')
const ms = (x: number | null): string => (x === null ? '-' : `${x.toFixed(0)} ms`)

function editRow(label: string, m: EditsMeasure, target: number): BrowserRow {
  return {
    figure: `keystroke to updated highlights, ${label} (p95 of ${m.edits})`,
    value: m.p95,
    unit: 'ms',
    target,
    note: `keydown to the frame after data-${m.via}-seq shows the key's run; median ${ms(m.median)}, max ${ms(m.max)}; all: ${m.latencies.map((x) => x.toFixed(0)).join(' ')}; after: ${m.matchCount ?? '?'}`,
  }
}

function longTaskRow(label: string, tasks: readonly LongTask[]): BrowserRow {
  const longest = tasks.reduce((a, t) => Math.max(a, t.duration), 0)
  return {
    figure: `main-thread long tasks > 50 ms during ${label}`,
    value: tasks.length,
    unit: 'tasks',
    target: 0,
    note: tasks.length === 0 ? 'Long Tasks API (buffered observer installed before the app)' : `longest ${ms(longest)}; ${tasks.map((t) => t.duration.toFixed(0)).join(', ')} ms`,
  }
}

/** The table's rows, in the issue's order. */
export function buildRows(m: Measures): BrowserRow[] {
  const events = `${n(m.sizes.big)} events`
  const shared = m.sharedJs
  const fileMb = m.big.bytes / 1e6
  const runTasks = [...m.editsMedium.longTasks, ...m.editsBig.longTasks, ...m.editsSequence.longTasks]
  const c = m.load.clicks
  return [
    {
      figure: 'initial JS of the first paint, Monaco excluded (gzip)',
      value: m.initialJs.gzipBytes / 1000,
      unit: 'kB',
      target: 100,
      note: `${m.initialJs.files.length} files (entry, modulepreloads, JS fetched before first contentful paint at ${ms(m.initialJs.fcpMs)}), gzip -9 each, raw ${(m.initialJs.rawBytes / 1000).toFixed(1)} kB: ${m.initialJs.files.map((f, i) => `${f.slice(f.lastIndexOf('/') + 1)} ${((m.initialJs.fileGzipBytes[i] ?? 0) / 1000).toFixed(1)}${m.initialJs.fetchedEarly.includes(f) ? '*' : ''}`).join(', ')} (* = not named by index.html: a lazy chunk fetched before first paint)`,
    },
    {
      figure: 'initial JS per scripts/initial-js.mjs (cross-check)',
      value: shared?.gzipBytes == null ? null : shared.gzipBytes / 1000,
      unit: 'kB',
      target: 100,
      note: shared === null ? 'scripts/initial-js.mjs not there yet' : `measureInitialJs(distDir): ${JSON.stringify(shared.raw).slice(0, 200)}`,
    },
    {
      figure: `load ${fileMb.toFixed(0)} MB NDJSON (${events}) to results shown`,
      value: m.load.ms / 1000,
      unit: 's',
      target: 3,
      note: `file input change to the frame after the match count names ${events} with the run idle; load bar phases first seen at (ms): ${m.load.phases || 'none'}; results: ${m.load.matchCount ?? '?'}`,
    },
    {
      figure: 'load: longest time without visible progress',
      value: m.load.longestGapMs,
      unit: 'ms',
      target: null,
      note: `${m.load.samplesWithProgress} of ${m.load.samples} samples (every 50 ms) showed progress (load bar, or results busy with the first run); the bar advanced at ${m.load.samplesAdvancing}`,
    },
    editRow(`${n(m.sizes.medium)} events, event query`, m.editsMedium, 100),
    editRow(`${events}, event query`, m.editsBig, 400),
    editRow(`${events}, LaunchDaemon sequence`, m.editsSequence, 800),
    longTaskRow('the load', m.load.longTasks),
    longTaskRow('the runs (all edits)', runTasks),
    {
      figure: `memory of the tab holding ${events} (JS heaps)`,
      value: m.memory.heapBytes === null ? null : m.memory.heapBytes / 1e6,
      unit: 'MB',
      target: 4 * fileMb,
      note: `${m.memory.heapNote}; target 4x the file (${fileMb.toFixed(1)} MB)`,
    },
    {
      figure: 'renderer processes resident (RSS, for the record)',
      value: m.memory.rendererRssBytes === null ? null : m.memory.rendererRssBytes / 1e6,
      unit: 'MB',
      target: null,
      note: m.memory.rssNote,
    },
    {
      figure: 'click during the load, to the next frame (max)',
      value: c.count === 0 ? null : c.maxToFrameMs,
      unit: 'ms',
      target: 100,
      note:
        c.count === 0
          ? 'no click landed while the load bar showed'
          : `${c.count} clicks on "Rule settings" while loading; input delay max ${ms(c.maxInputDelayMs)}, to end of handlers max ${ms(c.maxHandledMs)}, Event Timing duration max ${ms(c.maxEventTimingMs)}`,
    },
  ]
}
