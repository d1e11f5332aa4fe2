/**
 * What the browser bench installs in the page (before the app's own scripts, through
 * `addInitScript`), so every figure is timed in the page and no Playwright round trip is in it:
 * long tasks (Long Tasks API, buffered), Event Timing entries, click and keydown timestamps, and
 * waits that resolve at the frame after the DOM shows a state (MutationObserver, then
 * requestAnimationFrame). Kept as plain JavaScript text: a function passed to Playwright would be
 * serialised from tsx's output, which may carry helpers that do not exist in the page.
 *
 * In-page API, `window.__bench`:
 * - `longTasks`, `eventTimings`, `clicks`: records (times in the page's performance.now()).
 * - `armKey()` then a key press then `keyResult(timeoutMs)`: keydown to the frame after the run
 *   for that key shows (`data-highlights-seq` on the results list when the app has it, else
 *   `data-report-seq` on the results panel, reaching the seq after the one at arm time; when
 *   the run leaves no results list, the report's seq).
 * - `armLoad(countText)` then a file chosen then `loadResult(timeoutMs)`: the input's change to
 *   the frame after the match count names `countText` events, no load bar and run status idle;
 *   samples of the load bar every 50 ms in between.
 * - `idle(timeoutMs)`: the frame after run status is idle and no load bar is shown.
 * - `memory()`: measureUserAgentSpecificMemory split into page and workers, or why not.
 */
export const PROBE_SCRIPT = String.raw`(() => {
  if (window.__bench) return
  const b = { longTasks: [], eventTimings: [], clicks: [] }
  window.__bench = b
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch (err) { b.longTaskError = String(err) }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === 'click' || e.name === 'pointerdown' || e.name === 'pointerup' || e.name === 'keydown')
          b.eventTimings.push({ name: e.name, start: e.startTime, processingStart: e.processingStart, processingEnd: e.processingEnd, duration: e.duration })
      }
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 })
  } catch (err) { b.eventTimingError = String(err) }

  const q = (sel) => document.querySelector(sel)
  const loading = () => q('[data-testid="events-load"]') !== null
  const runStatus = () => q('[data-testid="run-status"]')?.getAttribute('data-run-status') ?? null
  const seqs = () => {
    const panel = q('[data-testid="results-panel"]')
    const report = Number(panel?.getAttribute('data-report-seq') ?? 'NaN')
    const h = panel?.querySelector('[data-highlights-seq]')
    const list = panel?.querySelector('[data-testid="results-list"]') != null
    return { report, highlights: h ? Number(h.getAttribute('data-highlights-seq')) : null, list }
  }
  b.seqs = seqs
  b.now = () => performance.now()

  // Clicks: the event's own timestamp (when the input arrived), the start of dispatch (capture
  // on window runs first), the end of the app's handlers (bubble on window runs after React's
  // root listener, unless a handler stopped propagation), and the next frame.
  addEventListener('click', (e) => {
    const rec = { at: e.timeStamp, captureAt: performance.now(), handledAt: null, frameAt: null, duringLoad: loading() }
    b.clicks.push(rec)
    requestAnimationFrame(() => { rec.frameAt = performance.now() })
  }, true)
  addEventListener('click', () => {
    const rec = b.clicks[b.clicks.length - 1]
    if (rec && rec.handledAt === null) rec.handledAt = performance.now()
  })

  // Resolves with the time of the frame after done() first holds (checked at each DOM change),
  // or null at the timeout.
  const whenDom = (done, timeoutMs) => new Promise((resolve) => {
    let finished = false
    let obs = null
    let timer = 0
    const finish = (ok) => {
      if (finished) return
      finished = true
      if (obs) obs.disconnect()
      clearTimeout(timer)
      if (!ok) resolve(null)
      else requestAnimationFrame(() => resolve(performance.now()))
    }
    if (done()) { finish(true); return }
    obs = new MutationObserver(() => { if (done()) finish(true) })
    obs.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true })
    timer = setTimeout(() => finish(false), timeoutMs)
  })
  b.idle = (timeoutMs) => whenDom(() => runStatus() === 'idle' && !loading(), timeoutMs)

  let key = null
  addEventListener('keydown', (e) => { if (key && key.at === null) key.at = e.timeStamp }, true)
  b.armKey = () => {
    const s = seqs()
    key = { at: null, via: s.highlights !== null ? 'highlights' : 'report', target: s.report + 1 }
  }
  b.keyResult = async (timeoutMs) => {
    const k = key
    if (!k) return null
    const doneAt = await whenDom(() => {
      const s = seqs()
      // a run that leaves no results list (nothing to show) has no highlights to wait for
      const v = k.via === 'highlights' && s.list ? s.highlights : s.report
      return v !== null && v >= k.target
    }, timeoutMs)
    key = null
    return { keyAt: k.at, doneAt, via: k.via, seq: seqs().report }
  }

  let load = null
  document.addEventListener('change', (e) => {
    const t = e.target
    if (load && load.t0 === null && t instanceof HTMLInputElement && t.type === 'file') load.t0 = performance.now()
  }, true)
  b.armLoad = (countText) => {
    const rec = { t0: null, countText, samples: [] }
    load = rec
    rec.timer = setInterval(() => {
      if (rec.t0 === null) return
      const bar = q('[data-testid="events-load"] [role="progressbar"]')
      const busy = q('[data-testid="results-panel"]')?.getAttribute('aria-busy') === 'true'
      const phase = q('[data-testid="events-load"]')?.getAttribute('data-load-phase') ?? null
      rec.samples.push({ t: performance.now(), bar: bar !== null, value: bar ? bar.getAttribute('aria-valuetext') : null, busy, phase })
    }, 50)
  }
  b.loadResult = async (timeoutMs) => {
    const rec = load
    if (!rec) return null
    const want = ' of ' + rec.countText + ' event'
    const doneAt = await whenDom(() => {
      const count = q('[data-testid="match-count"]')?.textContent ?? ''
      return rec.t0 !== null && !loading() && runStatus() === 'idle' && count.includes(want)
    }, timeoutMs)
    clearInterval(rec.timer)
    load = null
    return { t0: rec.t0, doneAt, samples: rec.samples, matchCount: q('[data-testid="match-count"]')?.textContent ?? null }
  }

  b.memory = async () => {
    if (!self.crossOriginIsolated) return { error: 'page not cross-origin isolated' }
    if (typeof performance.measureUserAgentSpecificMemory !== 'function') return { error: 'measureUserAgentSpecificMemory missing' }
    const r = await performance.measureUserAgentSpecificMemory()
    let page = 0, workers = 0, other = 0
    for (const part of r.breakdown) {
      const scopes = part.attribution.map((a) => a.scope ?? '')
      if (scopes.some((s) => s.includes('Worker'))) workers += part.bytes
      else if (scopes.includes('Window')) page += part.bytes
      else other += part.bytes
    }
    return { bytes: r.bytes, page, workers, other }
  }
})()`
