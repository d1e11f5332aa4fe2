/** Share links: the document in the URL fragment, and the tools of the share dialog. */
export { encodeShareLink, decodeShareLink, SHARE_ENGINE_VERSION, MAX_LINK_CHARS, MAX_DECOMPRESSED_BYTES } from './share-link'
export type { DecodeResult, ShareLinkError, ShareLinkErrorCode } from './share-link'
export { SHARE_FORMAT_VERSION } from './migrate'
export { normalizeSharedDocument, type SharedDocument, type SharedExpectation, type SharedKqlSettings } from './shared-document'
export { linkLength, LINK_LIMITS, type LinkLength, type LinkLimit } from './link-length'
export { keepOnlyFields, redactValues, REDACTED } from './trim-events'
