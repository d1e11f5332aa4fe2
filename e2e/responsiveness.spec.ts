import { execFileSync } from 'node:child_process'
import { expect, runStatus, setQuery, test } from './fixtures'

/**
 * The one timed check the issue asks for (performance at scale): while a 200,000-event file
 * streams in, a click on a header control is handled within 100 ms. Timed in the page, so no
 * Playwright round trip is in the figure: from the click event's own timestamp (when the input
 * reached the page) to the end of its dispatch (a bubbling listener on window runs after React's
 * root listener), i.e. input delay + processing. The Event Timing API's entry for the same click
 * is recorded beside it for the report. The speed targets themselves are in `npm run bench:browser`.
 *
 * The time is asserted on the production build (what `npm test` and CI run, and what users get).
 * Against the dev server (E2E_DEV=1) React's development build and unbundled modules make each
 * handler several times slower (measured 50-180 ms there vs 7-30 ms built, same machine), so there
 * the journey runs whole and the times are only reported in the test's annotations.
 */

interface ClickRecord {
  /** event.timeStamp: when the input arrived */
  readonly at: number
  /** when the app's handlers had run (bubble listener on window) */
  handledAt: number | null
  /** whether the file's load bar was showing when the click was dispatched */
  readonly duringLoad: boolean
}

interface EventTimingRecord {
  readonly start: number
  readonly processingEnd: number
  readonly duration: number
}

declare global {
  interface Window {
    __clicks?: ClickRecord[]
    __clickTimings?: EventTimingRecord[]
  }
}

const EVENTS = 200_000
const NEEDLES = EVENTS / 10_000 // scripts/make-big-events.mjs: every 10,000th event is needle.exe
const MAX_CLICKS = 5
const TIMED = !process.env.E2E_DEV

/** The 200,000-event file of scripts/make-big-events.mjs (our own events; reused when there). */
function bigFile(): string {
  return execFileSync('node', ['scripts/make-big-events.mjs', '--events', String(EVENTS)], { encoding: 'utf8' }).trim()
}

test('a click is handled within 100 ms while a 200,000-event file loads, and the load completes', async ({ page }) => {
  test.setTimeout(180_000)
  const file = bigFile()
  await page.addInitScript(() => {
    const clicks: ClickRecord[] = []
    const timings: EventTimingRecord[] = []
    window.__clicks = clicks
    window.__clickTimings = timings
    addEventListener(
      'click',
      (e) => clicks.push({ at: e.timeStamp, handledAt: null, duringLoad: document.querySelector('[data-testid="events-load"]') !== null }),
      true,
    )
    addEventListener('click', () => {
      const last = clicks[clicks.length - 1]
      if (last && last.handledAt === null) last.handledAt = performance.now()
    })
    // durationThreshold (Event Timing) is not in TypeScript's DOM types yet
    const init: PerformanceObserverInit & { durationThreshold: number } = { type: 'event', buffered: true, durationThreshold: 16 }
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.name === 'click' && e instanceof PerformanceEventTiming) timings.push({ start: e.startTime, processingEnd: e.processingEnd, duration: e.duration })
        }
      }).observe(init)
    } catch {
      // no Event Timing API: the listener timestamps still answer
    }
  })
  await page.goto('/')
  await setQuery(page, 'process where process.name == "needle.exe"')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')

  await page.getByLabel('Upload events').setInputFiles(file)
  const progress = page.getByRole('progressbar', { name: /^Loading / })
  await expect(progress).toBeVisible()
  // Click the rule settings toggle while the bar shows; each click must open or close it.
  const toggle = page.getByRole('button', { name: 'Rule settings' })
  for (let i = 0; i < MAX_CLICKS && (await progress.isVisible()); i++) {
    const expanded = (await toggle.getAttribute('aria-expanded')) === 'true'
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', String(!expanded))
  }

  const clicks = (await page.evaluate(() => window.__clicks ?? [])).filter((c) => c.duringLoad)
  const timings = await page.evaluate(() => window.__clickTimings ?? [])
  expect(clicks.length, 'clicks dispatched while the file loaded').toBeGreaterThan(0)
  const handled = clicks.map((c) => (c.handledAt ?? Infinity) - c.at)
  const slowEntries = timings.filter((t) => clicks.some((c) => Math.abs(c.at - t.start) < 1)).map((t) => Math.round(t.processingEnd - t.start))
  test.info().annotations.push({ type: 'click handled (ms)', description: `${handled.map((x) => x.toFixed(1)).join(', ')}; Event Timing (entries >= 16 ms): ${slowEntries.join(', ') || 'none'}` })
  expect(handled.every((ms) => Number.isFinite(ms)), 'every click reached the end of its dispatch').toBe(true)
  if (TIMED) for (const ms of handled) expect(ms, 'click input delay + processing, ms').toBeLessThan(100)

  // The load still finishes with every event, and the query's matches show.
  await expect(progress).toHaveCount(0, { timeout: 120_000 })
  const count = EVENTS.toLocaleString('en-US')
  await expect(page.getByTestId('events-info')).toHaveText(`${count} events from rule-playground-big-events-${EVENTS}.ndjson`)
  await expect(page.getByTestId('match-count')).toHaveText(new RegExp(`^${NEEDLES} matches of ${count} events`), { timeout: 30_000 })
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
})
