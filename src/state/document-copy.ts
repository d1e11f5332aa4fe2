import { snapshotOf, type DocumentWithEvents } from './document-slice'
import { DEFAULT_EDITABLE_BYTES } from './effects-events'
import { decodeDocument, encodeDocument } from './persisted-document'
import type { PlaygroundState, PlaygroundStore } from './store'

/**
 * "Download a copy": the whole document (query, language, settings, events, rule, exceptions,
 * expected outcomes) as one JSON file the user keeps, and opening such a file again. It is the
 * way out when autosave cannot save (a full storage quota) and before clearing what the page
 * stored. The file holds the autosave's own saved form with the events inline, so one reader
 * (persisted-document.ts, which treats its input as untrusted) serves both.
 */

/** Names the file's content, so any other JSON is told apart at once. */
export const DOCUMENT_COPY_FORMAT = 'rule-playground-document'

/** A streamed events file up to this size goes into the copy; a larger one stays the user's own file. */
export const COPY_FILE_EVENTS_LIMIT = 64 * 1024 * 1024

/** Copies larger than this are refused when opened (a copy holds at most the limit above, plus the rest). */
export const MAX_COPY_BYTES = 160 * 1024 * 1024

export interface DocumentCopy {
  readonly fileName: string
  readonly text: string
  /** what the copy does not hold, in words for the user; null when it holds everything */
  readonly leftOut: string | null
}

/** The file name: the document's title (or "rule-playground"), and the day. */
function copyFileName(title: string, now: Date): string {
  const stem = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'rule-playground'
  return `${stem}-${now.toISOString().slice(0, 10)}.rule-playground.json`
}

/** The current document as a copy file. A streamed events file is read into it when not too large. */
export async function documentCopyOf(state: PlaygroundState, now: Date = new Date()): Promise<DocumentCopy> {
  const doc = snapshotOf(state)
  let eventsText = doc.eventsText
  let leftOut: string | null = null
  if (doc.eventsFile) {
    if (doc.eventsFile.size <= COPY_FILE_EVENTS_LIMIT) eventsText = await doc.eventsFile.text()
    else leftOut = `The events of ${doc.eventsFile.name} are too large for the copy: keep that file, and load it again after opening the copy.`
  }
  const saved = encodeDocument({ ...doc, eventsFile: null, eventsSource: doc.eventsFile?.name ?? doc.eventsSource }, { where: 'inline', text: eventsText })
  const text = JSON.stringify({ format: DOCUMENT_COPY_FORMAT, savedAt: now.toISOString(), document: saved }, null, 1)
  return { fileName: copyFileName(doc.title, now), text, leftOut }
}

/** A copy file read back: the document to open (and its events as a file when large), or why not. */
export type ReadCopy = { readonly ok: true; readonly doc: DocumentWithEvents; readonly eventsFile: File | null } | { readonly ok: false; readonly message: string }

const NOT_A_COPY = 'This file is not a copy downloaded from Rule Playground (Download a copy). To load events, drop them on the page; to open a rule, use Import rule.'

/** Reads a copy's text; never throws. */
export function readDocumentCopy(text: string): ReadCopy {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    return { ok: false, message: NOT_A_COPY }
  }
  if (typeof v !== 'object' || v === null || (v as { format?: unknown }).format !== DOCUMENT_COPY_FORMAT) return { ok: false, message: NOT_A_COPY }
  const saved = decodeDocument(JSON.stringify((v as { document?: unknown }).document ?? null))
  if (!saved) return { ok: false, message: 'This copy was written by a newer version of Rule Playground, or is damaged: it cannot be opened here.' }
  const events = saved.events.where === 'inline' ? saved.events.text : ''
  // larger events open as a streamed file rather than editor text, as the events effect decides for files
  const large = events.length > DEFAULT_EDITABLE_BYTES
  const { query, language, settings, kqlSettings, eventsSource, title, task, expectations, rule, exceptions } = saved
  const doc: DocumentWithEvents = { query, language, settings, kqlSettings, title, task, expectations, rule, exceptions, eventsText: large ? '' : events, eventsSource: large ? null : eventsSource }
  return { ok: true, doc, eventsFile: large ? new File([events], eventsSource ?? 'events.ndjson') : null }
}

/** Reads a copy file picked by the user: refuses what is too large before reading it into memory. */
export async function readDocumentCopyFile(file: Blob): Promise<ReadCopy> {
  if (file.size > MAX_COPY_BYTES) return { ok: false, message: `This file is ${Math.round(file.size / 1024 / 1024)} MB: larger than any copy the page writes, so it is not opened.` }
  try {
    return readDocumentCopy(await file.text())
  } catch {
    return { ok: false, message: 'The file could not be read.' }
  }
}

/** Opens a copy read back: over the current document, which stays restorable (like a link). */
export function openDocumentCopy(store: PlaygroundStore, copy: Extract<ReadCopy, { ok: true }>): void {
  store.getState().openDocument(copy.doc)
  if (copy.eventsFile) store.getState().loadEventsFiles([copy.eventsFile])
  store.getState().setGuideOpen(false)
}
