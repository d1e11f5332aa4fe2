import type { Span } from '../engine'

/**
 * Reply shapes of the editor requests (`complete`, `hover`, `format`), apart from protocol.ts to
 * keep both files short. The worker maps the engine's completion types (src/engine/complete/
 * types.ts) onto these, so the editor providers code against one stable contract.
 */

/**
 * One completion candidate, shaped so the editor maps it to Monaco without guessing. The engine's
 * own type (src/engine/complete/) is the source of truth once it lands; these fields are the
 * contract the editor codes against.
 */
export interface CompletionEntry {
  readonly label: string
  readonly kind: 'keyword' | 'category' | 'operator' | 'function' | 'field' | 'value' | 'snippet'
  /** what replaces `replace` (defaults to `label`) */
  readonly insertText?: string
  /** signature or field type, shown beside the label */
  readonly detail?: string
  /** markdown */
  readonly documentation?: string
  /** 'snippet': insertText uses `${1:placeholder}` tab stops */
  readonly insertTextRules?: 'snippet'
  /** lower sorts first */
  readonly sortText?: string
}

export interface Completions {
  /** the span of `text` the chosen entry replaces (the word being typed) */
  readonly replace: Span
  readonly entries: readonly CompletionEntry[]
}

export interface HoverInfo {
  /** the span the hover is about */
  readonly span: Span
  /** markdown paragraphs */
  readonly contents: readonly string[]
}

/** The reply to `format`: null with the reason when formatting would lose something. */
export interface Formatted {
  readonly formatted: string | null
  readonly reason: 'errors' | 'comments' | null
}

