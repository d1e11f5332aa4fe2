import { ECS_VERSION } from '../engine/schema'
import { deflate, frame, fromBase64Url, inflate, toBase64Url, unframe } from './link-bytes'
import { OLDEST_SHARE_FORMAT_VERSION, SHARE_FORMAT_VERSION, migrate } from './migrate'
import { toLinkJson, type SharedDocument } from './shared-document'
import { validateSharedDocument } from './validate-document'

/**
 * Share links: the whole document in the URL fragment (`#v1.<base64url(length, CRC-32, deflate-raw(JSON))>`),
 * so nothing is sent to any server. The checksum is there because deflate-raw has none: without it
 * a damaged character could open a subtly different query with no warning. Decoding never throws and never returns half a document:
 * a link either opens whole or says clearly why it cannot.
 */

/**
 * The playground engine's version, recorded in links so a reader can be told that results may
 * differ from the author's. Bump it when a change of the engine changes what a query matches.
 */
export const SHARE_ENGINE_VERSION = '0.1.0'

/** Links longer than this are refused before any decoding (no browser keeps a longer URL anyway). */
export const MAX_LINK_CHARS = 2 * 1024 * 1024

/** Inflating stops past this many bytes: a short link may expand without bound. */
export const MAX_DECOMPRESSED_BYTES = 50 * 1024 * 1024

export type ShareLinkErrorCode = 'empty' | 'not-ours' | 'future-version' | 'corrupted' | 'truncated' | 'too-large' | 'invalid-document'

/** Why a link cannot be opened, with a message to show the user as is. */
export interface ShareLinkError {
  readonly code: ShareLinkErrorCode
  readonly message: string
}

/** An opened link's document with notes for the reader (e.g. another engine version), or why it cannot be opened. */
export type DecodeResult = { ok: true; doc: SharedDocument; warnings: string[] } | { ok: false; error: ShareLinkError }

/** The JSON inside a link: the document and the versions it was written with. */
interface LinkPayload {
  readonly engine: string
  readonly ecs: string
  readonly doc: Record<string, unknown>
}

/** The URL fragment (with its `#`) that opens `doc`. Defaults and empty fields are left out. */
export async function encodeShareLink(doc: SharedDocument): Promise<string> {
  const payload: LinkPayload = { engine: SHARE_ENGINE_VERSION, ecs: ECS_VERSION, doc: toLinkJson(doc) }
  const bytes = await deflate(new TextEncoder().encode(JSON.stringify(payload)))
  return `#v${SHARE_FORMAT_VERSION}.${toBase64Url(frame(bytes))}`
}

const MESSAGES: Record<Exclude<ShareLinkErrorCode, 'invalid-document'>, string> = {
  empty: 'The link holds no document.',
  'not-ours': 'This is not a Rule Playground share link.',
  'future-version': 'This link was made by a newer version of Rule Playground. Reload the page to get the latest version, then open the link again.',
  corrupted: 'This share link is damaged and cannot be opened. Ask for the link again, copied whole.',
  truncated: 'This share link is cut short (it was probably shortened by a chat app or an email). Ask for the link again, copied whole.',
  'too-large': 'This share link is too large to open.',
}

const failure = (code: Exclude<ShareLinkErrorCode, 'invalid-document'>): DecodeResult => ({ ok: false, error: { code, message: MESSAGES[code] } })

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Notes for the reader when the link was written by another engine or ECS version. */
function versionWarnings(payload: Record<string, unknown>): string[] {
  const warnings: string[] = []
  if (typeof payload.engine === 'string' && payload.engine !== SHARE_ENGINE_VERSION) {
    warnings.push(`This link was made with engine version ${payload.engine}; this page runs ${SHARE_ENGINE_VERSION}, so results may differ.`)
  }
  if (typeof payload.ecs === 'string' && payload.ecs !== ECS_VERSION) {
    warnings.push(`This link was made with ECS ${payload.ecs}; this page knows ECS ${ECS_VERSION}, so field types may differ.`)
  }
  return warnings
}

async function decode(fragment: string, maxDecompressedBytes: number): Promise<DecodeResult> {
  if (fragment.length > MAX_LINK_CHARS) return failure('too-large')
  // A whole URL is accepted too: what matters is after the first '#'.
  const hash = fragment.indexOf('#')
  const text = (hash >= 0 ? fragment.slice(hash + 1) : fragment).trim()
  if (text === '') return failure('empty')
  const m = /^v(\d{1,6})\.([\s\S]*)$/.exec(text)
  // "#v" or "#v1" alone: a link of ours cut right after its start.
  if (!m) return failure(/^v\d{0,6}$/.test(text) ? 'truncated' : 'not-ours')
  const version = Number(m[1])
  if (version > SHARE_FORMAT_VERSION) return failure('future-version')
  if (version < OLDEST_SHARE_FORMAT_VERSION) return failure('not-ours')
  const text64 = m[2] ?? ''
  if (text64 === '') return failure('truncated')
  const bytes = fromBase64Url(text64)
  if (typeof bytes === 'string') return failure(bytes)
  const body = unframe(bytes)
  if (typeof body === 'string') return failure(body)
  const inflated = await inflate(body, maxDecompressedBytes)
  if (typeof inflated === 'string') return failure(inflated)
  let payload: unknown
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated))
  } catch {
    return failure('corrupted')
  }
  const migrated = migrate(payload, version)
  if (!isObject(migrated)) return invalid('The link does not hold a document.')
  const checked = validateSharedDocument(migrated.doc)
  if (!checked.ok) return invalid(checked.message)
  return { ok: true, doc: checked.doc, warnings: versionWarnings(migrated) }
}

function invalid(detail: string): DecodeResult {
  return { ok: false, error: { code: 'invalid-document', message: `This share link's document cannot be opened: ${detail}` } }
}

/**
 * Reads a share link (its fragment, with or without `#`, or the whole URL). Never throws: any
 * problem is an error with a user-facing message; version differences are warnings.
 */
export async function decodeShareLink(fragment: string, options: { maxDecompressedBytes?: number } = {}): Promise<DecodeResult> {
  try {
    return await decode(fragment, options.maxDecompressedBytes ?? MAX_DECOMPRESSED_BYTES)
  } catch {
    // Unreachable by design; kept so a platform quirk in the streams cannot break "never throws".
    return failure('corrupted')
  }
}
