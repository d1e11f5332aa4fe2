import type { RuleDocument } from '../engine'
// the reader alone: importing the engine's index here would pull the whole engine into the first bundle
import { readExceptionItems } from '../engine/exceptions/read-items'
import { DEFAULT_KQL_DOCUMENT_SETTINGS, type DocumentAbout, type DocumentSnapshot, type Expectation, type KqlDocumentSettings, type QueryLanguage } from './document-slice'
import type { PaneLayout } from './shell-slice'

/**
 * The saved form of a document, and reading it back. Pure (no storage access), so what a reload
 * restores is tested in Node. Saved data is untrusted input: another version of the page, a
 * browser extension or a half-written save may have left anything, so every field is checked.
 */

/** Bumped on an incompatible change of the saved form; older versions are migrated in `decodeDocument`. */
export const SAVED_DOCUMENT_VERSION = 1

/** Where a saved document's events are: inline in the JSON, or in the blob store under `key`. */
export type SavedEvents = { readonly where: 'inline'; readonly text: string } | { readonly where: 'blob'; readonly key: string; readonly length: number }

export interface SavedDocument extends DocumentAbout {
  readonly version: number
  readonly documentId: string
  readonly query: string
  readonly language: QueryLanguage
  readonly settings: DocumentSnapshot['settings']
  readonly kqlSettings: KqlDocumentSettings
  readonly eventsSource: string | null
  readonly events: SavedEvents
  /** a large streamed file, kept whole in the blob store under `key` */
  readonly file?: { readonly key: string; readonly name: string }
  /** marks whose event was edited or deleted (document-slice `lostExpectations`) */
  readonly lostExpectations?: readonly Expectation[]
}

/** The blob-store key of a document's events: one per document, so "New" never overwrites them. */
export const eventsBlobKey = (documentId: string): string => `events:${documentId}`

/** The blob-store key of a document's streamed events file. */
export const eventsFileKey = (documentId: string): string => `events-file:${documentId}`

export function encodeDocument(doc: DocumentSnapshot, events: SavedEvents): SavedDocument {
  const { documentId, query, language, settings, kqlSettings, eventsSource, title, task, expectations, rule, exceptions } = doc
  const file = doc.eventsFile ? { file: { key: eventsFileKey(documentId), name: doc.eventsFile.name } } : {}
  // marks whose event is gone stay until the user drops them, across reloads too
  const lost = doc.lostExpectations && doc.lostExpectations.length > 0 ? { lostExpectations: doc.lostExpectations } : {}
  return { version: SAVED_DOCUMENT_VERSION, documentId, query, language, settings, kqlSettings, eventsSource, events, ...file, title, task, expectations, rule, exceptions, ...lost }
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback)

function decodeEvents(v: unknown): SavedEvents {
  if (isObject(v) && v.where === 'blob' && typeof v.key === 'string') return { where: 'blob', key: v.key, length: typeof v.length === 'number' ? v.length : 0 }
  if (isObject(v) && v.where === 'inline' && typeof v.text === 'string') return { where: 'inline', text: v.text }
  return { where: 'inline', text: '' }
}

function decodeKql(v: unknown): KqlDocumentSettings {
  if (!isObject(v)) return DEFAULT_KQL_DOCUMENT_SETTINGS
  const mappings: Record<string, string> = {}
  if (isObject(v.mappings)) for (const [field, type] of Object.entries(v.mappings)) if (typeof type === 'string') mappings[field] = type
  return { mappings, now: typeof v.now === 'string' ? v.now : null }
}

/** Saved expected outcomes, dropping any entry that is not one (older saves have none). */
function decodeExpectations(v: unknown, keepFingerprints = false): Expectation[] {
  if (!Array.isArray(v)) return []
  return v.flatMap((e: unknown): Expectation[] => {
    if (!isObject(e) || typeof e.eventIndex !== 'number' || !Number.isSafeInteger(e.eventIndex) || e.eventIndex < 0) return []
    if (e.expect !== 'match' && e.expect !== 'no-match') return []
    const note = typeof e.note === 'string' ? { note: e.note } : {}
    // A placed mark is fingerprinted again at its position once the events load (the saved events
    // are its own); a lost mark has no position left, only its fingerprint, should its event return.
    const fingerprint = keepFingerprints && typeof e.fingerprint === 'string' ? { fingerprint: e.fingerprint } : {}
    return [{ eventIndex: e.eventIndex, expect: e.expect, ...note, ...fingerprint }]
  })
}

/** A saved rule's metadata; only its shape is checked (exports read it field by field). */
function decodeRule(v: unknown): RuleDocument | null {
  if (!isObject(v) || typeof v.name !== 'string' || typeof v.query !== 'string' || typeof v.type !== 'string' || !isObject(v.extra)) return null
  return v as unknown as RuleDocument
}

/** Reads a saved document (JSON text); null when there is none or it is not one of ours. */
export function decodeDocument(text: string | null): SavedDocument | null {
  if (text === null) return null
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    return null
  }
  if (!isObject(v) || typeof v.documentId !== 'string' || typeof v.version !== 'number' || v.version > SAVED_DOCUMENT_VERSION) return null
  return {
    version: v.version,
    documentId: v.documentId,
    query: str(v.query, ''),
    language: v.language === 'kql' ? 'kql' : 'eql',
    // EQL settings are passed to the engine as given; the engine's own settings reader fills gaps.
    settings: isObject(v.settings) ? (v.settings as DocumentSnapshot['settings']) : {},
    kqlSettings: decodeKql(v.kqlSettings),
    eventsSource: typeof v.eventsSource === 'string' ? v.eventsSource : null,
    events: decodeEvents(v.events),
    ...(isObject(v.file) && typeof v.file.key === 'string' && typeof v.file.name === 'string' ? { file: { key: v.file.key, name: v.file.name } } : {}),
    title: str(v.title, ''),
    task: str(v.task, ''),
    expectations: decodeExpectations(v.expectations),
    rule: decodeRule(v.rule),
    // older saves have none; a damaged item is dropped rather than losing the document
    exceptions: readExceptionItems(v.exceptions).items,
    ...(Array.isArray(v.lostExpectations) && v.lostExpectations.length > 0 ? { lostExpectations: decodeExpectations(v.lostExpectations, true) } : {}),
  }
}

/** The snapshot a saved document stands for, once its events text (and file, if any) are read back. */
export function toSnapshot(saved: SavedDocument, eventsText: string, eventsFile: File | null = null): DocumentSnapshot {
  const { documentId, query, language, settings, kqlSettings, eventsSource, title, task, expectations, rule, exceptions } = saved
  const lost = saved.lostExpectations ? { lostExpectations: saved.lostExpectations } : {}
  return { documentId, query, language, settings, kqlSettings, eventsText, eventsSource, eventsFile, title, task, expectations, rule, exceptions, ...lost }
}

/** Reads saved pane sizes: `{ group: { pane: percent } }`, dropping anything else. */
export function decodeLayouts(text: string | null): Record<string, PaneLayout> {
  const out: Record<string, PaneLayout> = {}
  let v: unknown
  try {
    v = text === null ? null : JSON.parse(text)
  } catch {
    return out
  }
  if (!isObject(v)) return out
  for (const [group, layout] of Object.entries(v)) {
    if (!isObject(layout)) continue
    const sizes = Object.entries(layout).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
    if (sizes.length > 0) out[group] = Object.fromEntries(sizes)
  }
  return out
}
