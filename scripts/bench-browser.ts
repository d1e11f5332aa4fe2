/**
 * Browser benchmark: `npm run bench:browser -- [--small] [--json] [--port N] [--dist DIR] [--profile DIR] [--repeat N]`.
 *
 * Builds the app (`vite build` into a temp folder, or takes --dist), serves it from its own
 * static server with cross-origin isolation (scripts/bench-browser/server.ts), and drives it in
 * Chromium (Debian's /usr/bin/chromium when present, as playwright.config.ts) through the
 * Playwright library, timing in the page (scripts/bench-browser/page-probes.ts):
 *   - the initial JS of the first paint, Monaco excluded, gzip;
 *   - a ~100 MB NDJSON file of 200,000 lean macOS events loaded through the file input to
 *     results shown, with the load bar sampled throughout and clicks timed while it loads;
 *   - keystroke to updated highlights, p95 of 20 edits: 10,000 events and 200,000 events with
 *     the Login/Logout Hook seed (event query), the LaunchDaemon seed (sequence) over 200,000;
 *   - main-thread long tasks during the load and during the runs;
 *   - memory of the tab holding the 200,000 events.
 * --small (CI): 20,000 and 1,000 events, 2 edits each, every row exercised (the load lasts long
 * enough for clicks to land in it), ratios n/a.
 * --profile DIR: an unminified build, and CPU profiles of the main thread during the measured
 * load and the edits over the big set, with their heaviest functions (bench-browser/profile.ts).
 * --repeat N: N sessions (each a fresh page), each row's median (bench-browser/session.ts).
 * The figures are judged at full size on a quiet machine; see docs/performance.md.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildApp, launchBrowser } from './bench-browser/app'
import { ensureEventsFile } from './bench-browser/events-file'
import { medianRows, renderBrowserJson, renderBrowserTable } from './bench-browser/report'
import { startStaticServer } from './bench-browser/server'
import { measureSession, type SessionResult } from './bench-browser/session'

interface Options {
  readonly small: boolean
  readonly json: boolean
  readonly port: number
  readonly dist: string | null
  readonly profile: string | null
  readonly repeat: number
}

function parseOptions(argv: readonly string[]): Options {
  let small = false
  let json = false
  let port = 5317
  let dist: string | null = null
  let profile: string | null = null
  let repeat = 1
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--small') small = true
    else if (a === '--json') json = true
    else if (a === '--port') port = Number(argv[++i])
    else if (a === '--dist') dist = resolve(argv[++i] ?? '')
    else if (a === '--profile') profile = resolve(argv[++i] ?? '')
    else if (a === '--repeat') repeat = Number(argv[++i])
    else throw new Error(`unknown option ${a ?? ''} (use --small, --json, --port N, --dist DIR, --profile DIR, --repeat N)`)
  }
  if (!Number.isInteger(port) || port <= 0) throw new Error('--port must be a port number')
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat must be a whole number from 1')
  return { small, json, port, dist, profile, repeat }
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2))
  const log = (s: string): void => void process.stderr.write(s + '\n')
  const started = Date.now()
  const sizes = opts.small ? { big: 20_000, medium: 1_000, edits: 2 } : { big: 200_000, medium: 10_000, edits: 20 }
  const root = resolve(import.meta.dirname, '..')

  const buildDir = opts.dist ?? mkdtempSync(join(tmpdir(), 'rule-playground-bench-build-'))
  if (opts.dist === null) {
    log(`building the app into ${buildDir}`)
    buildApp(root, buildDir, opts.profile === null)
  }
  const medium = ensureEventsFile(sizes.medium)
  const big = ensureEventsFile(sizes.big)
  log(`events: ${big.events.toLocaleString('en-US')} in ${(big.bytes / 1e6).toFixed(1)} MB (${big.generated ? 'generated' : 'reused'} ${big.path}); ${medium.events.toLocaleString('en-US')} in ${(medium.bytes / 1e6).toFixed(1)} MB`)

  const server = await startStaticServer(buildDir, opts.port)
  const browser = await launchBrowser()
  try {
    const setup = { origin: server.origin, buildDir, root, small: opts.small, sizes, big, medium, profileDir: opts.profile, log }
    const sessions: SessionResult[] = []
    for (let i = 0; i < opts.repeat; i++) {
      if (opts.repeat > 1) log(`session ${i + 1} of ${opts.repeat}`)
      sessions.push(await measureSession(browser, setup))
    }
    const first = sessions[0]
    if (first === undefined) throw new Error('no session ran')
    const rows = sessions.length === 1 ? first.rows : medianRows(sessions.map((x) => x.rows))
    // A row that stops being measured (a selector or an API gone) must fail CI's small run, not
    // pass as a dash. The cross-check waits on another script and may be absent.
    const missing = rows.filter((r) => r.value === null && !r.figure.includes('cross-check'))
    const seconds = (Date.now() - started) / 1000
    // Timings on 2 cores mean little while other work runs: say how busy the machine was.
    const machine = `Chromium ${browser.version()}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min)`
    const runs = opts.repeat > 1 ? `, median of ${opts.repeat} sessions` : ''
    if (opts.json) {
      const extra = { events: big.events, fileBytes: big.bytes, seconds, machine, sessions: opts.repeat, mediumLoadMs: first.mediumLoadMs, initialJsFiles: first.initialJsFiles, sharedInitialJs: first.sharedInitialJs }
      process.stdout.write(renderBrowserJson(rows, opts.small, extra) + '\n')
    } else {
      process.stdout.write(`\nbrowser bench (${opts.small ? 'small size: figures only show every row works' : 'full size'}${runs}), ${seconds.toFixed(0)} s; ${machine}\n\n`)
      process.stdout.write(renderBrowserTable(rows, opts.small) + '\n')
    }
    for (const p of sessions.flatMap((x) => x.profiles)) log('\n' + p)
    if (missing.length > 0) {
      log(`bench:browser: not measured: ${missing.map((r) => `${r.figure} (${r.note})`).join('; ')}`)
      process.exitCode = 1
    }
  } finally {
    await browser.close()
    await server.close()
    if (opts.dist === null) rmSync(buildDir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:browser: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
