/**
 * The conformance runner behind `rule-playground test` and `npm run conformance`: takes files and
 * directories, finds the suites in them and runs each with the right reader —
 *
 *   *.toml with [[queries]]   an Elasticsearch EQL spec file (es-runner.ts)
 *   *.toml with [suite]       a suite in our own format (suite-runner.ts)
 *   unit/*.series-spec, unit/test_string_functions.toml   Elasticsearch unit specs, run by the
 *                              Vitest tests of the sequence matcher and the function registry,
 *                              not here: noted and skipped
 *   a share link (URL, `#v1.…` fragment, or a file holding one)   a document: its marked
 *                              expected outcomes, with its exception items (link-runner.ts)
 *
 * Directories are walked recursively (sorted, so runs are reproducible); `testdata` directories
 * are skipped when walking — they hold the runner's own test fixtures (some fail on purpose).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { loadEngine } from '../engine-port'
import { runEsSpecFile } from './es-runner'
import { isShareLinkArg, isShareLinkText, runShareLink } from './link-runner'
import { runSuiteFile } from './suite-runner'
import { Tally } from './tally'

const UNIT_NOTE: Readonly<Record<string, string>> = {
  '.series-spec': 'sequence-matcher specs: run by the Vitest tests of the sequence matcher, skipped here',
  'test_string_functions.toml': 'function folding specs: run by the Vitest tests of the function registry, skipped here',
}

function listFiles(path: string, out: string[], walking: boolean): void {
  let st
  try {
    st = statSync(path)
  } catch {
    out.push(path) // reported as unreadable when read
    return
  }
  if (!st.isDirectory()) {
    if (!walking || path.endsWith('.toml') || path.endsWith('.series-spec')) out.push(path)
    return
  }
  if (walking && (basename(path) === 'testdata' || basename(path) === 'node_modules')) return
  for (const name of readdirSync(path).sort()) listFiles(join(path, name), out, true)
}

function unitNote(path: string): string | undefined {
  for (const [suffix, note] of Object.entries(UNIT_NOTE)) if (path.endsWith(suffix)) return note
  return undefined
}

/** What kind of suite a TOML text is, from its top-level keys (without parsing it twice). */
function kindOf(text: string): 'es' | 'suite' | undefined {
  if (/^\s*\[\[queries\]\]/m.test(text)) return 'es'
  if (/^\s*\[suite\]/m.test(text) || /^\s*\[\[cases\]\]/m.test(text)) return 'suite'
  return undefined
}

/** Marks a share link among the paths to run (no path starts with a NUL). */
const LINK_PREFIX = '\u0000link:'

/** A link as it is named in the output: its start, enough to tell links apart. */
function shortLink(link: string): string {
  return link.length > 48 ? `${link.slice(0, 45)}…` : link
}

export interface RunnerOptions {
  /** called with each failing case's text as soon as it is known */
  readonly onFailure?: (text: string) => void
}

/** Runs every suite found under `paths`; the tally holds counts, failures, notes and skips. */
export async function runConformance(paths: readonly string[], options: RunnerOptions = {}): Promise<Tally> {
  const tally = new Tally(options.onFailure)
  const files: string[] = []
  // a link stands for itself; `link:` keeps it apart from paths in the one ordered list
  for (const p of paths) {
    if (isShareLinkArg(p)) files.push(`${LINK_PREFIX}${p}`)
    else listFiles(p, files, false)
  }
  const load = await loadEngine()
  if (!load.ok) tally.note(load.error)
  const seenNames = new Set<string>()
  for (const path of files) {
    if (path.startsWith(LINK_PREFIX)) {
      const link = path.slice(LINK_PREFIX.length)
      await runShareLink(shortLink(link), link, load, tally)
      continue
    }
    const note = unitNote(path)
    if (note !== undefined) {
      tally.note(`${path}: ${note}`)
      continue
    }
    let text: string
    try {
      text = readFileSync(path, 'utf8')
    } catch (e) {
      tally.fail({ file: path, name: '(file)', message: `cannot read: ${e instanceof Error ? e.message : String(e)}` })
      continue
    }
    const kind = kindOf(text)
    if (kind === undefined && isShareLinkText(text)) await runShareLink(path, text, load, tally)
    else if (kind === 'es') runEsSpecFile(path, text, load, tally, seenNames)
    else if (kind === 'suite') runSuiteFile(path, text, load, tally)
    else tally.fail({ file: path, name: '(file)', message: 'neither an Elasticsearch spec file ([[queries]]) nor a suite ([suite])' })
  }
  if (files.length === 0) tally.note('no suite files found')
  return tally
}
