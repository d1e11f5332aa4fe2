import type { DocumentSnapshot } from './document-slice'
import { decodeDocument, decodeLayouts, toSnapshot, type SavedDocument } from './persisted-document'
import type { InitialState } from './store'
import { keepWorkChoice, STORAGE_KEYS, type BlobStorage, type TextStorage } from './stored-data'

/**
 * Reading back what autosave (effects-persist.ts) kept: the document, the one "New" set aside and
 * the pane sizes, before the store is made. What cannot be read back is said (a banner), and the
 * rest is restored.
 */

async function readEvents(saved: SavedDocument, blobs: BlobStorage | null): Promise<string | null> {
  const { events } = saved
  if (events.where === 'inline') return events.text
  const value = blobs ? await blobs.get(events.key) : undefined
  if (value === undefined) return null
  return typeof value === 'string' ? value : value.text()
}

/** A streamed events file, as a File again so the events pipeline can load it like a picked one. */
async function readFile(file: NonNullable<SavedDocument['file']>, blobs: BlobStorage | null): Promise<File | null> {
  const value = blobs ? await blobs.get(file.key) : undefined
  return value === undefined ? null : new File([value], file.name)
}

/** What the last session left: the store's initial state, and a problem to show if some was lost. */
export interface SavedState {
  readonly initial: InitialState | null
  /** the current document's streamed events file, for the page to load once the effects run */
  readonly eventsFile: File | null
  readonly problem: string | null
}

/** Reads the saved document, the document "New" set aside, and the pane sizes. */
export async function loadSavedState(storage: TextStorage, blobs: BlobStorage | null): Promise<SavedState> {
  // Autosave turned off: nothing of a document is kept (wiped when it was turned off), so a
  // leftover another tab may have written is not shown either.
  if (!keepWorkChoice(storage)) return { initial: null, eventsFile: null, problem: null }
  const problems: string[] = []
  const load = async (key: string): Promise<DocumentSnapshot | null> => {
    try {
      const saved = decodeDocument(storage.getItem(key))
      if (!saved) return null
      const text = await readEvents(saved, blobs)
      const file = saved.file ? await readFile(saved.file, blobs) : null
      if (text === null || (saved.file && !file)) problems.push(`The saved events of ${key === STORAGE_KEYS.current ? 'this' : 'the previous'} document could not be read back from browser storage.`)
      return toSnapshot(saved, text ?? '', file)
    } catch (e) {
      problems.push(`Restoring the saved document failed (${e instanceof Error ? e.message : String(e)}).`)
      return null
    }
  }
  const current = await load(STORAGE_KEYS.current)
  const previous = await load(STORAGE_KEYS.previous)
  let paneLayouts = {}
  try {
    paneLayouts = decodeLayouts(storage.getItem(STORAGE_KEYS.layouts))
  } catch {
    // Pane sizes are a convenience; the document problems above are the ones worth a banner.
  }
  const problem = problems.length > 0 ? problems.join(' ') : null
  if (!current && !previous) return { initial: Object.keys(paneLayouts).length > 0 ? { paneLayouts } : null, eventsFile: null, problem }
  return { initial: { ...(current ?? {}), previousDocument: previous, paneLayouts }, eventsFile: current?.eventsFile ?? null, problem }
}
