/**
 * `rule-playground test <share link>`: a share link is a whole document (query, events, settings,
 * exception items and the expected outcome of each marked event), so CI can run the outcomes an
 * author marked in the page without exporting a test file first. The link may be given as the
 * whole URL, the fragment (`#v1.…`), or a file holding either. Each marked event is one case:
 * it passes when the rule, with the document's exception items applied, matches it or not as
 * marked — the page's test bar, in the terminal.
 */
import { existsSync } from 'node:fs'
import { parseEventsText } from '../../engine/events/parse-events'
import { decodeShareLink } from '../../share/share-link'
import type { SharedDocument } from '../../share/shared-document'
import type { EngineLoad } from '../engine-port'
import { runQuery } from './run-query'
import { namedByPosition } from './suite-runner'
import type { Tally } from './tally'

/** A URL with a `#v<n>.` fragment, or the fragment alone (with or without its `#`). */
const LINK = /^(?:[a-z][a-z0-9+.-]*:\/\/[^\s#]*)?#v\d+\.[A-Za-z0-9_-]+$|^v\d+\.[A-Za-z0-9_-]+$/i

/** Whether a command-line argument is a share link rather than a path (an existing path wins). */
export function isShareLinkArg(arg: string): boolean {
  return LINK.test(arg) && !existsSync(arg)
}

/** Whether a file's text is a share link: one line holding a link, surrounding blanks ignored. */
export function isShareLinkText(text: string): boolean {
  return LINK.test(text.trim())
}

/** Runs the expected outcomes of the document a link holds; `label` names it in the output. */
export async function runShareLink(label: string, link: string, load: EngineLoad, tally: Tally): Promise<void> {
  const decoded = await decodeShareLink(link.trim())
  if (!decoded.ok) return tally.fail({ file: label, name: '(link)', message: decoded.error.message })
  for (const w of decoded.warnings) tally.note(`${label}: ${w}`)
  const doc = decoded.doc
  const expectations = doc.expectations ?? []
  if (expectations.length === 0) return tally.fail({ file: label, name: '(document)', message: 'the document marks no expected outcome: there is nothing to test' })
  if (doc.events === '') return tally.fail({ file: label, name: '(document)', message: 'the link carries no events (it was shared without them)' })
  const parsed = parseEventsText(doc.events)
  for (const p of parsed.problems) tally.fail({ file: label, name: '(events)', message: `line ${p.line}: ${p.message}` })
  if (!load.ok) return tally.fail({ file: label, name: '(document)', message: 'engine unavailable (see note)' })
  const out = runDocument(doc, parsed.events, load.engine)
  const title = doc.title || 'shared document'
  const nameOf = (i: number, note: string | undefined): string => `${title}: event ${i}${note ? ` (${note})` : ''}`
  if (out.crash !== undefined || out.ids === null) {
    const message = out.crash !== undefined ? `engine threw ${out.crash}` : 'the rule does not run (see the diagnostics)'
    for (const e of expectations) tally.fail({ file: label, name: nameOf(e.eventIndex, e.note), message, query: doc.query, diagnostics: out.diagnostics })
    return
  }
  const matched = new Set(out.ids)
  for (const e of expectations) {
    const name = nameOf(e.eventIndex, e.note)
    if (e.eventIndex >= parsed.events.length) {
      tally.fail({ file: label, name, message: `there are ${parsed.events.length} events: no event ${e.eventIndex}` })
      continue
    }
    const got = matched.has(String(e.eventIndex))
    if (got === (e.expect === 'match')) tally.pass()
    else tally.fail({ file: label, name, message: `expected ${e.expect === 'match' ? 'a match' : 'no match'}, got ${got ? 'a match' : 'no match'}` })
  }
}

/** The document's rule run as the page runs it: ECS + its mappings + inferred types, its settings, its exceptions. */
function runDocument(doc: SharedDocument, events: readonly unknown[], engine: Extract<EngineLoad, { ok: true }>['engine']): ReturnType<typeof runQuery> {
  const mappings = doc.kqlSettings?.mappings ?? {}
  const { schema } = engine.buildSchema({ ecs: true, mappings, events })
  const now = doc.language === 'kql' && typeof doc.kqlSettings?.now === 'string' ? Date.parse(doc.kqlSettings.now) : undefined
  return runQuery(engine, {
    query: doc.query,
    schema,
    settings: engine.eqlSettings(doc.eqlSettings ?? {}),
    // named by position: an expected outcome names its event by its index
    events: namedByPosition(events),
    idField: '#',
    language: doc.language,
    exceptions: doc.exceptions ?? [],
    ...(now !== undefined && !Number.isNaN(now) ? { now } : {}),
  })
}
