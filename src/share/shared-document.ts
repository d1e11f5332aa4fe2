import { DEFAULT_EQL_SETTINGS, type EqlSettings, type ExceptionItem } from '../engine'

/**
 * What a share link carries: the document a reader needs to see the same matches (language,
 * query, events, settings, expected outcomes). Field names follow the store's document
 * (document-slice.ts) so opening a link is a plain copy, except `events` (the store's
 * `eventsText`) and `eqlSettings` (the store's `settings`), named for what they are in a link.
 */

/** One event's expected outcome, as a lesson or a test file states it. */
export interface SharedExpectation {
  /** position of the event in the events text (0-based) */
  readonly eventIndex: number
  readonly expect: 'match' | 'no-match'
  /** why (one line), shown next to the event */
  readonly note?: string
}

/** The KQL settings of a shared document; each omitted one is the store's default. */
export interface SharedKqlSettings {
  readonly mappings?: Readonly<Record<string, string>>
  readonly now?: string | null
}

/** A document as shared by link. Optional fields are omitted when they hold their default. */
export interface SharedDocument {
  readonly language: 'eql' | 'kql'
  readonly query: string
  /** the events text (NDJSON or a JSON array), as the user typed or loaded it */
  readonly events: string
  readonly eqlSettings?: Partial<EqlSettings>
  readonly kqlSettings?: SharedKqlSettings
  readonly expectations?: readonly SharedExpectation[]
  readonly title?: string
  /** the document's task: an example's guided note, a lesson's instructions (plain text) */
  readonly task?: string
  /**
   * Kibana-style exception items applied on top of the rule, in Kibana's item shape: part of the
   * rule, so a reader sees the same matches. Left out when there is none (older links have none).
   */
  readonly exceptions?: readonly ExceptionItem[]
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

const EQL_KEYS = ['eventCategoryField', 'timestampField', 'tiebreakerField', 'size', 'resultPosition', 'maxSamplesPerKey'] as const

/** EQL settings without those equal to the engine's defaults; undefined when none is left. */
function strippedEql(settings: Partial<EqlSettings> | undefined): Partial<EqlSettings> | undefined {
  if (!settings) return undefined
  const out: Partial<Mutable<EqlSettings>> = {}
  for (const key of EQL_KEYS) {
    const value = settings[key]
    if (value !== undefined && value !== DEFAULT_EQL_SETTINGS[key]) Object.assign(out, { [key]: value })
  }
  return Object.keys(out).length > 0 ? out : undefined
}

function strippedKql(settings: SharedKqlSettings | undefined): SharedKqlSettings | undefined {
  if (!settings) return undefined
  const out: Mutable<SharedKqlSettings> = {}
  if (settings.mappings && Object.keys(settings.mappings).length > 0) out.mappings = { ...settings.mappings }
  if (typeof settings.now === 'string') out.now = settings.now
  return Object.keys(out).length > 0 ? out : undefined
}

/**
 * The document in its canonical shared form: defaults and empty fields dropped, so a link is as
 * short as it can be and two equal documents give the same link. Decoding returns this form.
 */
export function normalizeSharedDocument(doc: SharedDocument): SharedDocument {
  const out: Mutable<SharedDocument> = { language: doc.language, query: doc.query, events: doc.events }
  const eqlSettings = strippedEql(doc.eqlSettings)
  if (eqlSettings) out.eqlSettings = eqlSettings
  const kqlSettings = strippedKql(doc.kqlSettings)
  if (kqlSettings) out.kqlSettings = kqlSettings
  if (doc.expectations && doc.expectations.length > 0) {
    out.expectations = doc.expectations.map((e) => ({ eventIndex: e.eventIndex, expect: e.expect, ...(e.note ? { note: e.note } : {}) }))
  }
  if (doc.title) out.title = doc.title
  if (doc.task) out.task = doc.task
  if (doc.exceptions && doc.exceptions.length > 0) out.exceptions = doc.exceptions
  return out
}

/** The JSON form written into a link: canonical, with empty query and events left out too. */
export function toLinkJson(doc: SharedDocument): Record<string, unknown> {
  const { query, events, ...rest } = normalizeSharedDocument(doc)
  return { ...rest, ...(query ? { query } : {}), ...(events ? { events } : {}) }
}
