/**
 * The completion and hover API shared by the engine and the worker protocol (request kinds
 * 'complete' and 'hover'). Offsets and spans are 0-based UTF-16, like every engine span; the
 * editor converts them to line/column.
 */
import type { Schema } from '../schema/types'
import type { Span } from '../source/span'
import type { EcsDocs } from './ecs-docs'
import type { FieldValueIndex } from './field-values'

/** What a completion item is, for its icon and grouping. */
export type CompletionKind = 'keyword' | 'category' | 'operator' | 'function' | 'field' | 'value' | 'snippet'

/** One completion proposal; Monaco-shaped but editor-neutral. */
export interface CompletionItem {
  readonly label: string
  readonly kind: CompletionKind
  /** short text beside the label, e.g. the field type */
  readonly detail?: string
  /** markdown */
  readonly documentation?: string
  readonly insertText: string
  /** 'snippet': insertText uses `${1:placeholder}` tab stops */
  readonly insertTextRules?: 'snippet'
  /** ordering key: items sort by it (seen fields before ECS fields, and so on) */
  readonly sortText: string
}

/** A completion or hover request: the whole text and the cursor offset in it. */
export interface CompletionRequest {
  readonly language: 'eql' | 'kql'
  readonly text: string
  /** cursor offset, 0..text.length (clamped) */
  readonly offset: number
  readonly schema: Schema
  /** fields and values seen in the loaded events (`collectFieldValues`, computed once per dataset) */
  readonly seen?: FieldValueIndex
  /** values for a field; overrides `seen` for values when given */
  readonly fieldValues?: (field: string) => readonly string[]
  /** ECS descriptions (`loadEcsDocs()`); without them items carry only types */
  readonly ecsDocs?: EcsDocs
  /** EQL: the field holding the event category (default `event.category`), for category values */
  readonly eventCategoryField?: string
}

/** Completion proposals and the span of text they replace (the partly typed word). */
export interface CompletionResult {
  readonly items: CompletionItem[]
  readonly replace: Span
}

/** Hover contents (markdown) and the span of text they describe. */
export interface HoverResult {
  readonly contents: string
  readonly range: Span
}
