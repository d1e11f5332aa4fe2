/**
 * Memory of the tab: the JS heaps of the page and its workers by
 * `performance.measureUserAgentSpecificMemory()` (needs the cross-origin isolation our server
 * sends; Chromium runs with --enable-blink-features=ForceEagerMeasureMemory so it answers after
 * an eager GC instead of at its next idle collection), and, as a cross-check of everything the
 * tab holds outside JS heaps too, the resident set (VmRSS from /proc) of Chromium's renderer
 * processes, found through the browser's DevTools protocol (SystemInfo.getProcessInfo), less the
 * renderers of the browser's own UI (--top-chrome-webui) and of extensions.
 */
import { readFileSync } from 'node:fs'
import type { Browser, Page } from '@playwright/test'
import { call } from './page-calls'

/** The memory figures; any part may be missing, with the reason. */
export interface MemoryMeasure {
  /** page + workers (+ unattributed) JS heap bytes, or null */
  readonly heapBytes: number | null
  readonly pageBytes: number | null
  readonly workerBytes: number | null
  readonly heapNote: string
  /** summed VmRSS of renderer processes, or null */
  readonly rendererRssBytes: number | null
  readonly rssNote: string
}

interface UaMemory {
  readonly error?: string
  readonly bytes?: number
  readonly page?: number
  readonly workers?: number
  readonly other?: number
}

/** Renderers that are not the tab's: the browser's own UI and extensions. */
function isTabRenderer(pid: number): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    return !cmdline.includes('--top-chrome-webui') && !cmdline.includes('--extension-process')
  } catch {
    return false
  }
}

function rssOf(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m?.[1] === undefined ? null : Number(m[1]) * 1024
  } catch {
    return null
  }
}

async function rendererRss(browser: Browser): Promise<{ bytes: number | null; note: string }> {
  try {
    const cdp = await browser.newBrowserCDPSession()
    const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] }
    await cdp.detach()
    const renderers = info.processInfo.filter((p) => p.type === 'renderer' && isTabRenderer(p.id))
    const sizes = renderers.flatMap((p) => {
      const rss = rssOf(p.id)
      return rss === null ? [] : [rss]
    })
    if (sizes.length === 0) return { bytes: null, note: 'no renderer process readable in /proc' }
    return { bytes: sizes.reduce((a, b) => a + b, 0), note: `VmRSS of ${sizes.length} renderer process(es), the browser's own UI left out (${sizes.map((s) => Math.round(s / 1e6)).join(' + ')} MB)` }
  } catch (err) {
    return { bytes: null, note: `renderer RSS unavailable: ${err instanceof Error ? err.message : String(err)}` }
  }
}

/** Measures the tab now. */
export async function measureMemory(page: Page, browser: Browser, timeoutMs = 60_000): Promise<MemoryMeasure> {
  const ua = await call<UaMemory>(
    page,
    `Promise.race([window.__bench.memory(), new Promise((r) => setTimeout(() => r({ error: 'no answer within ${timeoutMs} ms' }), ${timeoutMs}))])`,
  ).catch((err: unknown): UaMemory => ({ error: err instanceof Error ? err.message : String(err) }))
  const rss = await rendererRss(browser)
  const heapBytes = ua.bytes ?? null
  return {
    heapBytes,
    pageBytes: ua.page ?? null,
    workerBytes: ua.workers ?? null,
    heapNote:
      heapBytes === null
        ? `heap not measured: ${ua.error ?? 'unknown'}`
        : `measureUserAgentSpecificMemory: page ${mb(ua.page)} + workers ${mb(ua.workers)} + unattributed ${mb(ua.other)}`,
    rendererRssBytes: rss.bytes,
    rssNote: rss.note,
  }
}

function mb(bytes: number | undefined): string {
  return bytes === undefined ? '?' : `${(bytes / 1e6).toFixed(1)} MB`
}
