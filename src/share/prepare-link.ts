import { parseEventsText } from '../engine/events/parse-events'
import { readExceptionItems } from '../engine/exceptions/read-items'
import { fieldsOfQuery } from '../engine/query-fields'
import type { ShareableState } from './document-link'
import { sharedDocumentOf } from './document-link'
import { fieldsOfExceptions } from './exception-fields'
import { linkLength, type LinkLength } from './link-length'
import { encodeShareLink, MAX_LINK_CHARS } from './share-link'
import { redactCandidates, type RedactCandidate } from './redact-candidates'
import { keepQueryFields, redactText, redactValues, type FieldsToKeep } from './trim-events'

/**
 * The share dialog's link: the current document with the events the user chose to send (all,
 * only the fields the query reads, or none) and the values they chose to redact. Loaded with a
 * dynamic import when the dialog opens (it brings the engine's query parsers and the codec), and
 * run on the main thread: it works on a document no larger than a link can carry.
 */

/** Events text longer than this is not put into a link whole (the codec opens links up to 2 MiB). */
export const MAX_SHARED_EVENTS_CHARS = 2_000_000

/** Events text longer than this is not trimmed either: parsing it would hold up the page. */
export const MAX_TRIMMED_EVENTS_CHARS = 20_000_000

/** What the user chose in the dialog. */
export interface ShareOptions {
  readonly keepOnlyQueryFields: boolean
  readonly withoutEvents: boolean
  /** values replaced by REDACTED in the events */
  readonly redact: readonly string[]
}

export const DEFAULT_SHARE_OPTIONS: ShareOptions = { keepOnlyQueryFields: false, withoutEvents: false, redact: [] }

/** The document to share: the store's, plus the streamed file when the events are one. */
export interface ShareSource extends ShareableState {
  readonly eventsFile: { readonly name: string; readonly size: number } | null
}

/** A link ready to copy, and what the dialog should say about it. */
export interface PreparedLink {
  /** the fragment, with its `#` */
  readonly fragment: string
  /** the whole link */
  readonly url: string
  readonly length: LinkLength
  /** what the link carries of the events */
  readonly events: 'all' | 'trimmed' | 'none'
  /** the fields kept when trimmed */
  readonly fields: readonly string[]
  /** why trimming is not offered (the query does not parse, or reads every field); null: offered */
  readonly cannotTrim: string | null
  /** why the events are left out although the user did not ask for it; null when they are not */
  readonly eventsLeftOut: string | null
  /** why the link will not open (too long for the codec); null when it will */
  readonly tooLong: string | null
  /** exception items the link leaves out, and why; null when it carries them all */
  readonly exceptionsLeftOut: string | null
}

const mb = (chars: number): string => `${(chars / 1_000_000).toFixed(1)} MB`

/**
 * Elasticsearch responses are unwrapped to their events before trimming (their wrappers hold no
 * query field, so trimming them as they are would drop every event); other layouts are trimmed
 * as written, keeping lines that are not JSON.
 */
function trim(eventsText: string, keep: FieldsToKeep): string {
  const parsed = parseEventsText(eventsText)
  const asWritten = parsed.format === 'json' || parsed.format === 'json-array' || parsed.format === 'ndjson'
  const text = asWritten ? eventsText : parsed.events.map((e) => JSON.stringify(e)).join('\n')
  return keepQueryFields(text, keep)
}

/**
 * The document's prose (title, task, expected outcomes' notes) with the redacted values replaced
 * too: a note like "written on mbp-042" would leak what the events hide. The query is left as it
 * is, since changing it would change what matches; the dialog says so.
 */
function redactedProse(source: ShareSource, values: readonly string[]): ShareSource {
  if (values.length === 0) return source
  return {
    ...source,
    title: redactText(source.title, values),
    task: redactText(source.task, values),
    expectations: source.expectations?.map((e) => (e.note === undefined ? e : { ...e, note: redactText(e.note, values) })),
  }
}

/**
 * The fields to keep when trimming: the query's, plus those the exception items read, which
 * apply to every event (so they join the fields every EQL event keeps).
 */
function fieldsToKeep(source: ShareSource): FieldsToKeep & { readonly complete: boolean } {
  const queryFields = fieldsOfQuery(source.language, source.query, source.settings ?? {})
  const extra = fieldsOfExceptions(source.exceptions)
  if (extra.length === 0) return queryFields
  const fields = [...new Set([...queryFields.fields, ...extra])]
  const by = queryFields.byCategory
  return { complete: queryFields.complete, fields, byCategory: by === null ? null : { ...by, common: [...new Set([...by.common, ...extra])] } }
}

/** The link for `source` with `options`, measured against the limits for a page at `pageUrl`. */
export async function prepareShareLink(source: ShareSource, options: ShareOptions, pageUrl: string): Promise<PreparedLink> {
  const queryFields = fieldsToKeep(source)
  const { fields, complete } = queryFields
  const cannotTrim = complete
    ? null
    : source.query.trim() === ''
      ? 'There is no query to take the fields from.'
      : 'The query does not parse, or reads every field (free text, a field pattern), so its fields cannot be listed.'
  let eventsLeftOut: string | null = null
  let events = ''
  let kind: PreparedLink['events'] = 'none'
  if (source.eventsFile) {
    eventsLeftOut = `The events come from the file ${source.eventsFile.name} (${mb(source.eventsFile.size)}), streamed to the engine rather than held as text: the link leaves them out. Send the file along with the link.`
  } else if (!options.withoutEvents && source.eventsText !== '') {
    const trimming = options.keepOnlyQueryFields && cannotTrim === null
    if (trimming && source.eventsText.length > MAX_TRIMMED_EVENTS_CHARS) {
      eventsLeftOut = `The events (${mb(source.eventsText.length)}) are too large to trim in the page: the link leaves them out.`
    } else if (trimming) {
      events = trim(source.eventsText, queryFields)
      kind = 'trimmed'
    } else if (source.eventsText.length > MAX_SHARED_EVENTS_CHARS) {
      eventsLeftOut = `The events (${mb(source.eventsText.length)}) are too large for a link: it leaves them out.${cannotTrim === null ? ' Keeping only the fields the query uses may make them fit.' : ''}`
    } else {
      events = source.eventsText
      kind = 'all'
    }
    if (kind === 'trimmed' && events.length > MAX_SHARED_EVENTS_CHARS) {
      eventsLeftOut = `Even with only the fields the query uses, the events (${mb(events.length)}) are too large for a link: it leaves them out.`
      events = ''
      kind = 'none'
    }
  }
  if (events !== '' && options.redact.length > 0) events = redactValues(events, options.redact)
  const { kept, exceptionsLeftOut } = readableExceptions(source.exceptions)
  const fragment = await encodeShareLink(sharedDocumentOf({ ...redactedProse(source, options.redact), exceptions: kept }, events))
  const url = pageUrl + fragment
  return {
    fragment,
    url,
    length: linkLength(fragment, pageUrl),
    events: kind,
    fields: kind === 'trimmed' ? fields : [],
    cannotTrim,
    eventsLeftOut,
    tooLong: fragment.length > MAX_LINK_CHARS ? 'This link is longer than the playground opens (2 MiB): leave the events out or keep only the fields the query uses.' : null,
    exceptionsLeftOut,
  }
}

/**
 * The items a link can carry: those the link's reader takes whole. A reader refuses a link with
 * an item it cannot read (validate-document.ts), so such an item (which the item editor does not
 * make) is left out here, and said, rather than making a link that does not open.
 */
function readableExceptions(items: ShareSource['exceptions']): { kept: ShareSource['exceptions']; exceptionsLeftOut: string | null } {
  const kept = items.filter((item) => {
    const read = readExceptionItems([item])
    return read.problems.length === 0 && read.items.length === 1
  })
  const out = items.length - kept.length
  if (out === 0) return { kept: items, exceptionsLeftOut: null }
  const names = items.filter((i) => !kept.includes(i)).map((i) => `"${i.name}"`).join(', ')
  return { kept, exceptionsLeftOut: `${out === 1 ? 'One exception item is' : `${out} exception items are`} left out of the link (${names}): an entry has no field, operator or value. Fix ${out === 1 ? 'it' : 'them'} to share ${out === 1 ? 'it' : 'them'}.` }
}

/**
 * Values the dialog offers to redact: host, user and address values found in the events (none
 * when the events are too large to read here, or not text).
 */
export function redactCandidatesOf(eventsText: string): RedactCandidate[] {
  if (eventsText === '' || eventsText.length > MAX_SHARED_EVENTS_CHARS) return []
  return redactCandidates(parseEventsText(eventsText).events)
}
