/**
 * The page's first paint, as a promise. Parts of the first screen that the first paint does
 * without (a Suspense fallback stands in for them: the results panel, the editors) wait on it
 * before importing their chunks, so the browser neither fetches nor compiles them before it has
 * drawn the page (the initial JS budget, issue 8).
 *
 * "Painted" is the browser's first-contentful-paint entry where it reports one: a frame made on
 * the main thread is presented some time later, and work started in between delays that. Else
 * (no paint timing) a task after the next animation frame. FALLBACK_MS bounds the wait, as a
 * background tab paints nothing and what waits here must still load there.
 */
const FALLBACK_MS = 1000

let painted: Promise<void> | null = null

/** Resolves after the first paint (see above); at once where there is no browser frame (tests in Node). */
export function afterFirstPaint(): Promise<void> {
  painted ??= new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame !== 'function') return resolve()
    setTimeout(resolve, FALLBACK_MS)
    if (typeof PerformanceObserver !== 'function' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      requestAnimationFrame(() => setTimeout(resolve, 0))
      return
    }
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return
      observer.disconnect()
      resolve()
    })
    // buffered: a paint that happened before this call is reported too
    observer.observe({ type: 'paint', buffered: true })
  })
  return painted
}

let markLoaded: (() => void) | null = null
const firstScreenLoaded = new Promise<void>((resolve) => {
  markLoaded = resolve
})

/**
 * Loads the first screen's own chunk after the first paint (the results panel: the first run's
 * answer is shown by it) and lets `afterFirstScreen` waiters go once it is in.
 */
export function loadFirstScreen<T>(load: () => Promise<T>): Promise<T> {
  const loading = afterFirstPaint().then(load)
  void loading.finally(() => markLoaded?.())
  return loading
}

/**
 * Resolves once the first screen's chunk is in (or FALLBACK_MS after the first paint, should it
 * never load): what is large and not needed to show the first results (Monaco, whose evaluation
 * holds the main thread for a few hundred milliseconds) waits for this, so it does not delay them.
 */
export function afterFirstScreen(): Promise<void> {
  return afterFirstPaint().then(() => Promise.race([firstScreenLoaded, new Promise<void>((resolve) => setTimeout(resolve, FALLBACK_MS))]))
}
