/**
 * Initial JS of the first paint, Monaco excluded, gzip: the entry script and modulepreloads of
 * the built index.html, plus every JS file the page fetched before its first contentful paint
 * (Resource Timing), less Monaco's chunks (editor-*.js, *.worker*.js, jsonMode*). Each file is
 * gzipped from the build folder (level 9). Engineer A's scripts/initial-js.mjs, when present,
 * measures the same from the build alone; both are reported so they can be reconciled.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { Page } from '@playwright/test'
import { call } from './page-calls'

/** Files the target leaves out: Monaco's chunks, and workers (Monaco's and the engine's: they run off the main thread and are not loaded by the first paint's scripts). */
export function isLeftOutOfInitialJs(file: string): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1)
  return /^editor-.*\.js$/.test(base) || /\.worker.*\.js$/.test(base) || base.startsWith('jsonMode')
}

/** The initial JS as measured here. */
export interface InitialJs {
  readonly gzipBytes: number
  readonly rawBytes: number
  /** the files counted, paths from the build root */
  readonly files: readonly string[]
  /** gzip bytes of each counted file, same order */
  readonly fileGzipBytes: readonly number[]
  /** files fetched before first paint that index.html does not name (lazy chunks loaded early) */
  readonly fetchedEarly: readonly string[]
  readonly fcpMs: number | null
}

/** Entry and modulepreload paths named by the built index.html. */
function namedByHtml(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const out: string[] = []
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) if (m[1]) out.push(m[1])
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"|<link[^>]*href="([^"]+\.js)"[^>]*rel="modulepreload"/g)) {
    const href = m[1] ?? m[2]
    if (href) out.push(href)
  }
  return out.map((p) => (p.startsWith('/') ? p : '/' + p))
}

/** Measures the page just loaded from `origin` (first paint must have happened). */
export async function measureInitialJsInPage(page: Page, distDir: string, origin: string): Promise<InitialJs> {
  const seen = await call<{ fcp: number | null; js: string[] }>(
    page,
    `(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]
      const limit = fcp ? fcp.startTime : Infinity
      const js = performance.getEntriesByType('resource').filter((r) => r.startTime < limit && /\\.m?js(\\?|$)/.test(r.name)).map((r) => r.name)
      return { fcp: fcp ? fcp.startTime : null, js }
    })()`,
  )
  const html = namedByHtml(distDir)
  const fetched = seen.js.filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname)
  const files = [...new Set([...html, ...fetched])].filter((f) => !isLeftOutOfInitialJs(f))
  let gzipBytes = 0
  let rawBytes = 0
  const fileGzipBytes: number[] = []
  for (const f of files) {
    const buf = readFileSync(join(distDir, f))
    const gz = gzipSync(buf, { level: 9 }).length
    rawBytes += buf.length
    gzipBytes += gz
    fileGzipBytes.push(gz)
  }
  return { gzipBytes, rawBytes, files, fileGzipBytes, fetchedEarly: fetched.filter((f) => !html.includes(f) && !isLeftOutOfInitialJs(f)), fcpMs: seen.fcp }
}

/**
 * Engineer A's measure (scripts/initial-js.mjs, `measureInitialJs(distDir)`), when present: its
 * gzip bytes if the answer has them (a number, or a `gzip`/`gzipBytes`/`totalGzip` field), with
 * the raw answer for the record.
 */
export async function measureInitialJsShared(distDir: string, root: string): Promise<{ gzipBytes: number | null; raw: unknown } | null> {
  const script = join(root, 'scripts', 'initial-js.mjs')
  if (!existsSync(script)) return null
  const mod = (await import(pathToFileURL(script).href)) as { measureInitialJs?: (dir: string) => unknown }
  if (typeof mod.measureInitialJs !== 'function') return { gzipBytes: null, raw: 'no measureInitialJs export' }
  const raw: unknown = await mod.measureInitialJs(distDir)
  if (typeof raw === 'number') return { gzipBytes: raw, raw }
  if (raw !== null && typeof raw === 'object') {
    const rec = raw as Record<string, unknown>
    for (const k of ['gzipBytes', 'gzip', 'totalGzip', 'total']) {
      const v = rec[k]
      if (typeof v === 'number') return { gzipBytes: v, raw }
    }
  }
  return { gzipBytes: null, raw }
}
