import type { KqlDocumentSettings, DocumentWithEvents } from '../state/document-slice'
import type { SharedDocument } from './shared-document'

/**
 * Between the store's document and a link's: the two spell a few fields differently (the store's
 * `eventsText` and `settings` are a link's `events` and `eqlSettings`), and a link leaves out
 * what is the default. Pure, so the mapping both ways is tested in Node.
 */

/** The parts of the store's state a link is made of. */
export interface ShareableState {
  readonly language: 'eql' | 'kql'
  readonly query: string
  readonly eventsText: string
  readonly settings: SharedDocument['eqlSettings']
  readonly kqlSettings: KqlDocumentSettings
  readonly title: string
  readonly task: string
  readonly expectations: SharedDocument['expectations']
  /** the exception items applied on top of the rule */
  readonly exceptions: NonNullable<SharedDocument['exceptions']>
}

/** The shared form of the current document (events as given: the caller decides what to drop). */
export function sharedDocumentOf(state: ShareableState, events: string = state.eventsText): SharedDocument {
  return {
    language: state.language,
    query: state.query,
    events,
    eqlSettings: state.settings,
    kqlSettings: { mappings: state.kqlSettings.mappings, now: state.kqlSettings.now },
    expectations: state.expectations,
    title: state.title,
    task: state.task,
    exceptions: state.exceptions,
  }
}

/** Where the events of an opened link say they came from, next to the events box. */
export const SHARED_LINK_SOURCE = 'shared link'

/** What `openDocument` gets for a decoded link: every field set, so nothing of the old document leaks in. */
export function openedDocumentOf(doc: SharedDocument): DocumentWithEvents {
  return {
    language: doc.language,
    query: doc.query,
    eventsText: doc.events,
    eventsSource: doc.events === '' ? null : SHARED_LINK_SOURCE,
    settings: { ...doc.eqlSettings },
    kqlSettings: { mappings: { ...doc.kqlSettings?.mappings }, now: doc.kqlSettings?.now ?? null },
    title: doc.title ?? '',
    task: doc.task ?? '',
    expectations: (doc.expectations ?? []).map((e) => ({ ...e })),
    // A link carries no rule metadata; an imported rule's stays with the document it came in.
    rule: null,
    // the validator rebuilt each item, so the store gets objects no one else holds
    exceptions: doc.exceptions ?? [],
  }
}
