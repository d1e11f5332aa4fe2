/**
 * One measurement session of the browser bench: a fresh page of the served build, then every
 * figure in order (initial JS, the 10,000-event load and edits, the measured load of the big
 * file with its clicks, the edits over it, memory), turned into the table's rows. `--repeat N`
 * runs N sessions, each in a new browser context, and reports each row's median.
 */
import type { Browser } from '@playwright/test'
import { openApp } from './app'
import type { EventsFile } from './events-file'
import { measureInitialJsInPage, measureInitialJsShared } from './initial-js'
import { LAUNCH_DAEMON_EDITS, LOGIN_HOOK, LOGIN_HOOK_EDITS } from './queries'
import { measureEdits } from './measure-edits'
import { measureLoad } from './measure-load'
import { measureMemory } from './measure-memory'
import { setQuery, type LongTask } from './page-calls'
import { startPhaseProfile } from './profile'
import type { BrowserRow } from './report'
import { buildRows } from './rows'

/** What a session needs to know. */
export interface SessionSetup {
  readonly origin: string
  readonly buildDir: string
  readonly root: string
  readonly small: boolean
  readonly sizes: { readonly big: number; readonly medium: number; readonly edits: number }
  readonly big: EventsFile
  readonly medium: EventsFile
  /** write CPU profiles here (bench-browser/profile.ts), or null */
  readonly profileDir: string | null
  readonly log: (line: string) => void
}

/** What a session measured. */
export interface SessionResult {
  readonly rows: BrowserRow[]
  /** the --profile summaries, one per phase */
  readonly profiles: string[]
  readonly mediumLoadMs: number
  readonly initialJsFiles: readonly string[]
  readonly sharedInitialJs: unknown
}

/** Runs every measure once in a new page of `browser`. */
export async function measureSession(browser: Browser, s: SessionSetup): Promise<SessionResult> {
  const page = await openApp(browser, s.origin)
  try {
    const initialJs = await measureInitialJsInPage(page, s.buildDir, s.origin)
    const sharedJs = await measureInitialJsShared(s.buildDir, s.root).catch((err: unknown) => ({ gzipBytes: null, raw: `failed: ${String(err)}` }))
    s.log(`initial JS: ${initialJs.files.join(', ')}`)

    const profiles: string[] = []
    const profiled = async <T extends { longTasks: LongTask[] }>(name: string, work: () => Promise<T>): Promise<T> => {
      if (s.profileDir === null) return work()
      const profiler = await startPhaseProfile(page, s.profileDir, name)
      const out = await work()
      profiles.push(await profiler.stop(out.longTasks))
      return out
    }

    await setQuery(page, LOGIN_HOOK)
    s.log(`loading ${s.medium.events} events`)
    const mediumLoad = await measureLoad(page, s.medium, 0)
    s.log(`editing over ${s.medium.events} events`)
    const editsMedium = await profiled('edits-medium', () => measureEdits(page, LOGIN_HOOK_EDITS, s.sizes.edits))

    await setQuery(page, LOGIN_HOOK)
    s.log(`loading ${s.big.events} events (measured)`)
    // at the small size the load lasts a few hundred ms: click often enough that some land in it
    const load = await profiled('load', () => measureLoad(page, s.big, s.small ? 25 : 300))
    s.log(`editing over ${s.big.events} events`)
    const editsBig = await profiled('edits-event-query', () => measureEdits(page, LOGIN_HOOK_EDITS, s.sizes.edits))
    const editsSequence = await profiled('edits-sequence', () => measureEdits(page, LAUNCH_DAEMON_EDITS, s.sizes.edits))
    s.log('measuring memory')
    const memory = await measureMemory(page, browser)

    const rows = buildRows({ sizes: s.sizes, big: s.big, initialJs, sharedJs, load, editsMedium, editsBig, editsSequence, memory })
    return { rows, profiles, mediumLoadMs: mediumLoad.ms, initialJsFiles: initialJs.files, sharedInitialJs: sharedJs?.raw ?? null }
  } finally {
    await page.context().close()
  }
}
