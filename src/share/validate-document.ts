import { readExceptionItems, type EqlSettings, type ExceptionItem } from '../engine'
import { normalizeSharedDocument, type SharedDocument, type SharedExpectation, type SharedKqlSettings } from './shared-document'

/**
 * Checks a decoded link's document field by field. A link is untrusted input (anyone can craft
 * one), so a wrong type anywhere rejects the whole document rather than opening it half-way;
 * unknown extra fields are ignored, so a newer writer's optional additions still open.
 */

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const isCount = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min

/** Thrown inside this module only, to leave the nested checks at the first problem. */
class Invalid extends Error {}

function fail(message: string): never {
  throw new Invalid(message)
}

function optionalString(v: unknown, what: string): string | undefined {
  if (v === undefined || typeof v === 'string') return v
  return fail(`${what} is not text.`)
}

function eqlSettings(v: unknown): Partial<EqlSettings> | undefined {
  if (v === undefined) return undefined
  if (!isObject(v)) return fail('The EQL settings are not an object.')
  const out: { -readonly [K in keyof EqlSettings]?: EqlSettings[K] } = {}
  const eventCategoryField = optionalString(v.eventCategoryField, 'The event category field')
  if (eventCategoryField !== undefined) out.eventCategoryField = eventCategoryField
  const timestampField = optionalString(v.timestampField, 'The timestamp field')
  if (timestampField !== undefined) out.timestampField = timestampField
  if (v.tiebreakerField !== undefined) {
    if (v.tiebreakerField !== null && typeof v.tiebreakerField !== 'string') fail('The tiebreaker field is not text.')
    out.tiebreakerField = v.tiebreakerField
  }
  if (v.size !== undefined) {
    if (v.size !== null && !isCount(v.size, 0)) fail('The size is not a whole number.')
    out.size = v.size
  }
  if (v.resultPosition !== undefined) {
    if (v.resultPosition !== 'head' && v.resultPosition !== 'tail') fail('The result position is neither "head" nor "tail".')
    out.resultPosition = v.resultPosition
  }
  if (v.maxSamplesPerKey !== undefined) {
    if (!isCount(v.maxSamplesPerKey, 1)) fail('The samples per key is not a positive whole number.')
    out.maxSamplesPerKey = v.maxSamplesPerKey
  }
  return out
}

function kqlSettings(v: unknown): SharedKqlSettings | undefined {
  if (v === undefined) return undefined
  if (!isObject(v)) return fail('The KQL settings are not an object.')
  const out: { mappings?: Record<string, string>; now?: string | null } = {}
  if (v.mappings !== undefined) {
    if (!isObject(v.mappings)) fail('The KQL field mappings are not an object.')
    const mappings: Record<string, string> = {}
    for (const [field, type] of Object.entries(v.mappings)) {
      if (typeof type !== 'string') fail(`The KQL mapping of "${field}" is not text.`)
      mappings[field] = type
    }
    out.mappings = mappings
  }
  if (v.now !== undefined) {
    if (v.now !== null && typeof v.now !== 'string') fail('The KQL "now" is not text.')
    out.now = v.now
  }
  return out
}

function expectations(v: unknown): SharedExpectation[] | undefined {
  if (v === undefined) return undefined
  if (!Array.isArray(v)) return fail('The expected outcomes are not a list.')
  return v.map((e: unknown, i): SharedExpectation => {
    if (!isObject(e)) return fail(`Expected outcome ${i + 1} is not an object.`)
    if (!isCount(e.eventIndex, 0)) fail(`Expected outcome ${i + 1} does not name an event by position.`)
    if (e.expect !== 'match' && e.expect !== 'no-match') fail(`Expected outcome ${i + 1} is neither "match" nor "no-match".`)
    const note = optionalString(e.note, `The note of expected outcome ${i + 1}`)
    return { eventIndex: e.eventIndex, expect: e.expect, ...(note !== undefined ? { note } : {}) }
  })
}

/**
 * Exception items go through the engine's checked reader, which rebuilds each item from the
 * fields it knows, so a crafted link cannot slip anything else into the document. An item the
 * reader would drop rejects the link: opening it without that item would show matches the author
 * had excepted, with nothing to say so.
 */
function exceptions(v: unknown): ExceptionItem[] | undefined {
  if (v === undefined) return undefined
  if (!Array.isArray(v)) return fail('The exception items are not a list.')
  return v.flatMap((item: unknown, i) => {
    const read = readExceptionItems([item])
    if (read.problems.length > 0 || read.items.length !== 1) fail(`Exception item ${i + 1} is not an exception item the playground can read (a field, operator or value is missing or of the wrong kind).`)
    return read.items
  })
}

/** The document a link's JSON stands for (canonical form), or why it is not a valid one. */
export function validateSharedDocument(v: unknown): { ok: true; doc: SharedDocument } | { ok: false; message: string } {
  try {
    if (!isObject(v)) fail('The link does not hold a document.')
    if (v.language !== 'eql' && v.language !== 'kql') fail('The link names no rule language (EQL or KQL).')
    const query = optionalString(v.query, 'The query') ?? ''
    const events = optionalString(v.events, 'The events') ?? ''
    const eql = eqlSettings(v.eqlSettings)
    const kql = kqlSettings(v.kqlSettings)
    const expected = expectations(v.expectations)
    const title = optionalString(v.title, 'The title')
    const task = optionalString(v.task, 'The task')
    const items = exceptions(v.exceptions)
    const doc: SharedDocument = {
      language: v.language,
      query,
      events,
      ...(eql ? { eqlSettings: eql } : {}),
      ...(kql ? { kqlSettings: kql } : {}),
      ...(expected ? { expectations: expected } : {}),
      ...(title !== undefined ? { title } : {}),
      ...(task !== undefined ? { task } : {}),
      ...(items ? { exceptions: items } : {}),
    }
    return { ok: true, doc: normalizeSharedDocument(doc) }
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, message: e.message }
    throw e
  }
}
