/**
 * The measured load: a file chosen through the page's file input, timed in the page from the
 * input's change to the frame after the results show its event count with the run idle; the
 * load bar sampled every 50 ms in between; and, at intervals during the load, a real mouse click
 * on a cheap control (the "Rule settings" toggle) timed in the page (page-probes.ts).
 */
import type { Page } from '@playwright/test'
import type { EventsFile } from './events-file'
import { call, longTasks, longTasksIn, type LongTask } from './page-calls'

interface Sample {
  readonly t: number
  readonly bar: boolean
  readonly value: string | null
  readonly busy: boolean
  /** the load bar's data-load-phase (reading, then what follows the last byte), if any */
  readonly phase: string | null
}

interface ClickRecord {
  readonly at: number
  readonly captureAt: number
  readonly handledAt: number | null
  readonly frameAt: number | null
  readonly duringLoad: boolean
}

interface EventTiming {
  readonly name: string
  readonly start: number
  readonly processingStart: number
  readonly processingEnd: number
  readonly duration: number
}

/** What one measured load gave. */
export interface LoadMeasure {
  readonly ms: number
  readonly matchCount: string | null
  readonly samples: number
  /** samples showing progress: the load bar, or the results panel busy with the first run */
  readonly samplesWithProgress: number
  /** samples where the load bar's text had changed since the sample before */
  readonly samplesAdvancing: number
  /** longest time with no visible change of the load bar (appearing, advancing or going) */
  readonly longestGapMs: number
  /** when each load phase was first sampled, ms after the change event ("reading 0, indexing 1900") */
  readonly phases: string
  readonly longTasks: LongTask[]
  readonly clicks: ClickMeasure
  readonly window: { readonly from: number; readonly to: number }
}

/** Clicks made while the file loaded. */
export interface ClickMeasure {
  readonly count: number
  /** input arrival to the end of the app's handlers (input delay + processing) */
  readonly maxHandledMs: number | null
  /** input arrival to the next frame */
  readonly maxToFrameMs: number | null
  /** Event Timing: the longest click entry duration (to the next paint, 8 ms steps; entries under 16 ms are not reported) */
  readonly maxEventTimingMs: number | null
  readonly maxInputDelayMs: number | null
}

function progressFigures(samples: readonly Sample[], t0: number, doneAt: number): Pick<LoadMeasure, 'samplesWithProgress' | 'samplesAdvancing' | 'longestGapMs'> {
  let withProgress = 0
  let advancing = 0
  let last: string | null = null
  let lastChangeAt = t0
  let longest = 0
  for (const s of samples) {
    if (s.bar || s.busy) withProgress++
    const shown = s.bar ? (s.value ?? '') : null
    if (shown !== last) {
      if (s.bar && last !== null) advancing++
      longest = Math.max(longest, s.t - lastChangeAt)
      lastChangeAt = s.t
      last = shown
    }
  }
  longest = Math.max(longest, doneAt - lastChangeAt)
  return { samplesWithProgress: withProgress, samplesAdvancing: advancing, longestGapMs: longest }
}

function phasesOf(samples: readonly Sample[], t0: number): string {
  const first = new Map<string, number>()
  for (const s of samples) if (s.phase !== null && !first.has(s.phase)) first.set(s.phase, s.t - t0)
  return [...first.entries()].map(([phase, at]) => `${phase} ${at.toFixed(0)}`).join(', ')
}

function clickFigures(clicks: readonly ClickRecord[], timings: readonly EventTiming[]): ClickMeasure {
  const during = clicks.filter((c) => c.duringLoad)
  const max = (xs: number[]): number | null => (xs.length === 0 ? null : Math.max(...xs))
  const matched = timings.filter((e) => e.name === 'click' && during.some((c) => Math.abs(c.at - e.start) < 1))
  return {
    count: during.length,
    maxHandledMs: max(during.map((c) => (c.handledAt ?? c.captureAt) - c.at)),
    maxToFrameMs: max(during.flatMap((c) => (c.frameAt === null ? [] : [c.frameAt - c.at]))),
    maxEventTimingMs: max(matched.map((e) => e.duration)),
    maxInputDelayMs: max(during.map((c) => c.captureAt - c.at)),
  }
}

/** Loads `file` and measures it; `clickEveryMs` 0 makes no clicks. */
export async function measureLoad(page: Page, file: EventsFile, clickEveryMs: number, timeoutMs = 120_000): Promise<LoadMeasure> {
  const toggle = page.getByRole('button', { name: 'Rule settings' })
  const box = await toggle.boundingBox()
  const clicksBefore = await call<number>(page, 'window.__bench.clicks.length')
  await call<void>(page, `window.__bench.armLoad(${JSON.stringify(file.events.toLocaleString('en-US'))})`)
  await page.getByLabel('Upload events').setInputFiles(file.path)
  let finished = false
  const result = call<{ t0: number | null; doneAt: number | null; samples: Sample[]; matchCount: string | null } | null>(page, `window.__bench.loadResult(${timeoutMs})`).finally(() => {
    finished = true
  })
  // Real clicks (mouse events dispatched to the browser) at the toggle's place, while loading.
  if (box !== null && clickEveryMs > 0) {
    const x = box.x + box.width / 2
    const y = box.y + box.height / 2
    while (!finished) {
      await page.mouse.click(x, y)
      await new Promise((r) => setTimeout(r, clickEveryMs))
    }
  }
  const r = await result
  if (r === null || r.t0 === null || r.doneAt === null) throw new Error(`load of ${file.name} did not finish within ${timeoutMs} ms (match count: ${r?.matchCount ?? '?'})`)
  // leave the settings popover closed for what follows
  if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click()
  const clicks = (await call<ClickRecord[]>(page, 'window.__bench.clicks.slice()')).slice(clicksBefore)
  const timings = await call<EventTiming[]>(page, 'window.__bench.eventTimings.slice()')
  return {
    ms: r.doneAt - r.t0,
    matchCount: r.matchCount,
    samples: r.samples.length,
    ...progressFigures(r.samples, r.t0, r.doneAt),
    phases: phasesOf(r.samples, r.t0),
    longTasks: longTasksIn(await longTasks(page), r.t0, r.doneAt),
    clicks: clickFigures(clicks, timings),
    window: { from: r.t0, to: r.doneAt },
  }
}
