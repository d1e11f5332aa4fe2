import type { EqlSettings, ExceptionItem, RuleDocument } from '../engine'
import { languageAfterEdit } from './detect-language'
import { reattached } from './expectations-follow'
import type { PlaygroundState, SliceCreator } from './store'

/**
 * The document: what the user wrote and chose (query, language, rule settings). Together with the
 * events (events-slice.ts) it is what autosave persists and what "New" sets aside for undo.
 */

/** The rule languages the playground runs. */
export type QueryLanguage = 'eql' | 'kql'

/** KQL-only rule settings: field types the rule's index would map, and the `now` of date math. */
export interface KqlDocumentSettings {
  /** flat `{ field: type }` table (e.g. `{ "source.port": "long" }`); wins over ECS and inference */
  readonly mappings: Readonly<Record<string, string>>
  /** ISO-8601 instant standing in for `now` in date math; null: the time of the run */
  readonly now: string | null
}

export const DEFAULT_KQL_DOCUMENT_SETTINGS: KqlDocumentSettings = { mappings: {}, now: null }

/**
 * One event's expected outcome, as an example, a lesson or a test file states it. Events are named
 * by position in the events text (0-based), the order the engine numbers them in.
 */
export interface Expectation {
  readonly eventIndex: number
  readonly expect: 'match' | 'no-match'
  /** why, in one line */
  readonly note?: string
  /**
   * A fingerprint of the marked event (src/worker/handle-fingerprint.ts), so the mark follows its
   * event when the events text is edited (effects-expectations-follow.ts). Session data: saved
   * documents, links and test files carry the events with positions that are right for them, so
   * a mark without one is fingerprinted at its position when its events are loaded.
   */
  readonly fingerprint?: string
}

/**
 * What a document says about itself besides the query: a title, a task (the guided note of an
 * example, the instructions of a lesson), the expected outcome of its events, and the detection
 * rule it came from (metadata an import brought, kept so an export gives it back).
 */
export interface DocumentAbout {
  readonly title: string
  readonly task: string
  readonly expectations: readonly Expectation[]
  readonly rule: RuleDocument | null
  /**
   * Kibana-style exception items applied on top of the rule (src/engine/exceptions): part of the
   * rule, so they travel with it (saved, shared, exported) and an opened rule brings its own.
   */
  readonly exceptions: readonly ExceptionItem[]
}

export const EMPTY_ABOUT: DocumentAbout = { title: '', task: '', expectations: [], rule: null, exceptions: [] }

/**
 * What opening a document (an example, a link, an import) brings; omitted parts take their
 * defaults. Without `eventsText` the current events stay (a rule imported to try on the events
 * at hand, a streamed file included). Expected outcomes come only with the document: the old
 * document's marks stay with it (restorable), since they were written for its rule.
 */
export interface OpenedDocument extends Partial<DocumentAbout> {
  readonly query: string
  readonly language: QueryLanguage
  readonly eventsText?: string
  readonly eventsSource?: string | null
  readonly settings?: Partial<EqlSettings>
  readonly kqlSettings?: KqlDocumentSettings
}

/** A document that brings its own events (an example, a lesson, a link). */
export type DocumentWithEvents = OpenedDocument & { readonly eventsText: string }

/** A whole document at one moment, events included: what is saved, and what "New" sets aside. */
export interface DocumentSnapshot extends DocumentAbout {
  readonly documentId: string
  readonly query: string
  readonly language: QueryLanguage
  readonly settings: Partial<EqlSettings>
  readonly kqlSettings: KqlDocumentSettings
  readonly eventsText: string
  readonly eventsSource: string | null
  /** a large file streamed into the worker (its text is not in the store), to load again on restore */
  readonly eventsFile: File | null
  /** marks whose event is gone (see DocumentSlice): kept by "New" and restored with the document; not saved */
  readonly lostExpectations?: readonly Expectation[]
}

export interface DocumentSlice extends DocumentAbout {
  /** names this document in storage (large events are stored under it) */
  readonly documentId: string
  readonly query: string
  readonly language: QueryLanguage
  /** EQL request settings the user changed (the rest are the engine's defaults) */
  readonly settings: Partial<EqlSettings>
  readonly kqlSettings: KqlDocumentSettings
  /** the document "New" replaced, until restored (kept across reloads by autosave) */
  readonly previousDocument: DocumentSnapshot | null
  /**
   * Marks whose event is no longer in the events (deleted, or edited so its fingerprint changed),
   * `eventIndex` being where it was. Kept apart from `expectations` so nothing shows them on
   * another event's row, and shown by the check line, which fails until they are dropped (or the
   * event comes back); never silently lost while the document is open.
   */
  readonly lostExpectations: readonly Expectation[]
  /** the events version the marks' positions were last followed to (null: not yet, for this document) */
  readonly expectationsEventsVersion: number | null

  /** an edit of the query; a paste or load whose language is clear also switches the language */
  editQuery(query: string): void
  /** switches the rule language; the effects re-run with that language's engine */
  setLanguage(language: QueryLanguage): void
  editSettings(settings: Partial<EqlSettings>): void
  editKqlSettings(settings: Partial<KqlDocumentSettings>): void
  /** starts an empty document; the current one becomes `previousDocument` */
  newDocument(): void
  /** swaps the current document with `previousDocument` (so a second click undoes the undo) */
  restorePreviousDocument(): void
  /** opens an example, a shared link or an import; the current document becomes `previousDocument` */
  openDocument(doc: OpenedDocument): void
  /** replaces the expected outcomes (marking or unmarking events) */
  setExpectations(expectations: readonly Expectation[]): void
  /** the marks placed on events version `eventsVersion` (placed and lost ones), from the follow effect */
  followExpectations(placed: { expectations: readonly Expectation[]; lost: readonly Expectation[]; eventsVersion: number }): void
  /** forgets a mark whose event is gone */
  dropLostExpectation(mark: Expectation): void
  /** forgets every mark whose event is gone (e.g. after loading other events) */
  dropLostExpectations(): void
  /** puts a mark whose event is gone on the event now at its position (the event was edited) */
  reattachLostExpectation(mark: Expectation): void
  /** edits the title, the task or the rule metadata */
  editAbout(about: Partial<DocumentAbout>): void
  /** replaces the exception items (adding, editing or removing one); the rule runs again */
  setExceptions(exceptions: readonly ExceptionItem[]): void
}

export interface DocumentInit extends Partial<DocumentAbout> {
  readonly documentId?: string
  readonly query?: string
  readonly language?: QueryLanguage
  readonly settings?: Partial<EqlSettings>
  readonly kqlSettings?: KqlDocumentSettings
  readonly previousDocument?: DocumentSnapshot | null
  /** marks whose event is gone, as a saved document left them */
  readonly lostExpectations?: readonly Expectation[]
}

/**
 * A fresh document id. Not crypto.randomUUID: that exists only in secure contexts, and the page
 * may be served over plain http on a LAN; uniqueness per browser profile is all storage needs.
 */
export function newDocumentId(): string {
  return `doc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

/**
 * The streamed file behind the current events, if they are one: the files of the load that
 * finished (not of one still in progress, which may yet be cancelled), as one File.
 */
function streamedFileOf(s: PlaygroundState): File | null {
  const files = s.eventsLoadRequest?.files
  if (!s.eventsFile || s.eventsLoad || !files || files.length === 0) return null
  const first = files[0]
  if (files.length === 1 && first) return first
  // One joined File per load: the autosave stores the file again only when it is another object,
  // so a new join at every snapshot rewrote a 100 MB set into IndexedDB at every query edit.
  let joined = joinedFiles.get(files)
  if (!joined) {
    joined = new File(files.flatMap((f, i) => (i === 0 ? [f] : ['\n', f])), s.eventsFile.name)
    joinedFiles.set(files, joined)
  }
  return joined
}

const joinedFiles = new WeakMap<readonly File[], File>()

/** The current document, events included. */
export function snapshotOf(s: PlaygroundState): DocumentSnapshot {
  const { documentId, query, language, settings, kqlSettings, eventsText, eventsSource, title, task, expectations, rule, exceptions } = s
  const lost = s.lostExpectations.length > 0 ? { lostExpectations: s.lostExpectations } : {}
  return { documentId, query, language, settings, kqlSettings, eventsText, eventsSource, eventsFile: streamedFileOf(s), title, task, expectations, rule, exceptions, ...lost }
}

/** Drops keys set to undefined: a cleared setting means "the engine's default", not undefined. */
function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

/** Every edit marks the state running at once, so no `idle` status sits next to stale results. */
export const createDocumentSlice =
  (init: DocumentInit = {}): SliceCreator<DocumentSlice> =>
  (set, get) => {
    const snapshot = (): DocumentSnapshot => snapshotOf(get())
    // The document fields here; the events through their own slice's action, which owns them.
    const open = (doc: DocumentSnapshot, previousDocument: DocumentSnapshot | null, keepEvents = false): void => {
      const { documentId, query, language, settings, kqlSettings, title, task, expectations, rule } = doc
      // documents saved before exceptions existed have none
      const exceptions = doc.exceptions ?? []
      set({ documentId, query, language, settings, kqlSettings, title, task, expectations, rule, exceptions, previousDocument, status: 'running' })
      // The opened document's marks are placed on its own events, once they are loaded.
      set({ lostExpectations: doc.lostExpectations ?? [], expectationsEventsVersion: null })
      // Kept events are already in the worker: nothing to parse or stream again.
      if (keepEvents) return
      get().editEvents(doc.eventsText, doc.eventsSource)
      if (doc.eventsFile) get().loadEventsFiles([doc.eventsFile])
    }
    return {
      documentId: init.documentId ?? newDocumentId(),
      query: init.query ?? '',
      language: init.language ?? 'eql',
      settings: init.settings ?? {},
      kqlSettings: init.kqlSettings ?? DEFAULT_KQL_DOCUMENT_SETTINGS,
      previousDocument: init.previousDocument ?? null,
      title: init.title ?? EMPTY_ABOUT.title,
      task: init.task ?? EMPTY_ABOUT.task,
      expectations: init.expectations ?? EMPTY_ABOUT.expectations,
      rule: init.rule ?? EMPTY_ABOUT.rule,
      exceptions: init.exceptions ?? EMPTY_ABOUT.exceptions,
      lostExpectations: init.lostExpectations ?? [],
      expectationsEventsVersion: null,

      editQuery: (query) => set((s) => ({ query, language: languageAfterEdit(s.query, query, s.language), status: 'running' })),
      setLanguage: (language) => set((s) => (s.language === language ? {} : { language, status: 'running' })),
      editSettings: (settings) => set((s) => ({ settings: withoutUndefined({ ...s.settings, ...settings }), status: 'running' })),
      editKqlSettings: (kql) => set((s) => ({ kqlSettings: { ...s.kqlSettings, ...kql }, status: 'running' })),
      newDocument: () => {
        const current = snapshot()
        // A new document starts in the language the user is working in.
        const blank = { documentId: newDocumentId(), query: '', language: current.language, settings: {}, kqlSettings: DEFAULT_KQL_DOCUMENT_SETTINGS, ...EMPTY_ABOUT }
        open({ ...blank, eventsText: '', eventsSource: null, eventsFile: null }, current)
      },
      restorePreviousDocument: () => {
        const previous = get().previousDocument
        if (previous) open(previous, snapshot())
      },
      openDocument: (doc) => {
        const current = snapshot()
        const keepEvents = doc.eventsText === undefined
        open(
          {
            ...EMPTY_ABOUT,
            ...withoutUndefined(doc),
            documentId: newDocumentId(),
            settings: doc.settings ?? {},
            kqlSettings: doc.kqlSettings ?? DEFAULT_KQL_DOCUMENT_SETTINGS,
            eventsText: doc.eventsText ?? current.eventsText,
            eventsSource: keepEvents ? current.eventsSource : (doc.eventsSource ?? null),
            eventsFile: null,
          },
          current,
          keepEvents,
        )
      },
      setExpectations: (expectations) => set({ expectations }),
      followExpectations: ({ expectations, lost, eventsVersion }) => set({ expectations, lostExpectations: lost, expectationsEventsVersion: eventsVersion }),
      dropLostExpectation: (mark) => set((s) => ({ lostExpectations: s.lostExpectations.filter((m) => m !== mark) })),
      dropLostExpectations: () => set({ lostExpectations: [] }),
      reattachLostExpectation: (mark) =>
        set((s) => ({ lostExpectations: s.lostExpectations.filter((m) => m !== mark), expectations: reattached(s.expectations, mark) })),
      editAbout: (about) => set(withoutUndefined(about)),
      setExceptions: (exceptions) => set({ exceptions, status: 'running' }),
    }
  }
