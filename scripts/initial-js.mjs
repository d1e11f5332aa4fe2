#!/usr/bin/env node
/**
 * Initial JavaScript of the built app: what the browser must fetch before the first paint,
 * Monaco excluded (issue 8: at most 100 kB gzipped).
 *
 *   node scripts/initial-js.mjs [distDir] [--budget=100000]
 *
 * Without distDir it builds the app into a temporary folder first. It prints every file with its
 * raw and gzip size (zlib's default level, as a server's gzip would send) and exits 1 above the
 * budget, so a change that pulls a dialog, a table or a library back into the entry fails here.
 *
 * What counts: the entry script and every modulepreload of index.html, the static `import`s of
 * those chunks followed to the end, and the chunks main.tsx awaits before its first render
 * (PRE_RENDER_CHUNKS: the first-visit example). Chunks loaded by React.lazy or a dynamic import
 * after that are not initial; Monaco's chunks are excluded by the issue and never reached here.
 *
 * Dependency-free (node:fs, node:zlib, node:path, node:child_process) so the browser bench can
 * import `measureInitialJs` as well.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

/** The budget, in bytes (kB = 1000 bytes). */
export const INITIAL_JS_BUDGET = 100_000

/** Chunks the page awaits before its first render (src/main.tsx), by the name Vite gives them. */
const PRE_RENDER_CHUNKS = ['first-visit']

/** Monaco's own chunks, which the issue leaves out of the figure (they load after the first paint). */
const MONACO = /^(editor|editor\.worker|json\.worker|jsonMode|.*\.worker)-/

// Static imports and re-exports of a built chunk: `import{a}from"./x.js"`, `import"./x.js"`,
// `export{a}from"./x.js"`. `import(` (dynamic) cannot match: no parenthesis may follow `import`.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'`();]*?\bfrom\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g

/**
 * The initial JS of a built app folder (the one holding index.html): each file fetched before the
 * first paint with its raw and gzip size, and the gzip total.
 * @param {string} distDir
 * @returns {Promise<{ files: { file: string, bytes: number, gzipBytes: number }[], gzipBytes: number }>}
 */
export async function measureInitialJs(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const roots = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ].map((href) => posix.normalize(href.replace(/^\//, '')))
  const assets = existsSync(join(distDir, 'assets')) ? readdirSync(join(distDir, 'assets')) : []
  for (const name of PRE_RENDER_CHUNKS) {
    for (const f of assets) if (f.startsWith(`${name}-`) && f.endsWith('.js')) roots.push(`assets/${f}`)
  }

  const seen = new Set()
  const queue = [...roots]
  while (queue.length > 0) {
    const file = queue.shift()
    if (file === undefined || seen.has(file) || MONACO.test(posix.basename(file))) continue
    seen.add(file)
    const code = readFileSync(join(distDir, file), 'utf8')
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(posix.join(posix.dirname(file), m[1]))
  }

  const files = [...seen].map((file) => {
    const bytes = readFileSync(join(distDir, file))
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length }
  })
  files.sort((a, b) => b.gzipBytes - a.gzipBytes)
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) }
}

function kb(n) {
  return `${(n / 1000).toFixed(1)} kB`.padStart(9)
}

async function main() {
  const args = process.argv.slice(2)
  const budgetArg = args.find((a) => a.startsWith('--budget='))
  const budget = budgetArg ? Number(budgetArg.slice('--budget='.length)) : INITIAL_JS_BUDGET
  let dir = args.find((a) => !a.startsWith('--'))
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), 'initial-js-'))
    execFileSync('npx', ['vite', 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' })
  }
  const { files, gzipBytes } = await measureInitialJs(dir)
  console.log(`Initial JS of ${dir} (Monaco excluded)`)
  console.log(`${'raw'.padStart(9)} ${'gzip'.padStart(9)}  file`)
  for (const f of files) console.log(`${kb(f.bytes)} ${kb(f.gzipBytes)}  ${f.file}`)
  const raw = files.reduce((sum, f) => sum + f.bytes, 0)
  console.log(`${kb(raw)} ${kb(gzipBytes)}  total (budget ${kb(budget).trim()} gzip, ${((gzipBytes / budget) * 100).toFixed(0)}%)`)
  if (gzipBytes > budget) {
    console.error(`initial JS ${kb(gzipBytes).trim()} gzip is over the budget of ${kb(budget).trim()}`)
    process.exitCode = 1
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
