/**
 * The share link figures of the bench: encode and decode of a realistic 500-event document
 * (issue 8: <= 50 ms each), through the real codec in src/share/ and the share dialog's own
 * preparation. The document is what an analyst would share after tuning the Login/Logout Hook
 * example on their own telemetry: the example's query, settings, title, guided note, labelled
 * events and their expected outcomes, followed by generated macOS events up to 500, a few
 * outcomes marked on those, and two exception items.
 */
import type { ExceptionItem } from '../../src/engine/exceptions/types'
import { LOGIN_HOOK_CURRENT } from '../../src/examples/login-hook-current'
import { exampleToDocument } from '../../src/examples/to-document'
import { sharedDocumentOf } from '../../src/share/document-link'
import { DEFAULT_SHARE_OPTIONS, prepareShareLink, type ShareSource } from '../../src/share/prepare-link'
import { decodeShareLink, encodeShareLink } from '../../src/share/share-link'
import { DEFAULT_KQL_DOCUMENT_SETTINGS } from '../../src/state/document-slice'
import { atMost, measureAsync, type Row } from './timing-report'

/** The document size and target. */
export const SHARE_EVENTS = 500
export const SHARE_TARGET_MS = 50

const PAGE_URL = 'http://127.0.0.1:4173/'

const EXCEPTIONS: readonly ExceptionItem[] = [
  {
    name: 'JAMF management scripts',
    description: 'JAMF runs its own login hook on every managed Mac',
    entries: [
      { field: 'process.parent.name', operator: 'included', type: 'match', value: 'jamf' },
      { field: 'process.args', operator: 'included', type: 'wildcard', value: '/Library/Application Support/JAMF/*' },
    ],
    os_types: ['macos'],
    comments: [{ comment: 'agreed with the Mac team' }],
  },
  {
    name: 'Build hosts',
    entries: [{ field: 'host.name', operator: 'included', type: 'match_any', value: ['mbp-dev-17', 'mbp-dev-18', 'mbp-it-admin-3'] }],
  },
]

/**
 * The document the share dialog starts from: `generated` supplies the events after the
 * example's own (it needs at least SHARE_EVENTS of them, e.g. `generateEvents({ size: 500 })`).
 */
export function shareSource(generated: readonly Record<string, unknown>[]): ShareSource {
  const example = exampleToDocument(LOGIN_HOOK_CURRENT)
  const own = example.eventsText.split('\n')
  const extra = generated.slice(0, Math.max(0, SHARE_EVENTS - own.length)).map((e) => JSON.stringify(e))
  if (own.length + extra.length !== SHARE_EVENTS) throw new Error(`the share document needs ${SHARE_EVENTS} events`)
  // an analyst's marks on their own events: every 25th one checked and found benign
  const marks = extra.flatMap((_, i) => (i % 25 === 0 ? [{ eventIndex: own.length + i, expect: 'no-match' as const, note: 'routine activity on this fleet' }] : []))
  return {
    language: example.language ?? 'eql',
    query: example.query ?? '',
    eventsText: [...own, ...extra].join('\n'),
    settings: {},
    kqlSettings: DEFAULT_KQL_DOCUMENT_SETTINGS,
    title: example.title ?? '',
    task: example.task ?? '',
    expectations: [...(example.expectations ?? []), ...marks],
    exceptions: EXCEPTIONS,
    eventsFile: null,
  }
}

export interface ShareFigures {
  readonly rows: Row[]
  /** the link's fragment length, for the log */
  readonly linkChars: number
  /** the document's JSON size, for the log */
  readonly eventsChars: number
  /** the first (cold) encode and decode, ms, for the log: tells a cold start from a hiccup in the max */
  readonly firstEncodeMs: number
  readonly firstDecodeMs: number
}

/**
 * Times encode (the codec alone, and the dialog's whole preparation) and decode `runs` times each,
 * with no warm-up: the max then includes the first, cold call, which is the one a user who
 * shares once a session waits for. Throws if the link does not give the document back.
 */
export async function shareFigures(source: ShareSource, runs: number): Promise<ShareFigures> {
  const doc = sharedDocumentOf(source)
  const options = { warmup: 0, runs }
  const encode = await measureAsync(() => encodeShareLink(doc), options)
  const link = await encodeShareLink(doc)
  const decode = await measureAsync(() => decodeShareLink(link), options)
  const prepared = await measureAsync(() => prepareShareLink(source, DEFAULT_SHARE_OPTIONS, PAGE_URL), options)
  const back = await decodeShareLink(link)
  if (!back.ok || back.doc.events !== source.eventsText || back.doc.exceptions?.length !== EXCEPTIONS.length) {
    throw new Error('the share link did not give the document back')
  }
  const scale = { events: SHARE_EVENTS, full: SHARE_EVENTS }
  const target = atMost(SHARE_TARGET_MS)
  const name = (what: string): string => `share link, ${SHARE_EVENTS} events: ${what}`
  return {
    rows: [
      { name: name(`encode, median of ${runs}`), value: encode.medianMs, unit: 'ms', target, scale },
      { name: name(`encode, max of ${runs} (1st cold)`), value: encode.maxMs, unit: 'ms', target, scale },
      { name: name(`share dialog's encode, median`), value: prepared.medianMs, unit: 'ms', target, scale },
      { name: name(`decode, median of ${runs}`), value: decode.medianMs, unit: 'ms', target, scale },
      { name: name(`decode, max of ${runs} (1st cold)`), value: decode.maxMs, unit: 'ms', target, scale },
      { name: name('link length'), value: link.length, unit: 'chars', target: null },
    ],
    linkChars: link.length,
    eventsChars: source.eventsText.length,
    firstEncodeMs: encode.firstMs,
    firstDecodeMs: decode.firstMs,
  }
}
